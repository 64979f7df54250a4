/**
 * One tokenizer's result in the token view: counts (tokens, characters, bytes, characters per token,
 * time) and the text as coloured token spans. Only the first MAX_SEGMENTS spans are drawn so a 100 KB
 * input stays responsive; the counts always cover the whole text. Hover shows ids via the info bar
 * (data-i on each span is the index of its first token).
 */
import type { TokenRun } from '../model/token-run.js';
import { segmentRun } from '../model/segments.js';
import { showWhitespace } from '../model/visible-whitespace.js';
import { h, fmt } from './dom.js';

export const MAX_SEGMENTS = 2500;

export interface CardResult {
  run: TokenRun;
  ms: number;
  chunksEncoded: number | null;
}

export function countsLine(text: { chars: number; bytes: number }, result: CardResult | undefined): HTMLElement {
  const n = result ? result.run.ids.length : null;
  return h('div', { class: 'counts' },
    h('span', { class: 'num', 'data-role': 'count' }, n === null ? '…' : fmt(n)), ' tokens · ',
    h('span', { class: 'num', 'data-role': 'chars' }, fmt(text.chars)), ' chars · ',
    h('span', { class: 'num', 'data-role': 'bytes' }, fmt(text.bytes)), ' bytes',
    n ? ` · ${(text.chars / n).toFixed(2)} chars/token` : '',
    result ? h('span', { class: 'timing', 'data-role': 'ms' }, ` · ${result.ms.toFixed(1)} ms`) : '');
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ESC[c]!);

/**
 * What a truncated span view shows: the text before `chars` and the ids of the tokens inside it. When
 * an edit leaves both unchanged (typing far down a long text), the drawn spans are still right and
 * only the counts need redrawing.
 */
export interface DrawnPart {
  prefix: string;
  ids: Int32Array;
  visibleWs: boolean;
}

export function stillDrawn(d: DrawnPart, text: string, run: TokenRun, visibleWs: boolean): boolean {
  const k = d.ids.length;
  if (d.visibleWs !== visibleWs || !text.startsWith(d.prefix) || run.ids.length <= k || run.starts[k]! < d.prefix.length) return false;
  for (let i = 0; i < k; i++) if (run.ids[i] !== d.ids[i]) return false;
  return true;
}

/** The spans as one HTML string set at once: about 3× faster than building 3,000 elements one by one. */
export function tokenSpans(text: string, run: TokenRun, visibleWs: boolean): { el: HTMLElement; drawn: DrawnPart | null } {
  const box = h('div', { class: 'tokens' + (visibleWs ? ' ws' : '') });
  const { segments, truncatedAt } = segmentRun(text, run, MAX_SEGMENTS);
  const show = (s: string) => esc(visibleWs ? showWhitespace(s) : s);
  const html: string[] = [];
  let colour = 0;
  for (const seg of segments) {
    if (seg.kind === 'gap') {
      html.push(`<span class="gap">${show(text.slice(seg.start, seg.end))}</span>`);
    } else if (seg.kind === 'chip') {
      const label = run.pieces?.[seg.first] ?? `#${run.ids[seg.first]}`;
      html.push(`<span class="chip special" data-i="${seg.first}">${esc(label)}</span>`);
    } else {
      const cls = run.special[seg.first] ? 'tok special' : `tok c${colour++ % 6}` + (seg.last > seg.first ? ' multi' : '');
      html.push(`<span class="${cls}" data-i="${seg.first}" data-n="${seg.last - seg.first + 1}">${show(text.slice(seg.start, seg.end))}</span>`);
    }
  }
  box.innerHTML = html.join('');
  if (truncatedAt === null) return { el: box, drawn: null };
  box.append(h('div', { class: 'more' }, `… spans shown for the first ${fmt(truncatedAt)} characters; the counts above cover all ${fmt(text.length)}.`));
  let k = 0;
  while (k < run.ids.length && run.starts[k]! < truncatedAt) k++;
  return { el: box, drawn: { prefix: text.slice(0, truncatedAt), ids: run.ids.slice(0, k), visibleWs } };
}

/** Text for the info bar about the token group starting at index `i` (`n` tokens). */
export function describeTokens(text: string, run: TokenRun, i: number, n: number): string {
  const parts: string[] = [];
  for (let k = i; k < i + n && k < run.ids.length; k++) {
    const piece = run.pieces?.[k];
    parts.push(`id ${run.ids[k]}${piece !== undefined ? ` ${JSON.stringify(piece)}` : ''}${run.special[k] ? ' (special)' : ''}`);
  }
  const span = text.slice(run.starts[i]!, run.ends[i + n - 1] ?? run.ends[i]!);
  return `token ${fmt(i + 1)} of ${fmt(run.ids.length)}: ${parts.join(', ')} · text ${JSON.stringify(span)} [${run.starts[i]}, ${run.ends[i + n - 1] ?? run.ends[i]})`;
}
