/**
 * Supertokens (SuperTokenizer recipe, TokenAdapt paper; spec §7; docs/algorithms/supertokens.md):
 * byte-level BPE trained on randomly chunked text, then written with a *standard* inference pipeline.
 * Training: NFC, cut special tokens out, chunk each unit by random character lengths (seeded), delete
 * 7-fold character repeats, byte-level map each chunk, count chunks as words, train BPE
 * (min_frequency 2, max token length 29 chars as HF's 30 with its strict `<`).
 * Inference: NFC + ByteLevel(use_regex=false) — no splitting at all, so BPE runs over whole units and
 * the learned cross-word tokens come out. The chunking never reaches the tokenizer.json.
 */
import { readCorpus, type CorpusOptions } from '../../counting/corpus-reader.js';
import { WordCounts } from '../../counting/word-counts.js';
import { toByteLevel } from '../../counting/word-splitter.js';
import type { TrainControl } from '../../trainer.js';
import type { BpeTrainerOptions } from '../../bpe/bpe-options.js';
import { bpeTokenizerJSON, byteLevelAlphabet } from '../../bpe/bpe-tokenizer-json.js';
import { trainBpeAsync } from '../../bpe/bpe-trainer.js';
import { wordStats, type TrainedTokenizer } from '../../bpe/train-byte-level-bpe.js';
import { TokenlabError } from '../../../core/errors.js';
import { createChunker, dropSevenfoldRepeats, SUPERTOKEN_LENGTHS, type LengthBin } from './chunk-lengths.js';

export interface SupertokensJob {
  /** Corpus files, or texts given directly (tests, scripts). */
  corpus?: CorpusOptions;
  texts?: Iterable<string>;
  options: Omit<BpeTrainerOptions, 'initialMerges' | 'veto'>;
  lengths?: readonly LengthBin[];
  seed?: number;
  /** Delete 7-fold character repeats from the training text, as the recipe's Split does (default true). */
  dropRepeats?: boolean;
}

/** The inference pipeline: NFC, then byte-level mapping of the whole unit (no pre-tokenization split). */
export const SUPERTOKENS_NORMALIZER = { type: 'NFC' };
export const SUPERTOKENS_PRE_TOKENIZER = { type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: false };

/**
 * Counts chunks as words. One chunker for the whole corpus, fed batch by batch, so there is one random
 * stream and the chunks depend only on seed + text, however the corpus is read.
 */
export function chunkCounter(job: Pick<SupertokensJob, 'lengths' | 'seed' | 'dropRepeats' | 'options'>, into = new WordCounts()): { add(texts: Iterable<string>): void; counts: WordCounts } {
  const chunk = createChunker(job.lengths ?? SUPERTOKEN_LENGTHS, job.seed ?? 0);
  const specials = (job.options.specialTokens ?? []).filter((s) => s.length > 0);
  const drop = job.dropRepeats ?? true;
  return {
    counts: into,
    add(texts) {
      for (const raw of texts) {
        let parts = [raw.normalize('NFC')];
        for (const s of specials) parts = parts.flatMap((p) => p.split(s));
        for (const part of parts) {
          for (const c of chunk(part)) {
            const kept = drop ? dropSevenfoldRepeats(c) : c;
            if (kept.length > 0) into.add(toByteLevel(kept));
          }
        }
      }
    },
  };
}

/** Counts the chunks of `texts` (see `chunkCounter`). */
export function countChunks(texts: Iterable<string>, job: Pick<SupertokensJob, 'lengths' | 'seed' | 'dropRepeats' | 'options'>, into = new WordCounts()): WordCounts {
  const counter = chunkCounter(job, into);
  counter.add(texts);
  return counter.counts;
}

export async function trainSupertokens(job: SupertokensJob, control: TrainControl = {}): Promise<TrainedTokenizer> {
  const counter = chunkCounter(job);
  if (job.texts !== undefined) counter.add(job.texts);
  else if (job.corpus !== undefined) {
    // Streamed: only the chunk counts are kept, never the corpus.
    for await (const batch of readCorpus(job.corpus)) {
      if (control.signal?.aborted) throw new TokenlabError('training interrupted');
      counter.add(batch);
    }
  } else throw new TokenlabError('supertokens: no training input (give corpus files or texts)');
  const counts = counter.counts;
  const options = { minFrequency: 2, maxTokenLength: 29, ...job.options };
  const model = await trainBpeAsync(counts, { ...options, initialAlphabet: [...byteLevelAlphabet(), ...(options.initialAlphabet ?? [])] }, control);
  const tokenizer = bpeTokenizerJSON(model, { normalizer: SUPERTOKENS_NORMALIZER, preTokenizer: SUPERTOKENS_PRE_TOKENIZER });
  return { tokenizer, model, words: wordStats(counts) };
}
