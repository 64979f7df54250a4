/**
 * Interoperability of trained tokenizers: a tokenizer.json from each of tokenlab's five trainers
 * (trained here on a small generated corpus) loads unchanged in the native HF binding (npm
 * `tokenizers`) and in @huggingface/tokenizers (the pure-JS library behind transformers.js), and
 * all three give the same ids on held-out text (other seed, plus edge cases: specials in the text,
 * NFKC-affected chars, emoji, CRLF, tabs, leading/trailing spaces, empty string, kept newlines).
 * The large-scale check on the benchmark tokenizers is bench/train/interop-check.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Tokenizer as TransformersJsTokenizer } from '@huggingface/tokenizers';
import { trainByteLevelBpe } from '../../src/train/bpe/train-byte-level-bpe.js';
import { trainSuperBpe } from '../../src/train/superbpe/train-superbpe.js';
import { trainCharBpe } from '../../src/train/char-bpe/train-char-bpe.js';
import { trainWordPiece } from '../../src/train/wordpiece/train-wordpiece.js';
import { trainUnigramTokenizer } from '../../src/train/unigram/train-unigram.js';
import { Tokenizer } from '../../src/pipeline/index.js';
import { native } from '../hf/native.js';
import { syntheticCorpus } from './synthetic-corpus.js';

const dir = mkdtempSync(join(tmpdir(), 'tl-interop-'));
const file = join(dir, 'corpus.txt');
writeFileSync(file, syntheticCorpus(1, 3000) + 'The year 2024: 1234567 tokens. Of the world, in the world.\n'.repeat(50));
const input = { corpus: { inputs: [file] }, threads: 0 };
const specials = ['<|endoftext|>'];
const heldOutText = syntheticCorpus(99, 150);
const heldOut = [
  ...heldOutText.split('\n'),
  ...heldOutText.split(/(?<=\n)/).slice(0, 40), // lines with their newline, as the trainers saw them
  'The year 2024: 1234567 tokens.<|endoftext|>next',
  'ﬁne  café ＡＢＣ ½ 😀👍🏽 \t x\r\n',
  '  leading spaces',
  'trailing  ',
  'Of the world, in the world. ',
  '',
];

const trainers: [string, () => Promise<{ tokenizer: Record<string, unknown> }>][] = [
  ['bpe', () => trainByteLevelBpe({ input, preTokenizer: 'gpt2', options: { vocabSize: 1500, specialTokens: specials } })],
  ['superbpe', () => trainSuperBpe({ input, options: { vocabSize: 1500, specialTokens: specials }, transitionVocabSize: 1000 })],
  ['char-bpe', () => trainCharBpe({ input, preTokenizer: 'gpt2', normalizer: { type: 'NFKC' }, options: { vocabSize: 1024, specialTokens: specials }, maxChars: 3, padToPowerOfTwo: true })],
  ['wordpiece', () => trainWordPiece({ input, options: { vocabSize: 1200, limitAlphabet: 400 }, cased: false })],
  ['unigram', () => trainUnigramTokenizer({ input, options: { vocabSize: 800, specialTokens: ['<unk>', ...specials] } })],
];

for (const [name, train] of trainers) {
  test(`${name}: tokenizer.json gives the same ids in tokenlab, the native HF binding and transformers.js`, async () => {
    const { tokenizer } = await train();
    const text = JSON.stringify(tokenizer);
    const ours = Tokenizer.fromJSON(JSON.parse(text) as Record<string, unknown>);
    const hf = native.Tokenizer.fromString(text);
    const tjs = new TransformersJsTokenizer(JSON.parse(text) as object, {});
    const hfEnc = await hf.encodeBatch(heldOut, { addSpecialTokens: true });
    let tokens = 0;
    heldOut.forEach((line, i) => {
      const ids = ours.encode(line).ids;
      tokens += ids.length;
      assert.deepEqual(hfEnc[i]!.getIds(), ids, `${name}, native binding vs tokenlab, held-out line ${i}: ${JSON.stringify(line)}`);
      assert.deepEqual(tjs.encode(line).ids, ids, `${name}, transformers.js vs tokenlab, held-out line ${i}: ${JSON.stringify(line)}`);
    });
    assert.ok(tokens > 2000, `${name}: ${tokens} tokens compared`);
  });
}
