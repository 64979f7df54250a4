/**
 * Unigram from a corpus to a tokenizer.json: NFKC (default), Metaspace pre-tokenizer (`▁`, prepended
 * always, split on spaces, as HF's SentencePieceUnigramTokenizer), the Unigram trainer
 * (unigram-trainer.ts), Metaspace decoder. Default specials: `<unk>` (the unknown token).
 */
import { TokenlabError } from '../../core/errors.js';
import { gatherWordCounts, type CountsInput } from '../counting/gather-counts.js';
import type { TrainControl } from '../trainer.js';
import { trainUnigram, type UnigramModelData, type UnigramTrainerOptions } from './unigram-trainer.js';

export interface UnigramJob {
  input: CountsInput;
  options: UnigramTrainerOptions;
  normalizer?: Record<string, unknown> | null;
}

export const METASPACE = { type: 'Metaspace', replacement: '▁', prepend_scheme: 'always', split: true };

export async function trainUnigramTokenizer(job: UnigramJob, control: TrainControl = {}): Promise<{ tokenizer: Record<string, unknown>; model: UnigramModelData; words: { distinct: number; total: number } }> {
  const specialTokens = job.options.specialTokens !== undefined && job.options.specialTokens.length > 0 ? job.options.specialTokens : ['<unk>'];
  const unk = job.options.unkToken ?? (specialTokens.includes('<unk>') ? '<unk>' : undefined);
  if (unk !== undefined && !specialTokens.includes(unk)) throw new TokenlabError(`unigram: the unknown token ${unk} must be one of the special tokens`);
  const normalizer = job.normalizer === undefined ? { type: 'NFKC' } : job.normalizer;
  const counts = await gatherWordCounts(job.input, { normalizer, preTokenizer: METASPACE, specialTokens }, control);
  const model = trainUnigram(counts, { ...job.options, specialTokens, unkToken: unk }, control);
  const tokenizer = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: specialTokens.filter((t, i) => specialTokens.indexOf(t) === i).map((content, id) => ({
      id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true,
    })),
    normalizer,
    pre_tokenizer: METASPACE,
    post_processor: null,
    decoder: { type: 'Metaspace', replacement: '▁', prepend_scheme: 'always', split: true },
    model: { type: 'Unigram', unk_id: model.unkId, vocab: model.vocab, byte_fallback: false },
  };
  return { tokenizer, model, words: { distinct: counts.size, total: counts.total } };
}
