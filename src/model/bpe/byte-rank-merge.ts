/**
 * Byte-rank BPE merging, tiktoken's rule: start from single bytes; repeatedly merge the adjacent pair
 * whose concatenated bytes have the lowest rank in the vocabulary, the leftmost one on ties; stop
 * when no adjacent concatenation is a token. (Spec: docs/algorithms/byte-rank-bpe.md.)
 *
 * Three strategies, same result (test/tiktoken/merge-strategies.test.ts checks all against a
 * textbook implementation):
 * - `mergeRescan`, pieces under HEAP_THRESHOLD bytes: parts in a linked list, the minimum found by a
 *   linear scan. O(n²) but n is tiny for almost every piece and the constant is the lowest.
 * - `mergeBuckets` (byte-rank-buckets.ts), longer pieces: ranks visited in increasing order from
 *   per-rank buckets. O(n + k log k); needs merges to only create higher-ranked pairs, which it checks.
 * - `mergeHeap`, the fallback when that check fails: a binary min-heap of (rank, position) keys with
 *   lazy deletion. O(n log n) for any vocabulary.
 *
 * Performance notes: on FLORES-200 (4.8M–6.7M pieces per encoding) the bucket check never failed for
 * r50k/cl100k/o200k. Thresholds 16/32/64 were measured on FLORES eng/zho/tha/jpn: 64 was best or tied.
 * The heap packs keys into one float64 (rank * 2^31 + position) so it is a plain Float64Array.
 */
import type { ByteVocab } from './byte-vocab.js';
import { BucketScratch, mergeBuckets } from './byte-rank-buckets.js';
import { heapPop, heapPush } from '../../util/typed-heap.js';

const NONE = 0x7fffffff;
export const HEAP_THRESHOLD = 64;

/** Scratch arrays reused across calls (encoding is single-threaded per encoder). */
export class MergeScratch {
  next = new Int32Array(256);
  ranks = new Int32Array(256);
  private buckets: BucketScratch | undefined;

  /** Bucket state for long pieces, created on first use (a few MB for a 200k vocabulary). */
  bucketsFor(vocab: ByteVocab): BucketScratch {
    return (this.buckets ??= new BucketScratch(vocab.size));
  }

  ensure(n: number): void {
    if (this.next.length < n + 1) {
      let cap = this.next.length;
      while (cap < n + 1) cap *= 2;
      this.next = new Int32Array(cap);
      this.ranks = new Int32Array(cap);
    }
  }
}

/**
 * Appends the ranks of buf[start..end) to `out` (or only counts them when out is null) and returns
 * how many tokens the piece has. Every single byte must be a token (true for tiktoken vocabularies).
 */
export function mergeByteRanks(
  vocab: ByteVocab,
  buf: Uint8Array,
  start: number,
  end: number,
  out: number[] | null,
  scratch: MergeScratch,
): number {
  const n = end - start;
  if (n === 1) {
    if (out) out.push(vocab.byteRank[buf[start]!]!);
    return 1;
  }
  if (n < HEAP_THRESHOLD) return mergeRescan(vocab, buf, start, end, out, scratch);
  const count = mergeBuckets(vocab, buf, start, end, out, scratch.bucketsFor(vocab));
  return count >= 0 ? count : mergeHeap(vocab, buf, start, end, out);
}

/**
 * Parts are identified by the index of their first byte; next[i] is the next part's index (n at
 * the end) and ranks[i] the rank of part i joined with its successor (NONE if not a token). A merge
 * relinks instead of shifting arrays.
 */
export function mergeRescan(
  vocab: ByteVocab,
  buf: Uint8Array,
  start: number,
  end: number,
  out: number[] | null,
  scratch: MergeScratch,
): number {
  const n = end - start;
  const pairRank = vocab.pairRank;
  scratch.ensure(n);
  const next = scratch.next;
  const ranks = scratch.ranks;
  for (let i = 0; i < n - 1; i++) {
    next[i] = i + 1;
    const r = pairRank[(buf[start + i]! << 8) | buf[start + i + 1]!]!;
    ranks[i] = r < 0 ? NONE : r;
  }
  next[n - 1] = n;
  ranks[n - 1] = NONE;
  let parts = n;
  while (parts > 1) {
    let best = NONE;
    let at = -1;
    let before = -1;
    for (let i = 0, p = -1; i < n; p = i, i = next[i]!) {
      if (ranks[i]! < best) {
        best = ranks[i]!;
        at = i;
        before = p;
      }
    }
    if (at < 0) break;
    // Merge part `at` with its successor.
    const k = next[next[at]!]!;
    next[at] = k;
    parts--;
    const r = k < n ? vocab.lookup(buf, start + at, start + next[k]!) : -1;
    ranks[at] = r < 0 ? NONE : r;
    if (before >= 0) {
      const rp = vocab.lookup(buf, start + before, start + k);
      ranks[before] = rp < 0 ? NONE : rp;
    }
  }
  if (out) {
    for (let i = 0; i < n; i = next[i]!) out.push(vocab.lookup(buf, start + i, start + next[i]!));
  }
  return parts;
}

const POS_SCALE = 2 ** 31;

/** Reusable arrays of the heap strategy (grown on demand, never shrunk). */
export class HeapScratch {
  next = new Int32Array(0);
  prev = new Int32Array(0);
  pairRank = new Int32Array(0);
  heap = new Float64Array(0);
  size = 0;

  ensure(n: number): void {
    if (this.next.length >= n) return;
    const cap = Math.max(n, this.next.length * 2);
    this.next = new Int32Array(cap);
    this.prev = new Int32Array(cap);
    this.pairRank = new Int32Array(cap);
    this.heap = new Float64Array(3 * cap); // n-1 initial entries + at most 2 per merge
  }

  push(key: number): void {
    heapPush(this.heap, this.size++, key);
  }

  pop(): number {
    return heapPop(this.heap, this.size--);
  }
}

const heapScratch = new HeapScratch();

export function mergeHeap(
  vocab: ByteVocab,
  buf: Uint8Array,
  start: number,
  end: number,
  out: number[] | null,
): number {
  const n = end - start;
  const h = heapScratch;
  h.ensure(n);
  h.size = 0;
  // Parts are identified by their first byte index i (0-based within the piece).
  const next = h.next; // index of the next part, n at the end
  const prev = h.prev; // index of the previous part, -1 at the start
  const pairRank = h.pairRank; // rank of (part i + next part); NONE if none; -2 once part i is gone

  for (let i = 0; i < n; i++) {
    next[i] = i + 1;
    prev[i] = i - 1;
  }
  const twoByteRank = vocab.pairRank;
  for (let i = 0; i < n - 1; i++) {
    const r = twoByteRank[(buf[start + i]! << 8) | buf[start + i + 1]!]!;
    pairRank[i] = r < 0 ? NONE : r;
    if (r >= 0) h.push(r * POS_SCALE + i);
  }
  pairRank[n - 1] = NONE;

  while (h.size > 0) {
    const key = h.pop();
    const rank = Math.floor(key / POS_SCALE);
    const i = key - rank * POS_SCALE;
    if (pairRank[i] !== rank) continue; // stale entry
    // Merge part i with its successor j.
    const j = next[i]!;
    const k = next[j]!;
    next[i] = k;
    if (k < n) prev[k] = i;
    pairRank[j] = -2;
    const found = k < n ? vocab.lookup(buf, start + i, start + next[k]!) : -1;
    const r = found < 0 ? NONE : found;
    pairRank[i] = r;
    if (r !== NONE) h.push(r * POS_SCALE + i);
    const p = prev[i]!;
    if (p >= 0) {
      const foundP = vocab.lookup(buf, start + p, start + k);
      const rp = foundP < 0 ? NONE : foundP;
      pairRank[p] = rp;
      if (rp !== NONE) h.push(rp * POS_SCALE + p);
    }
  }

  let count = 0;
  for (let i = 0; i < n; i = next[i]!) {
    if (out) out.push(vocab.lookup(buf, start + i, start + next[i]!));
    count++;
  }
  return count;
}
