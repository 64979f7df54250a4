/**
 * Byte-level BPE from a corpus to a tokenizer.json, end to end: count words with the chosen
 * pre-tokenizer (GPT-2 or Llama-3 style, or any tokenizer.json object), train, and write the
 * pipeline with that same normalizer/pre-tokenizer. By default the 256 byte-level chars are the
 * initial alphabet, so every input is encodable (HF's `ByteLevelBPETokenizer` does the same).
 */
import { gatherWordCounts, type CountsInput } from '../counting/gather-counts.js';
import type { SplitterConfig } from '../counting/word-splitter.js';
import type { WordCounts } from '../counting/word-counts.js';
import type { TrainControl } from '../trainer.js';
import type { BpeTrainerOptions } from './bpe-options.js';
import { bpeTokenizerJSON, byteLevelAlphabet, byteLevelPreTokenizerJSON, type ByteLevelPreset } from './bpe-tokenizer-json.js';
import { trainBpeAsync, type BpeModelData } from './bpe-trainer.js';
import { releaseTrainingMemory } from './release-memory.js';

export interface ByteLevelBpeJob {
  input: CountsInput;
  /** A preset name, or a tokenizer.json `pre_tokenizer` object (default `gpt2`). */
  preTokenizer?: ByteLevelPreset | Record<string, unknown>;
  normalizer?: Record<string, unknown> | null;
  options: BpeTrainerOptions;
  /** Add the 256 byte-level chars to the initial alphabet (default true). */
  byteAlphabet?: boolean;
}

export interface TrainedTokenizer {
  tokenizer: Record<string, unknown>;
  model: BpeModelData;
  /** Distinct words and word occurrences trained on; the longest word in UTF-16 units. */
  words: { distinct: number; total: number; longest?: number };
}

export function splitterFor(job: Pick<ByteLevelBpeJob, 'preTokenizer' | 'normalizer' | 'options'>): SplitterConfig {
  const pre = typeof job.preTokenizer === 'object' ? job.preTokenizer : byteLevelPreTokenizerJSON(job.preTokenizer ?? 'gpt2');
  return { normalizer: job.normalizer ?? null, preTokenizer: pre, specialTokens: job.options.specialTokens ?? [] };
}

export async function trainByteLevelBpe(job: ByteLevelBpeJob, control: TrainControl = {}): Promise<TrainedTokenizer> {
  const splitter = splitterFor(job);
  let counts: WordCounts | undefined = await gatherWordCounts(job.input, splitter, control);
  const words = wordStats(counts);
  const alphabet = job.byteAlphabet === false ? [] : byteLevelAlphabet();
  const training = trainBpeAsync(counts, { ...job.options, initialAlphabet: [...alphabet, ...(job.options.initialAlphabet ?? [])] }, control);
  counts = undefined; // the trainer has its own copy: free the counts during the merges
  const model = await training;
  await releaseTrainingMemory(); // the trainer's arrays are garbage now: free them before the output is built
  const tokenizer = bpeTokenizerJSON(model, { normalizer: splitter.normalizer, preTokenizer: splitter.preTokenizer });
  return { tokenizer, model, words };
}

/** Sizes of the counted words (the CLI warns when words are very long: spec §10). */
export function wordStats(counts: WordCounts): TrainedTokenizer['words'] {
  return { distinct: counts.size, total: counts.total, longest: counts.longestWord() };
}
