/** Per-language vocabulary sizing: the CTC fits recover known curves, solving inverts prediction, spread. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fitCtc, predictCtc, premiumSpread, solveVocabSize } from '../../../src/train/variants/vocab-sizing/ctc-fit.js';

test('fits recover the curve they were made from; solve inverts predict', () => {
  fc.assert(fc.property(fc.double({ min: 5, max: 15, noNaN: true }), fc.double({ min: -0.6, max: -0.05, noNaN: true }), (a, b) => {
    const pts = [1000, 2000, 4000, 8000, 16000].map((v) => ({ vocabSize: v, ctc: Math.exp(a + b * Math.log(v)) }));
    const f = fitCtc(pts, 'power');
    assert.ok(Math.abs(f.a - a) < 1e-6 && Math.abs(f.b - b) < 1e-6);
    assert.ok(f.r2 > 0.999999);
    const target = predictCtc(f, 5000);
    assert.ok(Math.abs(solveVocabSize(f, target) - 5000) <= 1);
  }));
  const lin = fitCtc([{ vocabSize: 1000, ctc: 100 - 10 * Math.log(1000) }, { vocabSize: 4000, ctc: 100 - 10 * Math.log(4000) }], 'log');
  assert.ok(Math.abs(lin.b + 10) < 1e-9 && Math.abs(lin.a - 100) < 1e-9);
  assert.equal(solveVocabSize(lin, 100 - 10 * Math.log(2500)), 2500);
  // Noisy points: r2 below 1.
  const noisy = fitCtc([{ vocabSize: 1000, ctc: 50 }, { vocabSize: 2000, ctc: 47 }, { vocabSize: 4000, ctc: 40 }, { vocabSize: 8000, ctc: 39 }]);
  assert.ok(noisy.r2 < 0.99 && noisy.r2 > 0.8);
});

test('bad input is named; premium spread', () => {
  assert.throws(() => fitCtc([{ vocabSize: 1000, ctc: 5 }]), /at least 2/);
  assert.throws(() => fitCtc([{ vocabSize: 1000, ctc: 5 }, { vocabSize: 1000, ctc: 4 }]), /2 different/);
  assert.throws(() => fitCtc([{ vocabSize: 1000, ctc: 5 }, { vocabSize: 0, ctc: 4 }]), /point 1/);
  assert.throws(() => solveVocabSize(fitCtc([{ vocabSize: 1000, ctc: 5 }, { vocabSize: 2000, ctc: 6 }]), 4), /does not fall/);
  const s = premiumSpread(new Map([['eng', 100], ['hin', 150], ['fra', 110]]), 'eng');
  assert.equal(s.premiums.get('hin'), 1.5);
  assert.equal(s.min, 1);
  assert.equal(s.max, 1.5);
  assert.ok(s.cv > 0.15 && s.cv < 0.2);
  assert.throws(() => premiumSpread(new Map([['eng', 1]]), 'deu'), /deu/);
});
