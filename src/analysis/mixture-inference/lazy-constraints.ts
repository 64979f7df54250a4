/**
 * Lazy constraint generation for the mixture LP (spec §1 Step C): the full LP has one constraint per
 * (step, pair) — billions — but only the few pairs that the current α says were more frequent than
 * the merge actually chosen matter. Each epoch scans the merge steps with the current solution,
 * adds the most violated constraints, and re-solves; it stops when a scan finds no violation.
 *
 * Scan state: cur[slot] (raw counts before the current step), prio[p] = Σ_i w_i·cur(p,i) − v_p with
 * w_i = α_i·scale/D_i, and a max-heap of pairs by prio with lazy deletion. At step t with merge m:
 * pop pairs whose prio exceeds prio(m) + v_p(m) + v_t + tol, keep up to `batch` not yet constrained
 * at t, push the popped back, add their constraints; then apply step t's diff to cur/prio.
 * Complexity per epoch: O(diff entries · log heap) for the scan plus the popped pairs; the heap is
 * rebuilt from prio when stale copies exceed 4× the pairs.
 */
import type { MixtureData } from './mixture-data.js';
import { PriorityHeap } from './priority-heap.js';
import { MixtureLp, type LpSolution } from './solve.js';
import type { Highs } from 'highs';

export interface LazyOptions {
  /** Competitor pairs added per step per epoch (reference: 10). */
  batch?: number;
  /** Constraints after which an epoch stops scanning and re-solves (reference: 100). */
  maxAdd?: number;
  /** Violation tolerance, in scaled units (reference: Gurobi's 1e-6). */
  tol?: number;
  /** Pair shares are multiplied by this before entering the LP (1e6: parts per million). */
  scale?: number;
  maxEpochs?: number;
  /**
   * Only steps t ≥ fromStep get constraints (earlier merges are still replayed): infers the mixture
   * behind an extension of a merge list, e.g. Llama-3's merges after cl100k's 100k.
   */
  fromStep?: number;
  onEpoch?: (e: EpochReport) => void;
  /**
   * After a solve with more live rows than this, slack rows are deleted (they come back if violated
   * again). Default 150 000; Infinity disables purging. After a purge the limit becomes twice the
   * rows left (at most 3× this value), so a large binding set does not thrash.
   */
  purgeAbove?: number;
  /** Keep the final LP (for export); otherwise it is disposed. */
  keepLp?: boolean;
}

export interface EpochReport {
  epoch: number;
  added: number;
  /** Constraints generated so far (purged ones included). */
  constraints: number;
  /** Rows in the LP now (after purging). */
  liveRows: number;
  objective: number;
  alpha: Float64Array;
  scanMs: number;
  solveMs: number;
}

export interface LazyResult {
  solution: LpSolution;
  /** Scans run (the last one found no violation when converged). */
  epochs: number;
  /** False when maxEpochs stopped the loop before a scan found no violation. */
  converged: boolean;
  constraints: number;
  /** Merge steps whose pair occurs in no category sample (skipped). */
  missingMerges: number;
  lp?: MixtureLp;
  scanMs: number;
  solveMs: number;
}

export async function solveLazily(highs: Highs, data: MixtureData, opts: LazyOptions = {}): Promise<LazyResult> {
  const batch = opts.batch ?? 10;
  const maxAdd = opts.maxAdd ?? 2000;
  const tol = opts.tol ?? 1e-6;
  const scale = opts.scale ?? 1e6;
  const maxEpochs = opts.maxEpochs ?? 10000;
  const fromStep = opts.fromStep ?? 0;
  const purgeAbove = opts.purgeAbove ?? 150_000;
  let purgeLimit = purgeAbove;
  const { n, T, numPairs, slotPair, slotCat, slotInit, pairSlotStart, pairSlots, stepStart, stepSlot, stepDelta, mergePair, totalPairs } = data;
  const lp = new MixtureLp(highs, n, T, numPairs, opts.keepLp === true);
  const invD = Float64Array.from(totalPairs, (d) => (d > 0 ? scale / d : 0));
  const constrained = new Set<number>();
  let alpha: Float64Array = new Float64Array(n).fill(1 / n);
  let stepSlack: Float64Array = new Float64Array(T);
  let pairSlack: Float64Array = new Float64Array(numPairs);
  let solution: LpSolution = { alpha, stepSlack, pairSlack, objective: 0, iterations: 0 };
  const cur = new Float64Array(slotInit.length);
  const prio = new Float64Array(numPairs);
  const w = new Float64Array(n);
  const heap = new PriorityHeap();
  const poppedAt = new Int32Array(numPairs).fill(-1);
  const pushedAt = new Int32Array(numPairs).fill(-1);
  const popped: number[] = [];
  const candidates: number[] = [];
  let missing = 0;
  let epoch = 0;
  let scanMs = 0;
  let solveMs = 0;
  let converged = false;

  for (; epoch < maxEpochs; epoch++) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) w[i] = alpha[i]! * invD[i]!;
    cur.set(slotInit);
    prio.fill(0);
    for (let s = 0; s < cur.length; s++) prio[slotPair[s]!]! += w[slotCat[s]!]! * cur[s]!;
    for (let p = 0; p < numPairs; p++) prio[p]! -= Math.max(0, pairSlack[p]!);
    heap.rebuild(prio, numPairs, (p) => pairSlotStart[p + 1]! > pairSlotStart[p]!);
    poppedAt.fill(-1);
    pushedAt.fill(-1);
    let added = 0;
    missing = 0;
    for (let t = 0; t < T; t++) {
      const m = mergePair[t]!;
      if (t < fromStep) {
        // replayed only
      } else if (m < 0) missing++;
      else {
        const mprio = prio[m]! + Math.max(0, pairSlack[m]!);
        const cutoff = mprio + Math.max(0, stepSlack[t]!) + tol;
        popped.length = 0;
        candidates.length = 0;
        while (heap.size > 0 && candidates.length < batch && heap.topPriority() > cutoff) {
          const pr = heap.topPriority();
          const p = heap.topId();
          heap.pop();
          if (pr !== prio[p] || poppedAt[p] === t) continue;
          poppedAt[p] = t;
          popped.push(p);
          if (p !== m && !constrained.has(t * numPairs + p)) candidates.push(p);
        }
        for (const p of popped) heap.push(prio[p]!, p);
        for (const p of candidates) {
          const coefs = new Float64Array(n);
          for (let k = pairSlotStart[m]!; k < pairSlotStart[m + 1]!; k++) {
            const s = pairSlots[k]!;
            coefs[slotCat[s]!]! += cur[s]! * invD[slotCat[s]!]!;
          }
          for (let k = pairSlotStart[p]!; k < pairSlotStart[p + 1]!; k++) {
            const s = pairSlots[k]!;
            coefs[slotCat[s]!]! -= cur[s]! * invD[slotCat[s]!]!;
          }
          constrained.add(t * numPairs + p);
          lp.addConstraint(t, p, coefs);
          added++;
        }
      }
      for (let k = stepStart[t]!; k < stepStart[t + 1]!; k++) {
        const s = stepSlot[k]!;
        const d = stepDelta[k]!;
        cur[s]! += d;
        prio[slotPair[s]!]! += w[slotCat[s]!]! * d;
      }
      for (let k = stepStart[t]!; k < stepStart[t + 1]!; k++) {
        const p = slotPair[stepSlot[k]!]!;
        if (pushedAt[p] !== t) {
          pushedAt[p] = t;
          heap.push(prio[p]!, p);
        }
      }
      if (heap.size > 4 * numPairs + 1024) heap.rebuild(prio, numPairs, (p) => pairSlotStart[p + 1]! > pairSlotStart[p]!);
      if (added >= maxAdd) break;
    }
    const t1 = performance.now();
    scanMs += t1 - t0;
    if (added === 0) {
      converged = true;
      break;
    }
    solution = lp.solve();
    const t2 = performance.now();
    solveMs += t2 - t1;
    alpha = solution.alpha;
    stepSlack = solution.stepSlack;
    pairSlack = solution.pairSlack;
    if (lp.liveRows > purgeLimit) {
      for (const r of lp.purgeSlackRows(tol)) constrained.delete(r.t * numPairs + r.p);
      // Many binding rows: purging to near the limit again would thrash (purged rows come back).
      purgeLimit = Math.min(3 * purgeAbove, Math.max(purgeAbove, 2 * lp.liveRows));
    }
    opts.onEpoch?.({ epoch, added, constraints: lp.constraintCount, liveRows: lp.liveRows, objective: solution.objective, alpha, scanMs: t1 - t0, solveMs: t2 - t1 });
  }
  const constraints = lp.constraintCount;
  if (!opts.keepLp) lp.dispose();
  return { solution, epochs: converged ? epoch + 1 : epoch, converged, constraints, missingMerges: missing, ...(opts.keepLp ? { lp } : {}), scanMs, solveMs };
}
