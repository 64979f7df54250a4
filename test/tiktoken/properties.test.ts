/** Invariants of every encoding, on generated strings (fast-check). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { getEncoding } from '../../src/index.js';
import { adversarialString, wellFormedString } from '../support/adversarial.js';

const NAMES = ['r50k_base', 'cl100k_base', 'o200k_base'];

for (const name of NAMES) {
  const enc = getEncoding(name);

  test(`${name}: decode(encode(s)) === s for well-formed strings`, () => {
    fc.assert(
      fc.property(wellFormedString, (s) => enc.decode(enc.encodeOrdinary(s)) === s),
      { numRuns: 2000, seed: 7 },
    );
  });

  test(`${name}: lone surrogates encode exactly like U+FFFD`, () => {
    fc.assert(
      fc.property(adversarialString, (s) => {
        const replaced = s.toWellFormed();
        assert.deepEqual(enc.encodeOrdinary(s), enc.encodeOrdinary(replaced));
      }),
      { numRuns: 1000, seed: 8 },
    );
  });

  test(`${name}: countTokens and countUpTo agree with encode`, () => {
    fc.assert(
      fc.property(adversarialString, fc.nat(30), (s, limit) => {
        const n = enc.encodeOrdinary(s).length;
        assert.equal(enc.countTokens(s, { disallowedSpecial: [] }), n);
        assert.equal(enc.countUpTo(s, limit, { disallowedSpecial: [] }), Math.min(n, limit + 1));
      }),
      { numRuns: 1000, seed: 9 },
    );
  });

  test(`${name}: offsets tile the text in order for well-formed strings`, () => {
    fc.assert(
      fc.property(wellFormedString, (s) => {
        const { ids, offsets } = enc.encodeWithOffsets(s, { disallowedSpecial: [] });
        assert.equal(ids.length, offsets.length);
        // Distinct character spans, in order, join to the text.
        let rebuilt = '';
        let last = 0;
        for (const [a, b] of offsets) {
          assert.ok(a <= b && b <= s.length);
          if (b > last) {
            rebuilt += s.slice(Math.max(a, last), b);
            last = b;
          }
        }
        assert.equal(rebuilt, s);
      }),
      { numRuns: 500, seed: 10 },
    );
  });
}
