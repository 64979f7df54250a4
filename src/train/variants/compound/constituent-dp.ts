/**
 * Splits a word into constituents by dynamic programming over a role lookup: the first part must be
 * able to BEGIN a compound, inner parts to sit in the MIDDLE, the last to END it. Among the splits
 * with at least two parts, the fewest parts win, then the one whose part lengths, read from the
 * left, are longest (lexicographically), so a linking element stays on the left part
 * ("Arbeits|zeit", not "Arbeit|szeit" when both parse). Both preferences decompose over prefixes,
 * so keeping the best split of each prefix is exact. O(n²) lookups for a word of n characters.
 */
import { ROLE_BEGIN, ROLE_END, ROLE_MIDDLE } from './hunspell-lexicon.js';

/** Role bits of `word.slice(start, end)` (0 if it is no part). */
export type RoleLookup = (start: number, end: number) => number;

/** Whether part [prevStart, start) may be followed by part [start, end) (hunspell's join checks). */
export type JoinCheck = (prevStart: number, start: number, end: number) => boolean;

export interface DpOptions {
  /** Shortest part in UTF-16 units. */
  minPart: number;
  joinOk?: JoinCheck;
}

interface Best {
  /** Part end positions, in order (the last is this prefix's length). */
  ends: number[];
}

function better(a: number[], b: number[] | undefined): boolean {
  if (b === undefined) return true;
  if (a.length !== b.length) return a.length < b.length;
  // Same count: compare part lengths from the left, longer wins (ends compare the same way).
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return false;
}

/** End positions of the parts of the best split of a word of length `n` into ≥ 2 parts, or null. */
export function bestSplit(n: number, roles: RoleLookup, o: DpOptions): number[] | null {
  const min = Math.max(1, o.minPart);
  if (n < 2 * min) return null;
  // open[i]: best split of word[0, i) whose last part may be continued (BEGIN then MIDDLEs).
  const open: (Best | undefined)[] = new Array(n + 1);
  const joinOk = (ends: number[], start: number, end: number): boolean =>
    o.joinOk === undefined || o.joinOk(ends.length > 1 ? ends[ends.length - 2]! : 0, start, end);
  for (let i = min; i <= n - min; i++) {
    let best: number[] | undefined;
    if ((roles(0, i) & ROLE_BEGIN) !== 0) best = [i];
    for (let j = min; j <= i - min; j++) {
      const prev = open[j];
      if (prev === undefined || (roles(j, i) & ROLE_MIDDLE) === 0 || !joinOk(prev.ends, j, i)) continue;
      const cand = [...prev.ends, i];
      if (better(cand, best)) best = cand;
    }
    if (best !== undefined) open[i] = { ends: best };
  }
  let result: number[] | undefined;
  for (let j = min; j <= n - min; j++) {
    const prev = open[j];
    if (prev === undefined || (roles(j, n) & ROLE_END) === 0 || !joinOk(prev.ends, j, n)) continue;
    const cand = [...prev.ends, n];
    if (better(cand, result)) result = cand;
  }
  return result ?? null;
}

/** Cuts `word` at the given part end positions. */
export function cutAt(word: string, ends: number[]): string[] {
  const out: string[] = [];
  let start = 0;
  for (const e of ends) {
    out.push(word.slice(start, e));
    start = e;
  }
  return out;
}
