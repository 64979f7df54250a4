/**
 * Merge replay for one category: apply a tokenizer's merges, in order and forced (never choosing the
 * most frequent pair), to the category's word counts, and record the pair-count changes of every
 * step as a sparse diff. Spec: docs/algorithms/mixture-inference.md §Replay.
 *
 * Output (all typed arrays, transferable from a worker):
 * - pairKeys[l]: key of local pair l, `left * numSymbols + right` (exact: < 2^53);
 * - initialCounts[l]: count of pair l before merge 0 (0 for pairs first made by a merge);
 * - stepStart (length T+1) and diffPair/diffDelta: merge t changed pair diffPair[k] by diffDelta[k]
 *   for k in stepStart[t] .. stepStart[t+1]. A merge whose pair never occurs has an empty diff and
 *   time still advances (as in the reference implementation).
 * - totalPairs: D, the weighted pair count before merge 0 (the default denominator);
 *   totalBytes: sample bytes inside words (for the pair→byte share conversion).
 * Complexity: see pair-counts.ts; memory O(pairs + diff entries).
 */
import { GrowableFloat64, GrowableInt32 } from './growable.js';
import type { MergeList } from './merge-list.js';
import { PairCounts } from './pair-counts.js';

export interface CategoryReplay {
  numSymbols: number;
  pairKeys: Float64Array;
  initialCounts: Float64Array;
  stepStart: Int32Array;
  diffPair: Int32Array;
  diffDelta: Float64Array;
  totalPairs: number;
  totalBytes: number;
  wordTypes: number;
}

export interface ReplayInput {
  words: readonly Int32Array[];
  counts: ArrayLike<number>;
  totalBytes: number;
}

/** Number of symbol ids a merge list can produce (the key base). */
export function symbolCount(merges: MergeList): number {
  let max = 255;
  for (let t = 0; t < merges.length; t++) if (merges.result[t]! > max) max = merges.result[t]!;
  return max + 1;
}

export function replayMerges(input: ReplayInput, merges: MergeList, onStep?: (t: number) => void): CategoryReplay {
  const numSymbols = symbolCount(merges);
  const state = new PairCounts(input.words, input.counts);
  const initialSize = state.size;
  const initialCounts = state.count.slice(0, initialSize);
  const T = merges.length;
  const stepStart = new Int32Array(T + 1);
  const diffPair = new GrowableInt32(1 << 16);
  const diffDelta = new GrowableFloat64(1 << 16);
  const record = (pair: number, delta: number): void => {
    diffPair.push(pair);
    diffDelta.push(delta);
  };
  for (let t = 0; t < T; t++) {
    stepStart[t] = diffPair.length;
    state.applyMerge(merges.left[t]!, merges.right[t]!, merges.result[t]!, record);
    if (onStep !== undefined && (t & 255) === 255) onStep(t + 1);
  }
  stepStart[T] = diffPair.length;
  onStep?.(T);
  const pairKeys = new Float64Array(state.size);
  for (let p = 0; p < state.size; p++) pairKeys[p] = state.left[p]! * numSymbols + state.right[p]!;
  const init = new Float64Array(state.size);
  init.set(initialCounts);
  return {
    numSymbols,
    pairKeys,
    initialCounts: init,
    stepStart,
    diffPair: diffPair.toArray(),
    diffDelta: diffDelta.toArray(),
    totalPairs: state.initialTotal,
    totalBytes: input.totalBytes,
    wordTypes: input.words.length,
  };
}
