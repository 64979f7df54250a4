/**
 * The LP text writer (lp.ts) and the persistent HiGHS model (solve.ts): lines never exceed the limit,
 * the written text solves to the same optimum as the persistent model, and a hand-solvable instance
 * gives its known answer.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { writeLp, type LpModel } from '../../src/analysis/mixture-inference/lp.js';
import { MixtureLp } from '../../src/analysis/mixture-inference/solve.js';
import { getHighs } from '../../src/analysis/mixture-inference/highs-loader.js';
import { TokenlabError } from '../../src/core/errors.js';

test('LP writer wraps every line at the limit, never splitting a term', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 40, max: 300 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), (terms, maxLine, coef) => {
      const row = { name: 'c0', terms: Array.from({ length: terms }, (_, i) => ({ coef: coef * (i + 1) * 1.2345678901234567, name: `pair_${i}` })), sense: '>=' as const, rhs: 0 };
      const text = writeLp({ sense: 'Minimize', objective: row.terms, rows: [row], bounds: [] }, maxLine);
      for (const line of text.split('\n')) assert.ok(line.length <= maxLine, `line of ${line.length} > ${maxLine}`);
      for (let i = 0; i < terms; i++) assert.ok(new RegExp(`\\bpair_${i}\\b`).test(text));
    }),
    { numRuns: 60 },
  );
});

test('LP writer rejects bad names and non-finite numbers', () => {
  const model = (name: string, coef = 1): LpModel => ({ sense: 'Minimize', objective: [{ coef, name }], rows: [], bounds: [] });
  assert.throws(() => writeLp(model('bad name')), TokenlabError);
  assert.throws(() => writeLp(model('x', Infinity)), TokenlabError);
});

test('mixture LP: hand-solvable instance, and its LP text (wrapped) solves to the same optimum', async () => {
  const highs = await getHighs();
  // Two categories. Step 0 merge m: α0·0.5 + α1·0.1 must beat pair p (α0·0.1 + α1·0.3);
  // step 1 merge: α0·0.2 ≥ α1·0.4 (q). Solution without slack: α0 ≥ 2/3 from step 1 and
  // 0.4 α0 ≥ 0.2 α1 from step 0, so an optimum has objective 0 and α0 ∈ [2/3, 1].
  // Step 2: α1·0.3 − α0·0.7 ≥ 0 ⇔ α0 ≤ 0.3 — conflicts with step 1, costing slack.
  const lp = new MixtureLp(highs, 2, 3, 3);
  lp.addConstraint(0, 0, Float64Array.from([0.5 - 0.1, 0.1 - 0.3]));
  lp.addConstraint(1, 1, Float64Array.from([0.2, -0.4]));
  let sol = lp.solve();
  assert.ok(Math.abs(sol.objective) < 1e-9);
  assert.ok(sol.alpha[0]! >= 2 / 3 - 1e-9);
  assert.ok(Math.abs(sol.alpha[0]! + sol.alpha[1]! - 1) < 1e-9);
  lp.addConstraint(2, 2, Float64Array.from([-0.7, 0.3]));
  sol = lp.solve();
  // Slack needed with α1 = 1 − α0: f(α0) = max(0, 0.2 − 0.6α0) + max(0, 0.4 − 0.6α0) + max(0, α0 − 0.3).
  // On [0.3, 1/3] f = 0.3 − 0.2α0 (falling), on [1/3, 2/3] f = 0.1 + 0.4α0 (rising): α0 = 1/3, f = 7/30.
  assert.ok(Math.abs(sol.alpha[0]! - 1 / 3) < 1e-7, `α0 = ${sol.alpha[0]}`);
  assert.ok(Math.abs(sol.objective - 7 / 30) < 1e-7, `objective ${sol.objective}`);
  const text = writeLp(lp.toLpModel(), 60);
  for (const line of text.split('\n')) assert.ok(line.length <= 60);
  const oneShot = highs.solve(text, { output_flag: false });
  assert.equal(oneShot.Status, 'Optimal');
  assert.ok(Math.abs(oneShot.ObjectiveValue - sol.objective) < 1e-7);
  assert.ok(Math.abs(oneShot.Columns['a0']!.Primal - 1 / 3) < 1e-7);
  // At α0 = 1/3 step 0's row is exactly tight (0.6·1/3 − 0.2 = 0) but step 2's has activity
  // −1/3 + 0.3 + s2 = 0 too; add a row that is slack (α0 + v ≥ 0 trivially: coefs [1, 1]) and purge it.
  lp.addConstraint(0, 1, Float64Array.from([1, 1]));
  const before = lp.solve().objective;
  const dropped = lp.purgeSlackRows(1e-9);
  assert.deepEqual(dropped, [{ t: 0, p: 1 }]);
  assert.equal(lp.liveRows, 3);
  assert.ok(Math.abs(lp.solve().objective - before) < 1e-9);
  assert.equal(writeLp(lp.toLpModel()).match(/^ c\d+:/gm)?.length, 3);
  lp.dispose();
});
