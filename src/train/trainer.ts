/**
 * The trainer contract (docs/ARCHITECTURE.md "Trainer<M> is generic over the model it trains"):
 * a trainer turns word counts (train/counting/) into a trained model `M` (plain data), and knows how
 * to write `M` as a tokenizer.json `model` object. Counting is shared by every trainer; the
 * normalizer and pre-tokenizer used for counting are written unchanged into the tokenizer.json, so
 * inference splits text exactly as training did.
 */
import type { WordCounts } from './counting/word-counts.js';

/** Progress of a training run; `phase` says which counter `done`/`total` belong to. */
export type TrainProgress =
  | { phase: 'count'; bytesRead: number; bytesTotal: number; units: number; distinct: number }
  | { phase: 'prepare'; words: number; symbols: number; pairs: number }
  /** Unigram's seed phase: the suffix sort, the LCP array, the candidate scan (`done`: items of that step). */
  | { phase: 'seed'; step: 'sort' | 'lcp' | 'candidates'; done: number }
  | { phase: 'merge'; done: number; total: number; lastMerge?: [string, string]; lastCount?: number };

export interface TrainControl {
  onProgress?: (p: TrainProgress) => void;
  /** Aborting makes `train` throw a TokenlabError; nothing is written by the trainer itself. */
  signal?: AbortSignal;
}

export interface Trainer<M> {
  /** The `--algorithm` name. */
  readonly algorithm: string;
  train(counts: WordCounts, control?: TrainControl): M;
  /** The tokenizer.json `model` object for a trained model. */
  modelJSON(model: M): Record<string, unknown>;
}
