import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countTokenStrings, renyiEfficiency, renyiEntropy, shannonEfficiency, DEFAULT_RENYI_ALPHA } from '../../src/eval/entropy.js';

const close = (a: number, b: number, eps = 1e-12) => assert.ok(Math.abs(a - b) < eps, `${a} vs ${b}`);

test('Rényi and Shannon efficiency: the tokenization-scorer test vectors (spec §4)', () => {
  const text1 = countTokenStrings(['pick @@ed pick @@l @@ed pick @@les']);
  close(renyiEfficiency(text1.values(), 2.5), 0.8265064834225245);
  close(shannonEfficiency(text1.values()), 0.9211854965885544);
  const text2 = countTokenStrings(['pick @@e @@d pick @@l @@e @@d pick @@l @@e @@s']);
  close(renyiEfficiency(text2.values(), 2.5), 0.9204840242168808);
  close(shannonEfficiency(text2.values()), 0.9609557933859342);
  assert.equal(DEFAULT_RENYI_ALPHA, 2.5);
});

test('Rényi entropy by hand: counts (3, 1)', () => {
  // α = 2: H = −log2(0.75² + 0.25²) = −log2(0.625) = 0.678071905…; log2 |V| = 1.
  close(renyiEfficiency([3, 1], 2), -Math.log2(0.625));
  // Shannon: −(0.75 log2 0.75 + 0.25 log2 0.25) = 0.811278124…
  close(shannonEfficiency([3, 1]), 0.8112781244591328);
  // Uniform over 4 types: every Rényi entropy is 2 bits, efficiency 1.
  close(renyiEfficiency([5, 5, 5, 5], 2.5), 1);
  close(renyiEntropy([5, 5, 5, 5], 3), 2);
  // A vocabulary override: 2 bits / log2 16 = 0.5.
  close(renyiEfficiency([5, 5, 5, 5], 2.5, 16), 0.5);
  // Zero counts are not types; one type carries no information.
  close(renyiEfficiency([3, 1, 0], 2), -Math.log2(0.625));
  assert.equal(renyiEfficiency([7], 2.5), 0);
  assert.equal(renyiEfficiency([], 2.5), 0);
});
