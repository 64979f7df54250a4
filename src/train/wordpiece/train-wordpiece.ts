/**
 * WordPiece training as HF does it (spec §9.2; docs/algorithms/wordpiece-training.md): it *is* the
 * BPE trainer with `continuing_subword_prefix = "##"` (frequency-based pair merging; `##` is stripped
 * from the right part when two pieces join); only the vocabulary is kept, merges are dropped.
 * The likelihood score of Schuster & Nakajima is not what HF computes, so it is not used here either.
 *
 * The tokenizer.json is BERT's pipeline: BertNormalizer (clean text, CJK spacing, lowercase and
 * strip accents unless `cased`), BertPreTokenizer, WordPiece model (unk `[UNK]`, 100 chars per word),
 * BertProcessing with [CLS]/[SEP], WordPiece decoder. Default specials: [PAD] [UNK] [CLS] [SEP] [MASK].
 */
import { TokenlabError } from '../../core/errors.js';
import { gatherWordCounts, type CountsInput } from '../counting/gather-counts.js';
import type { TrainControl } from '../trainer.js';
import type { BpeTrainerOptions } from '../bpe/bpe-options.js';
import { trainBpeAsync } from '../bpe/bpe-trainer.js';
import type { TrainedTokenizer } from '../bpe/train-byte-level-bpe.js';

export const BERT_SPECIALS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'];

export interface WordPieceJob {
  input: CountsInput;
  options: Omit<BpeTrainerOptions, 'continuingSubwordPrefix' | 'endOfWordSuffix' | 'initialMerges'>;
  /** Keep case and accents (BertNormalizer lowercase=false). Default false (uncased BERT). */
  cased?: boolean;
  unkToken?: string;
}

export async function trainWordPiece(job: WordPieceJob, control: TrainControl = {}): Promise<TrainedTokenizer> {
  const specialTokens = job.options.specialTokens !== undefined && job.options.specialTokens.length > 0 ? job.options.specialTokens : BERT_SPECIALS;
  const unk = job.unkToken ?? '[UNK]';
  if (!specialTokens.includes(unk)) throw new TokenlabError(`wordpiece: the unknown token ${unk} must be one of the special tokens (HF errors with "Missing [UNK] token" otherwise)`);
  const cased = job.cased === true;
  const normalizer = { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: cased ? false : null, lowercase: !cased };
  const preTokenizer = { type: 'BertPreTokenizer' };
  const counts = await gatherWordCounts(job.input, { normalizer, preTokenizer, specialTokens }, control);
  const model = await trainBpeAsync(counts, { ...job.options, specialTokens, continuingSubwordPrefix: '##' }, control);
  const vocab: Record<string, number> = {};
  model.tokens.forEach((t, i) => {
    vocab[t] = i;
  });
  const id = (t: string): number => vocab[t] ?? -1;
  const hasClsSep = id('[CLS]') >= 0 && id('[SEP]') >= 0;
  const tokenizer = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: specialTokens.filter((t, i) => specialTokens.indexOf(t) === i).map((content) => ({
      id: id(content), content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true,
    })),
    normalizer,
    pre_tokenizer: preTokenizer,
    post_processor: hasClsSep ? { type: 'BertProcessing', sep: ['[SEP]', id('[SEP]')], cls: ['[CLS]', id('[CLS]')] } : null,
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: { type: 'WordPiece', unk_token: unk, continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab },
  };
  return { tokenizer, model, words: { distinct: counts.size, total: counts.total } };
}
