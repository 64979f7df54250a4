/**
 * Linear-time byte-rank merging for long pieces: process merges rank by rank from buckets.
 *
 * Observation: if merging a pair into token t (rank r) only ever creates candidate pairs whose
 * concatenation has a rank above r — true whenever every token ranks above the tokens it can be split
 * into, as BPE training guarantees — then tiktoken's "leftmost lowest-ranked pair first" visits ranks in
 * increasing order, and all candidates of rank r exist before the first of them is merged. So we
 * keep one bucket of positions per rank, visit non-empty buckets in rank order (a small heap of
 * distinct ranks), and merge each bucket's still-valid positions from left to right.
 *
 * The observation is checked, not assumed: a merge that creates a pair of rank ≤ the current one
 * makes `mergeBuckets` return -1 and the caller falls back to the heap strategy, which is exact for any
 * vocabulary. Cost: O(n + k log k) for n bytes and k distinct ranks met, versus O(n log n) for the heap.
 *
 * Within a bucket, positions are appended in increasing order except when entries from different
 * earlier buckets interleave; a bucket is sorted only when an append went backwards.
 *
 * Performance notes: 1 MB of one repeated letter or of spaces went from ~15× the time of 100 KB (heap,
 * cache misses in a 24 MB heap) to ~10×; k stays tiny on such inputs.
 */
import type { ByteVocab } from './byte-vocab.js';
import { heapPop, heapPush } from '../../util/typed-heap.js';

const DEAD = -2;
const NONE = -1;

/** Per-vocabulary, reusable state: bucket heads/tails indexed by rank (reset after every piece). */
export class BucketScratch {
  readonly head: Int32Array;
  readonly tail: Int32Array;
  readonly lastPos: Int32Array;
  readonly unsorted: Uint8Array;
  next = new Int32Array(0);
  prev = new Int32Array(0);
  pairRank = new Int32Array(0);
  entryPos = new Int32Array(0);
  entryNext = new Int32Array(0);
  order = new Int32Array(0);
  rankHeap = new Int32Array(0);

  constructor(vocabSize: number) {
    this.head = new Int32Array(vocabSize).fill(-1);
    this.tail = new Int32Array(vocabSize).fill(-1);
    this.lastPos = new Int32Array(vocabSize);
    this.unsorted = new Uint8Array(vocabSize);
  }

  ensure(n: number): void {
    if (this.next.length >= n) return;
    const cap = Math.max(n, this.next.length * 2);
    this.next = new Int32Array(cap);
    this.prev = new Int32Array(cap);
    this.pairRank = new Int32Array(cap);
    this.entryPos = new Int32Array(3 * cap); // n-1 initial entries + at most 2 per merge
    this.entryNext = new Int32Array(3 * cap);
    this.order = new Int32Array(3 * cap);
    this.rankHeap = new Int32Array(3 * cap);
  }
}

/**
 * Merges buf[start..end) and appends the token ranks to `out` (or only counts when out is null).
 * Returns the token count, or -1 if the vocabulary broke the monotone-rank observation on this piece
 * (nothing was appended then).
 */
export function mergeBuckets(
  vocab: ByteVocab,
  buf: Uint8Array,
  start: number,
  end: number,
  out: number[] | null,
  s: BucketScratch,
): number {
  const n = end - start;
  s.ensure(n);
  const { head, tail, lastPos, unsorted, next, prev, pairRank, entryPos, entryNext, order, rankHeap } = s;
  let entries = 0;
  let heapSize = 0;

  const add = (rank: number, pos: number): void => {
    const e = entries++;
    entryPos[e] = pos;
    entryNext[e] = -1;
    if (head[rank]! < 0) {
      head[rank] = e;
      lastPos[rank] = pos;
      heapPush(rankHeap, heapSize++, rank);
    } else {
      entryNext[tail[rank]!] = e;
      if (pos < lastPos[rank]!) unsorted[rank] = 1;
      lastPos[rank] = pos;
    }
    tail[rank] = e;
  };
  const popRank = (): number => heapPop(rankHeap, heapSize--);
  /** Rank of parts a..c joined (c = the index after the second part), NONE if not a token. */
  const joinRank = (a: number, c: number): number => vocab.lookup(buf, start + a, start + c);

  const twoByteRank = vocab.pairRank;
  for (let i = 0; i < n; i++) {
    next[i] = i + 1;
    prev[i] = i - 1;
  }
  for (let i = 0; i < n - 1; i++) {
    const r = twoByteRank[(buf[start + i]! << 8) | buf[start + i + 1]!]!;
    pairRank[i] = r;
    if (r >= 0) add(r, i);
  }
  pairRank[n - 1] = NONE;

  let violated = false;
  while (heapSize > 0 && !violated) {
    const rank = popRank();
    // Collect this bucket's positions, then release the bucket.
    let m = 0;
    for (let e = head[rank]!; e >= 0; e = entryNext[e]!) order[m++] = entryPos[e]!;
    head[rank] = -1;
    tail[rank] = -1;
    if (unsorted[rank]) {
      unsorted[rank] = 0;
      order.subarray(0, m).sort();
    }
    for (let t = 0; t < m; t++) {
      const i = order[t]!;
      if (pairRank[i] !== rank) continue; // stale: part i changed or died since this entry was added
      const j = next[i]!;
      const k = next[j]!;
      next[i] = k;
      if (k < n) prev[k] = i;
      pairRank[j] = DEAD;
      const r = k < n ? joinRank(i, next[k]!) : NONE;
      pairRank[i] = r;
      if (r >= 0) {
        if (r <= rank) { violated = true; break; }
        add(r, i);
      }
      const p = prev[i]!;
      if (p >= 0) {
        const rp = joinRank(p, k);
        pairRank[p] = rp;
        if (rp >= 0) {
          if (rp <= rank) { violated = true; break; }
          add(rp, p);
        }
      }
    }
  }
  if (violated) {
    // Release every bucket still in use so the scratch is clean for the next piece.
    while (heapSize > 0) {
      const rank = popRank();
      head[rank] = -1;
      tail[rank] = -1;
      unsorted[rank] = 0;
    }
    return -1;
  }
  let count = 0;
  for (let i = 0; i < n; i = next[i]!) {
    if (out) out.push(vocab.lookup(buf, start + i, start + next[i]!));
    count++;
  }
  return count;
}
