/**
 * Unit and property tests of the alignment-tracking NormalizedString and PreTokenizedString
 * (HF semantics; the differential tests in hf-*.test.ts check the same against the binding).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { Changes, NormalizedString, type SplitBehavior } from '../../src/core/normalized-string.js';
import { PreTokenizedString } from '../../src/core/pre-tokenized-string.js';
import { charPattern, InvertPattern, RegexPattern } from '../../src/normalize/pattern.js';
import { normalizeForm } from '../../src/normalize/unicode-forms.js';
import { textArb } from './hf-helpers.js';

const pieces = (list: NormalizedString[]) => list.map((n) => n.normalized);

test('split behaviours (HF documentation example "the-final--countdown")', () => {
  const cases: [SplitBehavior, string[]][] = [
    ['Removed', ['the', 'final', 'countdown']],
    ['Isolated', ['the', '-', 'final', '-', '-', 'countdown']],
    ['MergedWithPrevious', ['the-', 'final-', '-', 'countdown']],
    ['MergedWithNext', ['the', '-final', '-', '-countdown']],
    ['Contiguous', ['the', '-', 'final', '--', 'countdown']],
  ];
  for (const [b, want] of cases) {
    assert.deepEqual(pieces(new NormalizedString('the-final--countdown').split(charPattern('-'), b)), want, b);
  }
  assert.deepEqual(pieces(new NormalizedString('a-b').split(new InvertPattern(charPattern('-')), 'Removed')), ['-']);
});

test('split pieces keep absolute offsets into the original input', () => {
  const ns = new NormalizedString('héllo wörld', 100);
  const [a, b] = ns.split(charPattern(' '), 'Removed');
  assert.deepEqual(a!.offsetsOriginal(), [100, 105]);
  assert.deepEqual(b!.offsetsOriginal(), [106, 111]);
  assert.equal(b!.original, 'wörld');
  assert.deepEqual(b!.toOriginal(1, 2), [107, 108]);
});

test('transform: replacement, insertion and removal alignments', () => {
  const ns = new NormalizedString('abc');
  const t = new Changes();
  t.push('X', 0); // replaces a
  t.push('Y', 1); // inserted after X: aligned with a
  t.push('Z', -1); // replaces b, removes c
  ns.transform(t);
  assert.equal(ns.normalized, 'XYZ');
  assert.deepEqual([ns.toOriginal(0, 1), ns.toOriginal(1, 2), ns.toOriginal(2, 3)], [[0, 1], [0, 1], [1, 2]]);
});

test('prepend/append align with the first/last char; replace aligns with the match end', () => {
  const ns = new NormalizedString('a b😀');
  ns.prepend('▁▁');
  ns.append('!');
  assert.equal(ns.normalized, '▁▁a b😀!');
  assert.deepEqual(ns.toOriginal(0, 2), [0, 1]);
  assert.deepEqual(ns.toOriginal(ns.length - 1, ns.length), [3, 5]);
  const r = new NormalizedString('x  y');
  r.replace(RegexPattern.fromOnig('\\s+', 't'), '_');
  assert.equal(r.normalized, 'x_y');
  assert.deepEqual(r.toOriginal(1, 2), [2, 3]);
});

test('strip, filter, lowercase and NFD keep alignment', () => {
  const ns = new NormalizedString('\u3000 ÀB\u0301 \t');
  ns.strip(true, true);
  assert.equal(ns.normalized, 'ÀB\u0301');
  normalizeForm(ns, 'NFD');
  ns.filter((c) => !/\p{M}/u.test(c));
  ns.lowercase();
  assert.equal(ns.normalized, 'ab');
  assert.deepEqual([ns.toOriginal(0, 1), ns.toOriginal(1, 2)], [[2, 3], [3, 4]]);
  assert.deepEqual(ns.toOriginal(0, 2), [2, 4]);
});

test('empty strings: convertOffsets follows HF (0..0 -> whole original; empty range unchanged)', () => {
  const ns = new NormalizedString('   ');
  ns.strip(true, true);
  assert.equal(ns.normalized, '');
  assert.deepEqual(ns.convertOffsets(0, 0), [0, 3]);
  assert.equal(new NormalizedString('abc').slice(1, 5), undefined);
  assert.deepEqual(new NormalizedString('abc').convertOffsets(2, 2), [2, 2]);
});

test('PreTokenizedString.split skips splits with tokens and drops empty pieces', () => {
  const pts = new PreTokenizedString('a b c');
  pts.split((_, ns) => ns.split(charPattern(' '), 'Isolated'));
  pts.splits[0]!.tokens = [{ id: 1, value: 'a', offsets: [0, 1] }];
  let calls = 0;
  pts.split((_, ns) => {
    calls++;
    return [ns, ns.slice(0, 0)!];
  });
  assert.equal(calls, 4);
  assert.deepEqual(pts.getSplits().map((s) => s[0]), ['a', ' ', 'b', ' ', 'c']);
});

test('property: after any edits, every char maps inside the original, and Isolated pieces tile the text', () => {
  fc.assert(
    fc.property(textArb, fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 6 }), fc.nat(50), (s, ops, shift) => {
      const ns = new NormalizedString(s, shift);
      for (const op of ops) {
        if (op === 0) normalizeForm(ns, 'NFKD');
        else if (op === 1) normalizeForm(ns, 'NFC');
        else if (op === 2) ns.lowercase();
        else if (op === 3) ns.replace(charPattern(' '), '▁▁');
        else if (op === 4) ns.prepend('<s>');
        else ns.strip(true, true);
      }
      for (let i = 0; i < ns.length; i++) {
        const [a, b] = ns.toOriginal(i, i + 1);
        assert.ok(shift <= a && a <= b && b <= shift + s.length);
      }
      const parts = ns.split(RegexPattern.fromOnig('\\s+|\\p{L}+', 't'), 'Isolated');
      assert.equal(pieces(parts).join(''), ns.normalized);
      for (const p of parts) {
        const [a, b] = p.offsetsOriginal();
        assert.equal(p.original, s.slice(a - shift, b - shift));
      }
    }),
    { numRuns: 200 },
  );
});
