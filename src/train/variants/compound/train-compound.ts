/**
 * Compound-aware training (CompoundPiece §6.2, docs/algorithms/compound-aware.md): count words with
 * the base trainer's own normalizer + pre-tokenizer, replace every word by its constituents
 * (compound-counts.ts), then train the base — Unigram (NFKC + Metaspace, as `tokenlab train
 * --algorithm unigram`) or byte-level BPE (GPT-2 pre-tokenizer, as `--algorithm bpe`) — through its
 * public entry points. The result is an ordinary tokenizer.json: the decompounding is training-only
 * and the compound effect lives in the vocabulary (as in the paper, nothing happens at encode time).
 */
import { TokenlabError } from '../../../core/errors.js';
import { gatherWordCounts, type CountsInput } from '../../counting/gather-counts.js';
import { WordCounts } from '../../counting/word-counts.js';
import { createWordSplitter, type SplitterConfig } from '../../counting/word-splitter.js';
import type { TrainControl } from '../../trainer.js';
import { bpeTokenizerJSON, byteLevelAlphabet } from '../../bpe/bpe-tokenizer-json.js';
import { trainBpeAsync } from '../../bpe/bpe-trainer.js';
import { splitterFor } from '../../bpe/train-byte-level-bpe.js';
import { METASPACE } from '../../unigram/train-unigram.js';
import { trainUnigram } from '../../unigram/unigram-trainer.js';
import type { CompoundSplitter } from './compound-splitter.js';
import { BYTE_LEVEL_CODEC, decompoundCounts, PLAIN_CODEC, type DecompoundStats } from './compound-counts.js';
import { createDictionarySplitter, type DictionaryLanguage } from './dictionary-splitter.js';
import { createHyphenSplitter, learnHyphenLexicon } from './hyphen-splitter.js';

export type CompoundBase = 'unigram' | 'bpe';

/** Which splitter to build: a hunspell dictionary, one learned from the corpus's hyphens, or your own. */
export type SplitterChoice = { kind: 'dictionary'; language: DictionaryLanguage } | { kind: 'hyphen' } | { kind: 'custom'; splitter: CompoundSplitter };

export interface CompoundJob {
  /** Corpus files / word-count files, or texts given directly (tests, scripts). */
  input?: CountsInput;
  texts?: Iterable<string>;
  base: CompoundBase;
  splitter: SplitterChoice;
  vocabSize: number;
  specialTokens?: string[];
  /** BPE only (default 0, as `tokenlab train`). */
  minFrequency?: number;
}

export interface CompoundResult {
  tokenizer: Record<string, unknown>;
  splitter: string;
  vocabSize: number;
  words: { distinct: number; total: number };
  decompound: DecompoundStats;
}

async function countWords(job: CompoundJob, config: SplitterConfig, control: TrainControl): Promise<WordCounts> {
  if (job.texts !== undefined) {
    const splitter = createWordSplitter(config);
    const raw = new Map<string, number>();
    for (const t of job.texts) splitter.addUnit(t, raw);
    const { words, counts } = splitter.finish(raw);
    return WordCounts.from(words.map((w, i): [string, number] => [w, counts[i]!]));
  }
  if (job.input === undefined) throw new TokenlabError('compound: no training input (give corpus files or texts)');
  return gatherWordCounts(job.input, config, control);
}

async function buildSplitter(job: CompoundJob, control: TrainControl): Promise<CompoundSplitter> {
  const s = job.splitter;
  if (s.kind === 'custom') return s.splitter;
  if (s.kind === 'dictionary') return createDictionarySplitter(s.language);
  if (job.texts === undefined && job.input?.corpus === undefined) {
    throw new TokenlabError('compound: the hyphen splitter learns from raw text; give corpus files (word-count files are already pre-tokenized)');
  }
  // Whitespace-separated words: hyphens intact, unlike the base pre-tokenizers' words.
  const config = { normalizer: { type: 'NFKC' }, preTokenizer: { type: 'WhitespaceSplit' } };
  const words = await countWords({ ...job, input: job.input === undefined ? undefined : { corpus: job.input.corpus, threads: job.input.threads } }, config, control);
  return createHyphenSplitter(learnHyphenLexicon(words.entries()));
}

export async function trainCompoundAware(job: CompoundJob, control: TrainControl = {}): Promise<CompoundResult> {
  const splitter = await buildSplitter(job, control);
  return job.base === 'unigram' ? trainUnigramCompound(job, splitter, control) : trainBpeCompound(job, splitter, control);
}

async function trainUnigramCompound(job: CompoundJob, splitter: CompoundSplitter, control: TrainControl): Promise<CompoundResult> {
  const specialTokens = job.specialTokens !== undefined && job.specialTokens.length > 0 ? job.specialTokens : ['<unk>'];
  const unk = specialTokens.includes('<unk>') ? '<unk>' : undefined;
  const normalizer = { type: 'NFKC' };
  const counts = await countWords(job, { normalizer, preTokenizer: METASPACE, specialTokens }, control);
  const split = decompoundCounts(counts, splitter, PLAIN_CODEC, control.signal);
  const model = trainUnigram(split.counts, { vocabSize: job.vocabSize, specialTokens, unkToken: unk }, control);
  const tokenizer = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: [...new Set(specialTokens)].map((content, id) => ({ id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true })),
    normalizer,
    pre_tokenizer: METASPACE,
    post_processor: null,
    decoder: { type: 'Metaspace', replacement: '▁', prepend_scheme: 'always', split: true },
    model: { type: 'Unigram', unk_id: model.unkId, vocab: model.vocab, byte_fallback: false },
  };
  return { tokenizer, splitter: splitter.name, vocabSize: model.vocab.length, words: { distinct: counts.size, total: counts.total }, decompound: split.stats };
}

async function trainBpeCompound(job: CompoundJob, splitter: CompoundSplitter, control: TrainControl): Promise<CompoundResult> {
  const options = { vocabSize: job.vocabSize, specialTokens: job.specialTokens ?? [], minFrequency: job.minFrequency ?? 0 };
  const config = splitterFor({ preTokenizer: 'gpt2', normalizer: null, options });
  const counts = await countWords(job, config, control);
  const split = decompoundCounts(counts, splitter, BYTE_LEVEL_CODEC, control.signal);
  const model = await trainBpeAsync(split.counts, { ...options, initialAlphabet: byteLevelAlphabet() }, control);
  const tokenizer = bpeTokenizerJSON(model, { normalizer: config.normalizer, preTokenizer: config.preTokenizer });
  return { tokenizer, splitter: splitter.name, vocabSize: model.tokens.length, words: { distinct: counts.size, total: counts.total }, decompound: split.stats };
}
