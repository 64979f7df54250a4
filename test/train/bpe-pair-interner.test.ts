/**
 * The shared pair interner (src/util/pair-interner.ts, used by the BPE trainer, the HF BPE model's
 * merge table and mixture inference) against a Map model: dense indices in creation order, lookups
 * of unknown pairs miss, and the columns hold the pairs, across many rehashes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PairInterner } from '../../src/util/pair-interner.js';
import { PairTable } from '../../src/train/bpe/pair-table.js';

const id = fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: -1, max: 2 ** 31 - 1 }));

test('PairInterner equals a Map model (creation-order indices, misses, columns)', () => {
  fc.assert(fc.property(fc.array(fc.tuple(id, id), { maxLength: 400 }), fc.integer({ min: 1, max: 64 }), (pairs, expected) => {
    const t = new PairInterner(expected);
    const model = new Map<string, number>();
    for (const [a, b] of pairs) {
      const key = `${a},${b}`;
      const want = model.get(key) ?? model.size;
      if (!model.has(key)) {
        assert.equal(t.get(a, b), -1);
        model.set(key, want);
      }
      assert.equal(t.intern(a, b), want);
    }
    assert.equal(t.size, model.size);
    for (const [key, p] of model) {
      const [a, b] = key.split(',').map(Number) as [number, number];
      assert.equal(t.get(a, b), p);
      assert.equal(t.left[p], a);
      assert.equal(t.right[p], b);
    }
  }));
});

test('the trainer PairTable grows its count column with the pairs (new pairs count 0)', () => {
  const t = new PairTable();
  for (let i = 0; i < 5000; i++) {
    const p = t.intern(i % 97, i);
    assert.equal(t.count[p], 0);
    t.count[p] = i + 1;
  }
  assert.equal(t.size, 5000);
  assert.ok(t.count.length >= t.size);
  assert.equal(t.count[t.get(3000 % 97, 3000)], 3001);
  assert.equal(t.get(3, 3000), -1);
});
