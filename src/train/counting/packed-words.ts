/**
 * A batch of counted words as three flat arrays: cheap to pass between threads (no per-word objects)
 * and to add into WordCounts without making strings. Word i is bytes[ends[i-1] .. ends[i]) (from 0
 * for i = 0), encoded as in word-bytes.ts; its count is counts[i].
 * `allocPacked` lays the three out in one ArrayBuffer (counts, ends, bytes), so a batch result moves
 * between threads as one transfer and its buffer can be reused for a later batch.
 */
export interface PackedWords {
  bytes: Uint8Array;
  ends: Int32Array;
  counts: Float64Array;
}

/** Views for `n` words of `byteLength` bytes, in `reuse` when it is big enough. */
export function allocPacked(n: number, byteLength: number, reuse?: ArrayBuffer): PackedWords {
  const size = n * 12 + byteLength;
  // A new buffer gets 25% headroom so that it can serve the next, slightly bigger batch too.
  const buf = reuse !== undefined && reuse.byteLength >= size ? reuse : new ArrayBuffer(size + (size >> 2));
  return { counts: new Float64Array(buf, 0, n), ends: new Int32Array(buf, n * 8, n), bytes: new Uint8Array(buf, n * 12, byteLength) };
}
