/**
 * The diff view: the text split at the cuts two tokenizers share; regions where both have one and
 * the same token are plain, regions where they segment differently are highlighted and show both
 * segmentations stacked (A above, B below), cuts drawn as separators.
 */
import type { TokenRun } from '../model/token-run.js';
import { segmentRun } from '../model/segments.js';
import { cutsOf, diffSegmentations, type DiffRegion } from '../model/segment-diff.js';
import { showWhitespace } from '../model/visible-whitespace.js';
import { h, fmt } from './dom.js';

const MAX_REGIONS = 2500;

function pieces(text: string, region: DiffRegion, cuts: number[], show: (s: string) => string): HTMLElement {
  const row = h('span', { class: 'row' });
  let from = region.start;
  for (const c of [...cuts, region.end]) {
    row.append(h('span', { class: 'piece' }, show(text.slice(from, c))));
    from = c;
  }
  return row;
}

export function diffView(text: string, labelA: string, runA: TokenRun, labelB: string, runB: TokenRun, visibleWs: boolean): HTMLElement {
  const show = (s: string) => (visibleWs ? showWhitespace(s) : s);
  const regions = diffSegmentations(text.length, cutsOf(segmentRun(text, runA).segments), cutsOf(segmentRun(text, runB).segments));
  const differing = regions.filter((r) => !r.same);
  const diffChars = differing.reduce((a, r) => a + r.end - r.start, 0);
  const body = h('div', { class: 'diff-body' + (visibleWs ? ' ws' : '') });
  const frag = document.createDocumentFragment();
  for (const r of regions.slice(0, MAX_REGIONS)) {
    if (r.same) frag.append(h('span', { class: 'same' }, show(text.slice(r.start, r.end))));
    else frag.append(h('span', { class: 'differs', title: `${r.cutsA.length + 1} vs ${r.cutsB.length + 1} tokens` }, pieces(text, r, r.cutsA, show), pieces(text, r, r.cutsB, show)));
  }
  body.append(frag);
  if (regions.length > MAX_REGIONS) body.append(h('div', { class: 'more' }, `… first ${fmt(MAX_REGIONS)} of ${fmt(regions.length)} regions shown`));
  return h('div', { class: 'diff' },
    h('p', { class: 'diff-summary', 'data-role': 'diff-summary' },
      h('b', {}, labelA), ` ${fmt(runA.ids.length)} tokens (top rows) vs `, h('b', {}, labelB), ` ${fmt(runB.ids.length)} tokens (bottom rows): `,
      h('span', { 'data-role': 'diff-count' }, fmt(differing.length)), ` of ${fmt(regions.length)} regions segmented differently, covering ${fmt(diffChars)} of ${fmt(text.length)} characters.`),
    body);
}
