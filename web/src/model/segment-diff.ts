/**
 * Where two tokenizers segment the same text differently. Each tokenizer's segmentation is its set
 * of cut positions (token group ends); the text is split at the positions both share, and each region
 * between two shared cuts is `same` when both tokenizers have exactly one token group there and
 * `differs` otherwise. Zero-width tokens (BOS, EOS) do not cut the text and are ignored here.
 * O(nA + nB) after sorting-free merging (cuts are produced in increasing order).
 */
import type { Segment } from './segments.js';

export interface DiffRegion {
  start: number;
  end: number;
  same: boolean;
  /** Cut positions inside the region (exclusive of its ends) for each side. */
  cutsA: number[];
  cutsB: number[];
}

/** Increasing cut positions of a segmentation (ends of token groups and gaps), without 0. */
export function cutsOf(segments: readonly Segment[]): number[] {
  const cuts: number[] = [];
  for (const s of segments) if (s.kind !== 'chip' && s.end > s.start) cuts.push(s.end);
  return cuts;
}

export function diffSegmentations(textLength: number, cutsA: readonly number[], cutsB: readonly number[]): DiffRegion[] {
  const regions: DiffRegion[] = [];
  let i = 0;
  let j = 0;
  let start = 0;
  let innerA: number[] = [];
  let innerB: number[] = [];
  while (i < cutsA.length || j < cutsB.length) {
    const a = i < cutsA.length ? cutsA[i]! : Infinity;
    const b = j < cutsB.length ? cutsB[j]! : Infinity;
    if (a === b) {
      regions.push({ start, end: a, same: innerA.length === 0 && innerB.length === 0, cutsA: innerA, cutsB: innerB });
      start = a; innerA = []; innerB = []; i++; j++;
    } else if (a < b) { innerA.push(a); i++; } else { innerB.push(b); j++; }
  }
  if (start < textLength) {
    // Both sides should end at textLength; if one stops early the rest is a differing region.
    regions.push({ start, end: textLength, same: false, cutsA: innerA.filter((c) => c < textLength), cutsB: innerB.filter((c) => c < textLength) });
  }
  return regions;
}
