/** decode: the string fast path with byte runs must equal decoding all bytes at once (replacement mode). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { getEncoding } from '../../src/index.js';

const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

for (const name of ['cl100k_base', 'o200k_base']) {
  const enc = getEncoding(name);
  const { size } = enc.vocab;
  test(`${name}: decode(ids) equals decoding decodeBytes(ids) for arbitrary token sequences`, () => {
    // Random ids hit partial-character tokens often, in every arrangement with whole ones.
    const ids = fc.array(fc.oneof(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: size - 1 }).filter((id) => enc.vocab.tokenLength(id) > 0)), { maxLength: 40 });
    fc.assert(
      fc.property(ids, (xs) => {
        assert.equal(enc.decode(xs), utf8.decode(enc.decodeBytes(xs)));
      }),
      { numRuns: 3000, seed: 5 },
    );
  });
}
