/**
 * Turns a token run into what the token view draws: the text cut into segments, each either a group
 * of tokens (one token normally; several when tokens share a span, e.g. the 2–4 byte tokens of one
 * emoji, or overlap), a gap (text no token covers: rare, e.g. stripped spaces), or a zero-width chip
 * (a token with an empty span, e.g. an added BOS).
 *
 * Contract: the segments' text spans are contiguous, start at 0 and end at `text.length`, so
 * concatenating the segment texts gives back the input (checked in test/web/segments.test.ts).
 * O(tokens + gaps).
 */
import type { TokenRun } from './token-run.js';

export interface Segment {
  kind: 'tokens' | 'gap' | 'chip';
  start: number;
  end: number;
  /** Indices into the run (first..last inclusive); -1 for gaps. */
  first: number;
  last: number;
}

export function segmentRun(text: string, run: TokenRun, limit = Infinity): { segments: Segment[]; truncatedAt: number | null } {
  const segs: Segment[] = [];
  let pos = 0;
  const n = run.ids.length;
  for (let i = 0; i < n; i++) {
    if (segs.length >= limit) return { segments: segs, truncatedAt: pos };
    const s = Math.max(run.starts[i]!, pos);
    const e = run.ends[i]!;
    if (run.starts[i] === e) {
      segs.push({ kind: 'chip', start: pos, end: pos, first: i, last: i });
      continue;
    }
    if (e <= pos) {
      // Covered by the previous group (shared or overlapping span): join it.
      const prev = lastTokenGroup(segs);
      if (prev) { prev.last = i; continue; }
    }
    if (s > pos) segs.push({ kind: 'gap', start: pos, end: s, first: -1, last: -1 });
    segs.push({ kind: 'tokens', start: s, end: Math.max(e, s), first: i, last: i });
    pos = Math.max(e, s);
  }
  if (pos < text.length) segs.push({ kind: 'gap', start: pos, end: text.length, first: -1, last: -1 });
  return { segments: segs, truncatedAt: null };
}

function lastTokenGroup(segs: Segment[]): Segment | undefined {
  for (let k = segs.length - 1; k >= 0; k--) if (segs[k]!.kind === 'tokens') return segs[k];
  return undefined;
}
