import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isInvalid, premium, unkChars, unkShare } from '../../src/eval/premium.js';
import { evaluate } from '../../src/eval/evaluate.js';
import type { Corpus } from '../../src/corpus/corpus.js';
import { charTokenizer, wordTokenizer } from './toy-tokenizer.js';

test('premium on aligned units by hand', () => {
  const eng = new Map([['a', 10], ['b', 20]]);
  const xx = new Map([['a', 15], ['b', 50], ['c', 7]]); // c has no English counterpart: left out
  const p = premium(xx, eng)!;
  assert.equal(p.premium, 65 / 30);
  assert.equal(p.alignedUnits, 2);
  assert.equal(premium(new Map([['z', 3]]), eng), undefined);
});

test('UNK share and the invalid flag by hand', () => {
  // "ab😀c" with 😀 (2 UTF-16 units, 1 character) and c mapped to UNK (id 0).
  assert.equal(unkChars('ab😀c', [1, 2, 0, 0], [[0, 1], [1, 2], [2, 4], [4, 5]], 0), 2);
  assert.equal(unkChars('abc', [1, 2, 3], [[0, 1], [1, 2], [2, 3]], undefined), 0);
  assert.equal(unkShare(2, 4), 0.5);
  assert.equal(isInvalid(0.1), false);
  assert.equal(isInvalid(0.11), true);
});

const toy: Corpus = {
  name: 'toy', parallel: true, reference: 'eng',
  docs: [
    { code: 'eng', iso6393: 'eng', name: 'English', units: () => [['1', 'ab cd'], ['2', 'ef']] },
    { code: 'xx', name: 'Toy', units: () => [['1', 'abcdefgh ij'], ['2', 'xyzxyz'], ['3', 'not in English']] },
  ],
};

test('evaluate: premiums, NSL and UNK on a toy parallel corpus (hand-computed)', async () => {
  const chars = charTokenizer('chars');
  const words = wordTokenizer('words');
  const unk = charTokenizer('ascii-abc', 'abcdefghij ');
  const r = await evaluate([chars, words, unk], toy, { speedSampleChars: 0, charWordsPerLength: 0, baseline: 'chars' });
  const c = r.tokenizers[0]!;
  const cx = c.languages.find((l) => l.code === 'xx')!;
  // chars: eng units 5 + 2 = 7 tokens; xx aligned units 11 + 6 = 17 → premium 17/7.
  assert.equal(c.languages.find((l) => l.code === 'eng')!.premium, 1);
  assert.equal(cx.premium, 17 / 7);
  assert.equal(cx.alignedUnits, 2);
  assert.equal(cx.tokens, 11 + 6 + 14);
  // words: eng "ab"," ","cd" + "ef" = 4; xx "abcdefgh"," ","ij" + "xyzxyz" = 4 → premium 1.
  const w = r.tokenizers[1]!;
  assert.equal(w.languages.find((l) => l.code === 'xx')!.premium, 1);
  // NSL vs chars: words total = 4 + (3 + 1 + 5) = 13, chars total = 7 + 31 = 38.
  assert.equal(w.nsl, 13 / 38);
  assert.equal(c.nsl, 1);
  // UNK: "xyzxyz" (6) + in "not in English" n,o,t,n,E,n,l,s (8; g,h,i and spaces are known) = 14 of 31.
  const ux = r.tokenizers[2]!.languages.find((l) => l.code === 'xx')!;
  assert.equal(ux.unkChars, 14);
  assert.equal(ux.unkShare, 14 / 31);
  assert.equal(ux.invalid, true);
  assert.equal(r.tokenizers[2]!.languages.find((l) => l.code === 'eng')!.invalid, false);
  assert.deepEqual(r.errors, []);
  // Fertility by hand for words on eng: 4 tokens / 3 words.
  assert.equal(w.languages.find((l) => l.code === 'eng')!.fertility, 4 / 3);
});
