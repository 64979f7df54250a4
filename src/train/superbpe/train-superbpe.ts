/**
 * SuperBPE (Liu et al., COLM 2025; spec §2; docs/algorithms/superbpe.md): a two-stage curriculum.
 * 1. Ordinary byte-level BPE with whitespace pre-tokenization until the vocabulary reaches the
 *    transition size t (BPE is greedy, so this is the first merges of a full stage-1 run).
 * 2. Recount the corpus with whitespace pre-tokenization off (digit runs still split and grouped by
 *    3, lines are still units), replay the stage-1 merges in order, then keep merging to the target
 *    size with the superword filters as a veto.
 * The tokenizer.json keeps the stage-2 pre-tokenizer, so encoding splits text as stage 2 trained.
 * Differences from the reference scripts: t counts vocabulary entries, not `head -n t` lines of
 * merges.txt (which inherits t−1 merges because of the header line).
 */
import { TokenlabError } from '../../core/errors.js';
import { gatherWordCounts, type CountsInput } from '../counting/gather-counts.js';
import type { TrainControl } from '../trainer.js';
import type { BpeTrainerOptions } from '../bpe/bpe-options.js';
import { bpeTokenizerJSON, byteLevelAlphabet } from '../bpe/bpe-tokenizer-json.js';
import { trainBpeAsync } from '../bpe/bpe-trainer.js';
import { wordStats, type TrainedTokenizer } from '../bpe/train-byte-level-bpe.js';
import { superBpePreTokenizerJSON } from './superbpe-pretokenizers.js';
import { superwordVeto, type SuperwordFilters } from './superword-veto.js';

export interface SuperBpeJob {
  /** The corpus is counted twice (stage-1 and stage-2 splitting); count files are not accepted. */
  input: Omit<CountsInput, 'countFiles' | 'saveCounts'>;
  options: Omit<BpeTrainerOptions, 'initialMerges' | 'veto'>;
  /** Vocabulary size at which stage 2 starts (t < vocabSize). */
  transitionVocabSize: number;
  filters?: SuperwordFilters;
  normalizer?: Record<string, unknown> | null;
}

export async function trainSuperBpe(job: SuperBpeJob, control: TrainControl = {}): Promise<TrainedTokenizer & { stage1Merges: number }> {
  const { options, transitionVocabSize: t } = job;
  if (!Number.isSafeInteger(t) || t <= 0 || t >= options.vocabSize) {
    throw new TokenlabError(`transition vocabulary size must be an integer between 1 and vocabSize − 1 (got ${t}, vocabSize ${options.vocabSize})`);
  }
  if (job.input.corpus === undefined) throw new TokenlabError('SuperBPE needs corpus files (it counts words twice, with two pre-tokenizers)');
  const specialTokens = options.specialTokens ?? [];
  const alphabet = [...byteLevelAlphabet(), ...(options.initialAlphabet ?? [])];
  const splitter = (stage: 1 | 2) => ({ normalizer: job.normalizer ?? null, preTokenizer: superBpePreTokenizerJSON(stage), specialTokens });

  const counts1 = await gatherWordCounts(job.input, splitter(1), control);
  const stage1 = await trainBpeAsync(counts1, { ...options, vocabSize: t, initialAlphabet: alphabet }, control);

  const counts2 = await gatherWordCounts(job.input, splitter(2), control);
  const model = await trainBpeAsync(counts2, {
    ...options,
    initialAlphabet: alphabet,
    initialMerges: stage1.merges,
    veto: superwordVeto(job.filters),
  }, control);
  const s2 = splitter(2);
  const tokenizer = bpeTokenizerJSON(model, { normalizer: s2.normalizer, preTokenizer: s2.preTokenizer });
  return { tokenizer, model, words: wordStats(counts2), stage1Merges: stage1.merges.length };
}
