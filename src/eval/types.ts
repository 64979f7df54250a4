/**
 * The shape of an evaluation result: what `tokenlab eval --json` writes and the HTML report reads.
 * Every number the run computed is here; units are in the field names or comments.
 */
import type { CategoryStats } from './vocab-categories.js';
import type { CharStructure } from './char-structure.js';
import type { MorphAlignment } from './morph-alignment.js';
import type { Speed } from './speed.js';
import type { ValidityResult } from './word-validity.js';

export interface SizeStats {
  tokens: number;
  /** Unicode code points. */
  chars: number;
  /** UTF-8 bytes. */
  bytes: number;
  /** Whitespace-separated words. */
  words: number;
  continuedWords: number;
  /** Code points covered by UNK tokens. */
  unkChars: number;
  bytesPerToken: number;
  charsPerToken: number;
  fertility: number;
  continuedWordShare: number;
  unkShare: number;
  /** UNK share > 0.1 (Petrov et al.). */
  invalid: boolean;
}

export interface DocResult extends SizeStats {
  code: string;
  name: string;
  iso6393?: string;
  script: string;
  units: number;
  uniqueTokens: number;
  /** tokens / reference tokens on the aligned units (parallel corpora). */
  premium?: number;
  alignedUnits?: number;
  /** Normalized sequence length: tokens / baseline tokenizer's tokens on this document. */
  nsl?: number;
  validity?: ValidityResult;
}

export interface TokenizerResult {
  name: string;
  vocabSize: number;
  totals: SizeStats;
  nsl?: number;
  renyi: { alpha: number; efficiency: number };
  shannonEfficiency: number;
  /** Types seen / vocabSize, on this corpus. */
  utilization: number;
  usedTypes: number;
  categories: CategoryStats;
  /** Σ bytes / Σ tokens over the documents in each script. */
  bytesPerTokenByScript: Record<string, { bytesPerToken: number; tokens: number; bytes: number; documents: number }>;
  premiumSummary?: { median: number; mean: number; min: number; max: number; languages: number; invalid: number };
  languages: DocResult[];
  morph: Record<string, MorphAlignment>;
  charStructure?: CharStructure & { source: string };
  speed?: Speed;
  /** Set when the tokenizer failed part-way; its numbers cover the documents before the failure. */
  error?: string;
}

export interface EvalResult {
  tool: 'tokenlab eval';
  version: 1;
  corpus: { name: string; parallel: boolean; reference?: string; documents: number; units: number };
  baseline?: string;
  options: { renyiAlpha: number; speedSampleChars: number; charWordsPerLength: number };
  tokenizers: TokenizerResult[];
  overlap: { names: string[]; shared: number[][]; jaccard: number[][]; vocabSizes: number[] };
  errors: string[];
  seconds: number;
}
