import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compression, countCodePoints, countUtf8Bytes } from '../../src/eval/compression.js';
import { continuedWordShare, fertility, wordSpans, wordStats } from '../../src/eval/fertility.js';
import { normalizedSequenceLength } from '../../src/eval/sequence-length.js';
import { vocabularyUtilization } from '../../src/eval/utilization.js';

test('characters, bytes and compression by hand', () => {
  assert.equal(countCodePoints('a😀é'), 3);
  assert.equal(countUtf8Bytes('a😀é'), 1 + 4 + 2);
  assert.deepEqual(compression({ tokens: 2, chars: 3, bytes: 7 }), { bytesPerToken: 3.5, charsPerToken: 1.5 });
  assert.deepEqual(compression({ tokens: 0, chars: 3, bytes: 7 }), { bytesPerToken: 0, charsPerToken: 0 });
});

test('fertility and continued words by hand', () => {
  const text = 'ab cd  efg';
  assert.deepEqual(wordSpans(text), [[0, 2], [3, 5], [7, 10]]);
  // tokens: "ab" | " c" | "d" | "  " | "e" | "fg"  → ab: 1 token, cd: 2, efg: 2
  const tokens: [number, number][] = [[0, 2], [2, 4], [4, 5], [5, 7], [7, 8], [8, 10]];
  const s = wordStats(wordSpans(text), tokens);
  assert.deepEqual(s, { words: 3, continuedWords: 2 });
  assert.equal(fertility(tokens.length, s.words), 2);
  assert.equal(continuedWordShare(s), 2 / 3);
  // A token spanning two words leaves both whole; zero-width tokens are ignored.
  assert.deepEqual(wordStats(wordSpans('ab cd'), [[0, 0], [0, 5]]), { words: 2, continuedWords: 0 });
  assert.equal(fertility(5, 0), 0);
});

test('normalized sequence length and utilization by hand', () => {
  assert.equal(normalizedSequenceLength(30, 20), 1.5);
  assert.equal(normalizedSequenceLength(30, 0), undefined);
  assert.equal(vocabularyUtilization(new Map([[1, 3], [2, 0], [5, 1]]), 10), 0.2);
  assert.equal(vocabularyUtilization(new Map(), 0), 0);
});
