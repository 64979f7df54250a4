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

/** Counts the chunks of `texts` (one chunker, so one random stream over the whole corpus). */
export function countChunks(texts: Iterable<string>, job: Pick<SupertokensJob, 'lengths' | 'seed' | 'dropRepeats' | 'options'>, into = new WordCounts()): WordCounts {
  const chunk = createChunker(job.lengths ?? SUPERTOKEN_LENGTHS, job.seed ?? 0);
  const specials = (job.options.specialTokens ?? []).filter((s) => s.length > 0);
  const drop = job.dropRepeats ?? true;
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
  return into;
}

export async function trainSupertokens(job: SupertokensJob, control: TrainControl = {}): Promise<TrainedTokenizer> {
  let texts: Iterable<string>;
  if (job.texts !== undefined) texts = job.texts;
  else if (job.corpus !== undefined) texts = await readAll(job.corpus, control);
  else throw new TokenlabError('supertokens: no training input (give corpus files or texts)');
  // One chunker over the whole corpus: one random stream, so the chunks depend only on seed + text.
  const counts = countChunks(texts, job);
  const options = { minFrequency: 2, maxTokenLength: 29, ...job.options };
  const model = await trainBpeAsync(counts, { ...options, initialAlphabet: [...byteLevelAlphabet(), ...(options.initialAlphabet ?? [])] }, control);
  const tokenizer = bpeTokenizerJSON(model, { normalizer: SUPERTOKENS_NORMALIZER, preTokenizer: SUPERTOKENS_PRE_TOKENIZER });
  return { tokenizer, model, words: wordStats(counts) };
}

async function readAll(corpus: CorpusOptions, control: TrainControl): Promise<string[]> {
  const all: string[] = [];
  for await (const batch of readCorpus(corpus)) {
    if (control.signal?.aborted) throw new TokenlabError('training interrupted');
    for (const t of batch) all.push(t);
  }
  return all;
}
