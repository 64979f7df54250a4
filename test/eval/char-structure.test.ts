import { test } from 'node:test';
import assert from 'node:assert/strict';
import { charBenchWords, charStructure, charStructureFromPieces } from '../../src/eval/char-structure.js';
import { charTokenizer } from './toy-tokenizer.js';

test('CharBench structure from token lengths by hand', () => {
  const s = charStructureFromPieces([[2, 2], [4], [1, 3, 1]]);
  assert.equal(s.words, 3);
  assert.deepEqual(s.charsPerToken, { 4: 3, 5: 5 / 3 }); // (4/2 + 4/1)/2, 5/3
  assert.deepEqual(s.tokensPerWord, { 4: 1.5, 5: 3 });
  assert.deepEqual(s.wordsPerLength, { 4: 2, 5: 1 });
  // position 0: tokens of length 2, 4, 1; positions 1–3: 2, 4, 3; position 4: 1.
  assert.deepEqual(s.tokenLengthAt, { 0: 7 / 3, 1: 3, 2: 3, 3: 3, 4: 1 });
});

test('CharBench words and a char-level tokenizer', () => {
  assert.deepEqual(charBenchWords('The cat sat happily, happily! Überall 12345 abcdefghijk'), ['happily', 'Überall']);
  assert.deepEqual(charBenchWords('abcd efgh ijkl mnopq', 2), ['abcd', 'efgh', 'mnopq']);
  const s = charStructure(charTokenizer(), ['abcd', 'efghij']);
  assert.deepEqual(s.charsPerToken, { 4: 1, 6: 1 });
  assert.equal(s.tokenLengthAt[5], 1);
});
