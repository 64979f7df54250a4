/**
 * MixtureData: the replays of all categories joined on one global pair index, laid out for the lazy
 * constraint scan. Spec: docs/algorithms/mixture-inference.md §Data layout.
 *
 * A "slot" is one (category, pair) that ever had a non-zero count in that category: slots of
 * category i are slotOffset[i] .. slotOffset[i+1], in the category's local pair order, so a replay's
 * local pair l is slot slotOffset[i] + l with no look-up. Per slot: its global pair (slotPair) and
 * its count before merge 0 (slotInit, raw count). Per pair: its slots (pairSlotStart/pairSlots CSR).
 * Per step t: the slot changes of merge t in every category (stepStart/stepSlot/stepDelta CSR),
 * raw count deltas. mergePair[t] is the global pair of merge t, or -1 when no sample ever holds it.
 * Memory: 12 bytes per diff entry + 20 bytes per slot + 12 bytes per pair.
 */
import type { CategoryReplay } from './replay.js';
import type { MergeList } from './merge-list.js';

export interface MixtureData {
  n: number;
  T: number;
  numPairs: number;
  pairKeys: Float64Array;
  numSymbols: number;
  slotOffset: Int32Array;
  slotPair: Int32Array;
  slotCat: Uint8Array;
  slotInit: Float64Array;
  pairSlotStart: Int32Array;
  pairSlots: Int32Array;
  stepStart: Int32Array;
  stepSlot: Int32Array;
  stepDelta: Float64Array;
  mergePair: Int32Array;
  /** D_i: weighted pair count of category i before merge 0. */
  totalPairs: Float64Array;
  totalBytes: Float64Array;
}

export function buildMixtureData(replays: readonly CategoryReplay[], merges: MergeList): MixtureData {
  const n = replays.length;
  const T = merges.length;
  const numSymbols = replays[0]?.numSymbols ?? 256;
  const gidOf = new Map<number, number>();
  const keys: number[] = [];
  const slotOffset = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) slotOffset[i + 1] = slotOffset[i]! + replays[i]!.pairKeys.length;
  const numSlots = slotOffset[n]!;
  const slotPair = new Int32Array(numSlots);
  const slotCat = new Uint8Array(numSlots);
  const slotInit = new Float64Array(numSlots);
  for (let i = 0; i < n; i++) {
    const r = replays[i]!;
    const base = slotOffset[i]!;
    for (let l = 0; l < r.pairKeys.length; l++) {
      const key = r.pairKeys[l]!;
      let g = gidOf.get(key);
      if (g === undefined) {
        g = keys.length;
        gidOf.set(key, g);
        keys.push(key);
      }
      slotPair[base + l] = g;
      slotCat[base + l] = i;
    }
    slotInit.set(r.initialCounts, base);
  }
  const numPairs = keys.length;
  const pairSlotStart = new Int32Array(numPairs + 1);
  for (let s = 0; s < numSlots; s++) pairSlotStart[slotPair[s]! + 1]!++;
  for (let g = 0; g < numPairs; g++) pairSlotStart[g + 1]! += pairSlotStart[g]!;
  const fill = pairSlotStart.slice(0, numPairs);
  const pairSlots = new Int32Array(numSlots);
  for (let s = 0; s < numSlots; s++) pairSlots[fill[slotPair[s]!]!++] = s;

  let totalDiffs = 0;
  for (const r of replays) totalDiffs += r.diffPair.length;
  const stepStart = new Int32Array(T + 1);
  const stepSlot = new Int32Array(totalDiffs);
  const stepDelta = new Float64Array(totalDiffs);
  let k = 0;
  for (let t = 0; t < T; t++) {
    stepStart[t] = k;
    for (let i = 0; i < n; i++) {
      const r = replays[i]!;
      const base = slotOffset[i]!;
      for (let j = r.stepStart[t]!; j < r.stepStart[t + 1]!; j++) {
        stepSlot[k] = base + r.diffPair[j]!;
        stepDelta[k++] = r.diffDelta[j]!;
      }
    }
  }
  stepStart[T] = k;
  const mergePair = new Int32Array(T);
  for (let t = 0; t < T; t++) mergePair[t] = gidOf.get(merges.left[t]! * numSymbols + merges.right[t]!) ?? -1;
  return {
    n, T, numPairs, pairKeys: Float64Array.from(keys), numSymbols, slotOffset, slotPair, slotCat, slotInit,
    pairSlotStart, pairSlots, stepStart, stepSlot, stepDelta, mergePair,
    totalPairs: Float64Array.from(replays, (r) => r.totalPairs),
    totalBytes: Float64Array.from(replays, (r) => r.totalBytes),
  };
}
