import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addBoundaries, morphAlignment, scores } from '../../src/eval/morph-alignment.js';
import { boundariesOf, wordPieceLengths } from '../../src/eval/word-pieces.js';
import { parseSigmorphon } from '../../src/corpus/sigmorphon.js';
import { charTokenizer, wordTokenizer } from './toy-tokenizer.js';

test('boundary precision / recall / F1 by hand', () => {
  const acc = { predicted: 0, gold: 0, matched: 0 };
  addBoundaries(acc, [2, 5], [2, 4]);
  assert.deepEqual(acc, { predicted: 2, gold: 2, matched: 1 });
  assert.deepEqual(scores(acc), { precision: 0.5, recall: 0.5, f1: 0.5 });
  addBoundaries(acc, [], [3]); // a monomorphemic word split once: one false positive
  assert.deepEqual(scores(acc), { precision: 1 / 3, recall: 0.5, f1: 0.4 });
  assert.deepEqual(scores({ predicted: 0, gold: 0, matched: 0 }), { precision: 0, recall: 0, f1: 0 });
});

test('morphological alignment with toy tokenizers', () => {
  const gold = parseSigmorphon('unhappy\tun @@happy\t110\ndriving\tdrive @@ing\t010\n');
  assert.deepEqual(gold[0], { word: 'unhappy', morphs: ['un', 'happy'] });
  // Character tokenizer: 6 boundaries in "unhappy", gold {2}: P = 1/6, R = 1, F1 = 2/7.
  const c = morphAlignment(charTokenizer(), gold);
  assert.equal(c.words, 1);
  assert.equal(c.skippedNonSurface, 1); // drive+ing ≠ driving
  assert.equal(c.precision, 1 / 6);
  assert.equal(c.recall, 1);
  assert.ok(Math.abs(c.f1 - 2 / 7) < 1e-12);
  // Word tokenizer keeps the word whole: no predicted boundary, recall 0.
  const w = morphAlignment(wordTokenizer(), gold);
  assert.deepEqual([w.predicted, w.gold, w.matched, w.recall], [0, 1, 0, 0]);
});

test('word pieces: lengths in code points, leading-space token ignored', () => {
  assert.deepEqual(wordPieceLengths(charTokenizer(), 'ab😀', true), [1, 1, 1]);
  assert.deepEqual(wordPieceLengths(wordTokenizer(), 'abc', true), [3]);
  assert.deepEqual(boundariesOf([2, 3, 1]), [2, 5]);
});
