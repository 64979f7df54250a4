/** Inputs of the playground browser tests: a tiny tokenizer.json to drop in, and the 100 KB typing text. */
import { readUdhr } from '../../src/corpus/udhr.js';

/** A WordLevel tokenizer.json with a lowercasing normalizer and a [CLS] template, small enough to drop. */
export const tinyTokenizerJson = {
  version: '1.0', truncation: null, padding: null,
  added_tokens: [{ id: 5, content: '[CLS]', single_word: false, lstrip: false, rstrip: false, normalized: false, special: true }],
  normalizer: { type: 'Lowercase' },
  pre_tokenizer: { type: 'Whitespace' },
  post_processor: {
    type: 'TemplateProcessing',
    single: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }],
    pair: [{ Sequence: { id: 'A', type_id: 0 } }, { Sequence: { id: 'B', type_id: 1 } }],
    special_tokens: { '[CLS]': { id: '[CLS]', ids: [5], tokens: ['[CLS]'] } },
  },
  decoder: null,
  model: { type: 'WordLevel', vocab: { '[UNK]': 0, hello: 1, world: 2, '!': 3, tokens: 4, '[CLS]': 5 }, unk_token: '[UNK]' },
};

/** 100 KB (UTF-8, give or take one line) of UDHR paragraphs in several scripts. */
export function hundredKbText(): string {
  const lines = ['eng', 'fra', 'rus', 'cmn_hans', 'hin', 'arb', 'spa', 'ell_monotonic'].flatMap((c) => readUdhr(c).split('\n'));
  let text = '';
  let bytes = 0;
  for (let i = 0; bytes < 100_000; i++) {
    const line = lines[i % lines.length]! + '\n';
    text += line;
    bytes += Buffer.byteLength(line);
  }
  return text;
}
