/**
 * Exactness against the reference `tiktoken` package (OpenAI's Rust core compiled to WASM):
 * every named encoding, on the embedded UDHR corpus (all declarations), on source code shipped in
 * node_modules, on FLORES-200 devtest (all 205 languages, when ../shared/data is present), and on
 * generated adversarial strings. Zero mismatches expected; a failure says whether ids differ or the
 * decoded text differs too.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { get_encoding, type TiktokenEncoding as RefName } from 'tiktoken';
import { getEncoding } from '../../src/index.js';
import { readUdhr, udhrDeclarations } from '../../src/corpus/udhr.js';
import { adversarialString } from '../support/adversarial.js';
import { describeMismatch, formatMismatches, sameIds, type Mismatch } from '../support/compare.js';
import { floresDevtest, repoRoot, skipWithoutSharedData } from '../support/paths.js';

const ENCODINGS = ['r50k_base', 'p50k_base', 'p50k_edit', 'cl100k_base', 'o200k_base'] as const;
const refs = new Map(ENCODINGS.map((n) => [n, get_encoding(n as RefName)]));
const textDecoder = new TextDecoder('utf-8', { ignoreBOM: true });

function compareOn(name: (typeof ENCODINGS)[number], inputs: Iterable<[string, string]>): Mismatch[] {
  const ours = getEncoding(name);
  const ref = refs.get(name)!;
  const mismatches: Mismatch[] = [];
  for (const [label, text] of inputs) {
    const a = ours.encodeOrdinary(text);
    const b = ref.encode_ordinary(text);
    if (!sameIds(a, b)) {
      mismatches.push(describeMismatch(label, text, a, b, () => ours.decode(a), () => textDecoder.decode(ref.decode(b))));
    }
  }
  return mismatches;
}

function* udhrTexts(): Generator<[string, string]> {
  for (const d of udhrDeclarations()) yield [`udhr:${d.code}`, readUdhr(d.code)];
}

function* codeTexts(): Generator<[string, string]> {
  const files = [
    join(repoRoot, 'node_modules/typescript/lib/lib.dom.d.ts'),
    join(repoRoot, 'node_modules/typescript/lib/lib.es5.d.ts'),
    join(repoRoot, 'node_modules/fast-check/lib/fast-check.js'),
    join(repoRoot, 'src/model/bpe/byte-rank-merge.ts'),
  ];
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    // Split into ~64 KB chunks at line ends so a failure points near its place.
    for (let i = 0, k = 0; i < text.length; k++) {
      let j = Math.min(text.length, i + 65536);
      const nl = text.indexOf('\n', j);
      j = nl < 0 ? text.length : nl + 1;
      yield [`${f}#chunk${k}`, text.slice(i, j)];
      i = j;
    }
  }
}

for (const name of ENCODINGS) {
  test(`${name}: UDHR, all ${udhrDeclarations().length} declarations, identical to tiktoken`, () => {
    const ms = compareOn(name, udhrTexts());
    assert.equal(ms.length, 0, formatMismatches(ms));
  });

  test(`${name}: source code identical to tiktoken`, () => {
    const ms = compareOn(name, codeTexts());
    assert.equal(ms.length, 0, formatMismatches(ms));
  });

  test(`${name}: adversarial strings identical to tiktoken`, () => {
    const ours = getEncoding(name);
    const ref = refs.get(name)!;
    fc.assert(
      fc.property(adversarialString, (s) => {
        const a = ours.encodeOrdinary(s);
        const b = ref.encode_ordinary(s);
        if (!sameIds(a, b)) {
          throw new Error(formatMismatches([describeMismatch('adversarial', s, a, b, () => ours.decode(a), () => textDecoder.decode(ref.decode(b)))]));
        }
      }),
      { numRuns: 3000, seed: 20261129 },
    );
  });
}

for (const name of ['cl100k_base', 'o200k_base', 'r50k_base'] as const) {
  test(`${name}: FLORES-200 devtest, all languages, identical to tiktoken`, { skip: skipWithoutSharedData('flores200/devtest') }, () => {
    function* flores(): Generator<[string, string]> {
      for (const f of readdirSync(floresDevtest).sort()) yield [`flores:${f}`, readFileSync(join(floresDevtest, f), 'utf8')];
    }
    const ms = compareOn(name, flores());
    assert.equal(ms.length, 0, formatMismatches(ms));
  });
}

test('special tokens: encode with allowedSpecial "all" equals tiktoken', () => {
  const text = 'a<|endoftext|>b <|fim_prefix|>x<|fim_suffix|>y<|fim_middle|>  <|endofprompt|>\n<|endoftext';
  for (const name of ['cl100k_base', 'p50k_edit', 'o200k_base'] as const) {
    const a = getEncoding(name).encode(text, { allowedSpecial: 'all' });
    const b = refs.get(name)!.encode(text, 'all');
    assert.deepEqual(a, Array.from(b), name);
  }
});
