/**
 * Splitter 2: CompoundPiece's self-supervised hyphen signal (spec §6.1) without the ByT5 model.
 * Learn: scan whitespace-separated words (punctuation trimmed at both ends) for `-`/`‐`; keep a
 * hyphenated spelling when every part has ≥ 2 letters (letters only, so the joined word is one
 * decompoundable word), when freq(hyphenated) / freq(joined, lowercased, unhyphenated) ≥ e^−6, and
 * when it is the most frequent spelling of its joined form. Its parts (lowercased, so the
 * re-cased "Haus-Tür" → "Haustür" of §6.1 step 4 is covered) form the constituent lexicon.
 * Negatives (§6.1 step 3: as many of the most frequent unhyphenated words as spellings were kept,
 * which the model learns to leave whole) are never split here — this keeps "werden" from becoming
 * "wer|den" once both parts are known.
 * Split: DP over the lexicon (constituent-dp.ts) — a learned part may take any position, since a
 * small corpus rarely shows the same part both first and last.
 */
import { cachedSplitter, isDecompoundable, type CompoundSplitter } from './compound-splitter.js';
import { bestSplit, cutAt } from './constituent-dp.js';
import { ROLE_BEGIN, ROLE_END, ROLE_MIDDLE } from './hunspell-lexicon.js';

const HYPHENS = /[-\u2010]/u;
const EDGE_PUNCT = /^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu;
/** §6.1: frequency(hyphenated) / frequency(plain) ≥ e^−6. */
export const MIN_HYPHEN_RATIO = Math.exp(-6);

export interface HyphenLexicon {
  /** Lowercased constituent → summed count of the kept hyphenated spellings it came from. */
  parts: Map<string, number>;
  /** The hyphenated spellings kept, with their counts. */
  kept: [string, number][];
  /** Lowercased negatives: the `kept.length` most frequent unhyphenated words (letters only) whose
   * hyphenated spelling was not kept. */
  negatives: Set<string>;
}

/** Learns the constituent lexicon from whitespace-separated words and their counts. */
export function learnHyphenLexicon(words: Iterable<[string, number]>): HyphenLexicon {
  const plain = new Map<string, number>();
  const hyphenated = new Map<string, number>();
  for (const [raw, count] of words) {
    const w = raw.replace(EDGE_PUNCT, '');
    if (w === '') continue;
    if (HYPHENS.test(w)) hyphenated.set(w, (hyphenated.get(w) ?? 0) + count);
    else plain.set(w.toLowerCase(), (plain.get(w.toLowerCase()) ?? 0) + count);
  }
  // Most frequent spelling per joined form (ties: the smaller string, for determinism).
  const bestByJoined = new Map<string, [string, number]>();
  for (const [w, c] of hyphenated) {
    const parts = w.split(HYPHENS);
    if (parts.some((p) => p.length < 2 || !isDecompoundable(p))) continue;
    const joined = parts.join('').toLowerCase();
    const plainCount = plain.get(joined) ?? 0;
    if (plainCount > 0 && c / plainCount < MIN_HYPHEN_RATIO) continue;
    const prev = bestByJoined.get(joined);
    if (prev === undefined || c > prev[1] || (c === prev[1] && w < prev[0])) bestByJoined.set(joined, [w, c]);
  }
  const kept = [...bestByJoined.values()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const parts = new Map<string, number>();
  for (const [w, c] of kept) for (const p of w.split(HYPHENS)) parts.set(p.toLowerCase(), (parts.get(p.toLowerCase()) ?? 0) + c);
  const negatives = new Set(
    [...plain.entries()]
      // A word also seen hyphenated (and kept) is a positive, not a negative.
      .filter(([w]) => isDecompoundable(w) && !bestByJoined.has(w))
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, kept.length)
      .map(([w]) => w),
  );
  return { parts, kept, negatives };
}

export interface HyphenSplitterOptions {
  /** Shortest constituent when splitting (default 3; learning keeps parts ≥ 2 as §6.1). */
  minPart?: number;
  /** Parts seen fewer times are not used (default 1). */
  minCount?: number;
  maxWordLength?: number;
}

export function createHyphenSplitter(lexicon: HyphenLexicon, o: HyphenSplitterOptions = {}): CompoundSplitter {
  const minPart = o.minPart ?? 3;
  const minCount = o.minCount ?? 1;
  const maxLen = o.maxWordLength ?? 64;
  const ANY = ROLE_BEGIN | ROLE_MIDDLE | ROLE_END;
  return cachedSplitter({
    name: 'hyphen',
    split(word: string): string[] {
      if (word.length > maxLen || word.length < 2 * minPart || !isDecompoundable(word)) return [word];
      const lower = word.toLowerCase();
      if (lower.length !== word.length || lexicon.negatives.has(lower)) return [word];
      const roles = (a: number, b: number): number => ((lexicon.parts.get(lower.slice(a, b)) ?? 0) >= minCount ? ANY : 0);
      const ends = bestSplit(lower.length, roles, { minPart });
      return ends === null ? [word] : cutAt(word, ends);
    },
  });
}
