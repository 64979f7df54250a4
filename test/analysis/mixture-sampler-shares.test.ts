/** Simplex sampler properties and the pair-share ↔ byte-share conversion. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { mulberry32, sampleSimplex, sampleSimplexCounts } from '../../src/analysis/mixture-inference/simplex-sampler.js';
import { byteSharesToPairShares, meanSquaredError, pairSharesToByteShares } from '../../src/analysis/mixture-inference/byte-shares.js';
import { TokenlabError } from '../../src/core/errors.js';

test('simplex sampler: n positive integer parts summing to the resolution; deterministic per seed', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 40 }), fc.integer(), fc.integer({ min: 40, max: 20000 }), (n, seed, res) => {
      const counts = sampleSimplexCounts(n, mulberry32(seed), res);
      assert.equal(counts.length, n);
      assert.equal(counts.reduce((a, b) => a + b, 0), res);
      for (const c of counts) assert.ok(Number.isInteger(c) && c >= 1);
      assert.deepEqual(sampleSimplexCounts(n, mulberry32(seed), res), counts);
    }),
    { numRuns: 200 },
  );
});

test('simplex sampler is uniform: each coordinate has mean 1/n and the first share is Beta(1, n−1)', () => {
  const n = 5;
  const rnd = mulberry32(7);
  const trials = 4000;
  const sums = new Array(n).fill(0);
  let below = 0;
  for (let k = 0; k < trials; k++) {
    const x = sampleSimplex(n, rnd);
    x.forEach((v, i) => (sums[i] += v));
    if (x[0]! < 0.1) below++;
  }
  for (const s of sums) assert.ok(Math.abs(s / trials - 1 / n) < 0.01, `mean ${s / trials}`);
  // P(X1 < 0.1) = 1 − 0.9^(n−1) = 0.3439 for the uniform simplex.
  assert.ok(Math.abs(below / trials - 0.3439) < 0.03, `P(x1 < 0.1) = ${below / trials}`);
});

test('simplex sampler rejects impossible requests', () => {
  assert.throws(() => sampleSimplexCounts(0, Math.random), TokenlabError);
  assert.throws(() => sampleSimplexCounts(5, Math.random, 3), TokenlabError);
});

test('pair shares → byte shares weights by bytes per pair, and the inverse round-trips', () => {
  // Category 0 has 2 bytes per pair, category 1 has 1: equal pair shares mean 2/3 of the bytes.
  assert.deepEqual(Array.from(pairSharesToByteShares([0.5, 0.5], [200, 100], [100, 100])), [2 / 3, 1 / 3]);
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.double({ min: 0.01, max: 1, noNaN: true }), fc.double({ min: 1, max: 1e6, noNaN: true }), fc.double({ min: 1, max: 1e6, noNaN: true })), { minLength: 2, maxLength: 8 }), (rows) => {
      const sum = rows.reduce((s, r) => s + r[0], 0);
      const shares = rows.map((r) => r[0] / sum);
      const bytes = rows.map((r) => r[1]);
      const pairs = rows.map((r) => r[2]);
      const back = pairSharesToByteShares(byteSharesToPairShares(shares, bytes, pairs), bytes, pairs);
      assert.ok(meanSquaredError(back, shares) < 1e-20);
    }),
  );
});

test('MSE is the mean of squared differences', () => {
  assert.ok(Math.abs(meanSquaredError([0.5, 0.5], [0.3, 0.7]) - 0.04) < 1e-15);
  assert.throws(() => meanSquaredError([1], [0.5, 0.5]), TokenlabError);
});
