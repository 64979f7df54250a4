/**
 * The merge strategies (rescan for short pieces; rank buckets for long ones, with the heap as the
 * fallback) must give identical tokens. Each is run directly on the same bytes and compared with a
 * slow, obviously-correct reference written from the spec.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { getEncoding } from '../../src/index.js';
import { HEAP_THRESHOLD, MergeScratch, mergeByteRanks, mergeHeap, mergeRescan } from '../../src/model/bpe/byte-rank-merge.js';
import { mergeBuckets } from '../../src/model/bpe/byte-rank-buckets.js';
import type { ByteVocab } from '../../src/model/bpe/byte-vocab.js';

/** Textbook byte-rank BPE: parts as byte arrays, merge the leftmost lowest-ranked pair until none. */
function referenceMerge(vocab: ByteVocab, bytes: Uint8Array): number[] {
  let parts: Uint8Array[] = Array.from(bytes, (b) => Uint8Array.of(b));
  for (;;) {
    let best = Infinity;
    let at = -1;
    for (let i = 0; i + 1 < parts.length; i++) {
      const joined = new Uint8Array([...parts[i]!, ...parts[i + 1]!]);
      const r = vocab.lookup(joined, 0, joined.length);
      if (r >= 0 && r < best) {
        best = r;
        at = i;
      }
    }
    if (at < 0) break;
    parts = [...parts.slice(0, at), new Uint8Array([...parts[at]!, ...parts[at + 1]!]), ...parts.slice(at + 2)];
  }
  return parts.map((p) => vocab.lookup(p, 0, p.length));
}

const pieceBytes = fc.oneof(
  fc.uint8Array({ minLength: 1, maxLength: HEAP_THRESHOLD * 3 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }).map((s) => new TextEncoder().encode(s)),
  fc.tuple(fc.constantFrom('a', ' ', '中', '🎉', '=', 'ab', '0'), fc.integer({ min: 1, max: 200 })).map(([c, n]) =>
    new TextEncoder().encode(c.repeat(n)),
  ),
);

for (const name of ['cl100k_base', 'o200k_base']) {
  test(`${name}: merge strategies equal the textbook algorithm on short and long pieces`, () => {
    const vocab = getEncoding(name).vocab;
    const scratch = new MergeScratch();
    fc.assert(
      fc.property(pieceBytes, (bytes) => {
        const expected = referenceMerge(vocab, bytes);
        const ours: number[] = [];
        const n = mergeByteRanks(vocab, bytes, 0, bytes.length, ours, scratch);
        assert.equal(n, ours.length);
        assert.deepEqual(ours, expected, 'engine');
        assert.equal(mergeByteRanks(vocab, bytes, 0, bytes.length, null, scratch), n, 'count-only run agrees');
        if (bytes.length > 1) {
          const rescan: number[] = [];
          mergeRescan(vocab, bytes, 0, bytes.length, rescan, scratch);
          assert.deepEqual(rescan, expected, 'rescan');
        }
        const heap: number[] = [];
        mergeHeap(vocab, bytes, 0, bytes.length, heap);
        assert.deepEqual(heap, expected, 'heap');
        const buckets: number[] = [];
        const b = mergeBuckets(vocab, bytes, 0, bytes.length, buckets, scratch.bucketsFor(vocab));
        if (b >= 0) assert.deepEqual(buckets, expected, 'buckets');
      }),
      { numRuns: 400, seed: 11 },
    );
  });
}
