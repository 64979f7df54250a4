/**
 * HfBpeModel merges long SentencePiece-style pieces in parts cut before '▁' (hf-bpe-model.ts
 * `tokenizeInParts`). Property: the tokens (ids and offsets) equal merging the whole piece, including
 * when a merge joins across a '▁' (Gemma 3's '>' + '▁</'), with unknown chars, fused unks and byte fallback.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { HfBpeModel, type HfBpeOptions } from '../../src/model/bpe/hf-bpe-model.js';

const ALPHABET = ['a', 'b', 'c', '>', '<', '/', '▁', 'é', '😀', 'z'];
const MERGES: [string, string][] = [
  ['▁', 'a'], ['a', 'b'], ['▁a', 'b'], ['<', '/'], ['▁', '</'], ['>', '▁</'], ['b', 'c'], ['▁', '▁'], ['c', '▁'], ['ab', 'c'], ['▁ab', 'c'],
];

function options(extra: Partial<HfBpeOptions>): HfBpeOptions {
  const vocab = new Map<string, number>();
  const add = (t: string) => { if (!vocab.has(t)) vocab.set(t, vocab.size); };
  ['<unk>', ...ALPHABET.filter((c) => c !== 'z' && c !== '😀')].forEach(add);
  for (let b = 0; b < 256; b++) add(`<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`);
  for (const [a, b] of MERGES) add(a + b);
  return { vocab, merges: MERGES, unkToken: '<unk>', ...extra };
}

for (const [name, extra] of [['unk', {}], ['fused unk', { fuseUnk: true }], ['byte fallback', { byteFallback: true }]] as const) {
  test(`metaspace cut = whole-piece merge (${name})`, () => {
    const cut = new HfBpeModel(options(extra));
    const whole = new HfBpeModel(options({ ...extra, cutAtMetaspace: false }));
    const unit = fc.oneof(fc.constantFrom(...ALPHABET), fc.constantFrom('>▁</', '▁ab', 'c▁', '▁▁'));
    fc.assert(fc.property(fc.array(unit, { minLength: 0, maxLength: 40 }), (chars) => {
      const piece = chars.join('');
      assert.deepEqual(cut.tokenize(piece), whole.tokenize(piece));
    }), { numRuns: 3000, seed: 11 });
  });
}

test('a merge across "▁" (">" + "▁</") is kept: the piece is not cut there', () => {
  const m = new HfBpeModel(options({}));
  const piece = 'ab'.repeat(10) + '>▁</' + 'ab'.repeat(10);
  assert.ok(m.tokenize(piece).some((t) => t.value === '>▁</'));
});
