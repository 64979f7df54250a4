import { test } from 'node:test';
import assert from 'node:assert/strict';
import { measureSpeed, median } from '../../src/eval/speed.js';
import { setOverlap, vocabKeySet } from '../../src/eval/overlap.js';
import { charTokenizer } from './toy-tokenizer.js';

test('speed: median of timed runs after a warm-up, with a fake clock', () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 2, 3]), 2.5);
  const ticks = [0, 1000, 1000, 4000, 4000, 6000]; // runs of 1 s, 3 s, 2 s
  let i = 0;
  const s = measureSpeed(charTokenizer(), 'abcd', 3, () => ticks[i++]!);
  assert.equal(s.medianSeconds, 2);
  assert.equal(s.charsPerSecond, 2); // 4 chars / 2 s
  assert.equal(s.sampleChars, 4);
});

test('vocabulary overlap by hand', () => {
  assert.deepEqual(setOverlap(new Set(['a', 'b', 'c']), new Set(['b', 'c', 'd'])), { shared: 2, jaccard: 0.5 });
  assert.deepEqual(setOverlap(new Set(), new Set()), { shared: 0, jaccard: 0 });
  const k = vocabKeySet(charTokenizer('x', 'ab', 0)); // id 0 is special (UNK): left out
  assert.equal(k.size, 127);
});
