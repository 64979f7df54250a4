/**
 * Morphological alignment: do token boundaries fall on morpheme boundaries? Scored against
 * SIGMORPHON 2022 gold segmentations (shared data `sigmorphon2022/`).
 *
 * For each gold word with internal morpheme boundaries G (code-point positions) and the tokenizer's
 * internal token boundaries T on the same word (tokenized as " word", see word-pieces.ts):
 *
 *   precision = Σ|T ∩ G| / Σ|T|     recall = Σ|T ∩ G| / Σ|G|     F1 = 2PR / (P + R)
 *
 * micro-averaged over words (sums over all words, then the ratios). A word the tokenizer keeps
 * whole adds nothing to Σ|T|; a monomorphemic word adds nothing to Σ|G|. SIGMORPHON's segmentation
 * is canonical, not surface ("subsidised → subside @@y @@ise @@ed"): only words whose morphs
 * concatenate to the word itself are scored, and the number skipped is reported.
 */
import type { EvalTokenizer } from './adapter.js';
import { boundariesOf, wordPieceLengths } from './word-pieces.js';

export interface GoldSegmentation {
  word: string;
  morphs: string[];
}

export interface BoundaryCounts {
  predicted: number;
  gold: number;
  matched: number;
}

export interface MorphAlignment extends BoundaryCounts {
  words: number;
  skippedNonSurface: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Adds one word's boundaries to running counts. */
export function addBoundaries(acc: BoundaryCounts, gold: readonly number[], predicted: readonly number[]): void {
  const g = new Set(gold);
  acc.gold += g.size;
  const p = new Set(predicted);
  acc.predicted += p.size;
  for (const x of p) if (g.has(x)) acc.matched++;
}

export function scores(c: BoundaryCounts): { precision: number; recall: number; f1: number } {
  const precision = c.predicted === 0 ? 0 : c.matched / c.predicted;
  const recall = c.gold === 0 ? 0 : c.matched / c.gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

export function morphAlignment(tok: EvalTokenizer, gold: readonly GoldSegmentation[]): MorphAlignment {
  const acc: BoundaryCounts = { predicted: 0, gold: 0, matched: 0 };
  let words = 0;
  let skipped = 0;
  for (const { word, morphs } of gold) {
    if (morphs.join('') !== word) { skipped++; continue; }
    const goldB = boundariesOf(morphs.map((m) => [...m].length));
    const predB = boundariesOf(wordPieceLengths(tok, word, true));
    addBoundaries(acc, goldB, predB);
    words++;
  }
  return { ...acc, words, skippedNonSurface: skipped, ...scores(acc) };
}
