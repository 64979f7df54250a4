/**
 * Seed pieces for Unigram training (spec §9.1 step 4): every character, plus the most promising
 * substrings, scored `frequency × length` and turned into log-probabilities.
 *
 * SentencePiece and HF take the internal nodes of a suffix tree over the words joined by `\0`: the
 * substrings that occur at least twice and are right-branching (followed by two or more distinct
 * chars, `\0` included). They count occurrences in that string, once per distinct word, whatever the
 * word's count. We enumerate the substrings of each distinct word directly (up to `maxPieceLength`
 * chars) and apply the same filters, with the same unweighted frequency.
 * Complexity: O(Σ over distinct words of length × maxPieceLength) time and memory. That is fine for
 * word-level training; a suffix array would be needed for unsplit text.
 */
import type { WordCounts } from '../counting/word-counts.js';

export interface SeedOptions {
  maxPieceLength: number;
  seedSize: number;
}

/** Seed pieces with log-probability scores: chars first (by weighted frequency), then substrings by score. */
export function seedPieces(counts: WordCounts, o: SeedOptions): [string, number][] {
  const chars = new Map<string, number>();
  const occ = new Map<string, number>();
  const next = new Map<string, string>(); // first following char, or '' once branching
  for (const [w, c] of counts.entries()) {
    const cps = Array.from(w);
    for (const ch of cps) chars.set(ch, (chars.get(ch) ?? 0) + c);
    for (let i = 0; i < cps.length; i++) {
      let s = cps[i]!;
      for (let j = i + 1; j < cps.length + 1 && j - i <= o.maxPieceLength; j++) {
        if (j > i + 1) s += cps[j - 1]!;
        if (j - i < 2) continue;
        occ.set(s, (occ.get(s) ?? 0) + 1);
        const after = j < cps.length ? cps[j]! : '\0';
        const seen = next.get(s);
        if (seen === undefined) next.set(s, after);
        else if (seen !== '' && seen !== after) next.set(s, '');
      }
    }
  }
  const seeds: [string, number][] = [...chars.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const subs: [string, number][] = [];
  for (const [s, f] of occ) {
    if (f < 2 || next.get(s) !== '') continue;
    subs.push([s, f * Array.from(s).length]);
  }
  subs.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  for (const e of subs) {
    if (seeds.length >= o.seedSize) break;
    seeds.push(e);
  }
  const logSum = Math.log(seeds.reduce((s, e) => s + e[1], 0));
  return seeds.map(([p, sc]) => [p, Math.log(sc) - logSum]);
}
