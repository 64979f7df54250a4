/**
 * Word splitting for training: the fast byte-level path gives exactly the words of the generic
 * pipeline path (and of the native HF pre-tokenizer), special tokens are cut out, and the parallel
 * counter (worker threads) equals the in-thread count.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { createWordSplitter, type SplitterConfig } from '../../src/train/counting/word-splitter.js';
import { countBatch } from '../../src/train/counting/count-batch.js';
import { countCorpusWords, countTexts } from '../../src/train/counting/parallel-count.js';
import { byteLevelPreTokenizerJSON } from '../../src/train/bpe/bpe-tokenizer-json.js';
import { superBpePreTokenizerJSON } from '../../src/train/superbpe/superbpe-pretokenizers.js';
import { syntheticCorpus } from './synthetic-corpus.js';
import { native } from '../hf/native.js';

const CONFIGS: Record<string, SplitterConfig> = {
  gpt2: { preTokenizer: byteLevelPreTokenizerJSON('gpt2') },
  gpt2PrefixSpace: { preTokenizer: { type: 'ByteLevel', add_prefix_space: true, trim_offsets: true, use_regex: true } },
  llama3: { preTokenizer: byteLevelPreTokenizerJSON('llama3') },
  superbpeStage1: { preTokenizer: superBpePreTokenizerJSON(1) },
  superbpeStage2: { preTokenizer: superBpePreTokenizerJSON(2) },
  nfkcDigits: { normalizer: { type: 'NFKC' }, preTokenizer: { type: 'Sequence', pretokenizers: [{ type: 'Digits', individual_digits: true }, { type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: true }] } },
};

/** The same words through the generic path: force it by wrapping the pre-tokenizer in a 1-element Sequence of a Sequence. */
function genericWords(cfg: SplitterConfig, text: string): [string, number][] {
  const wrapped = { ...cfg, preTokenizer: { type: 'Sequence', pretokenizers: [{ type: 'Sequence', pretokenizers: [cfg.preTokenizer] }] } };
  const s = createWordSplitter(wrapped);
  assert.equal(s.fast, false);
  return sorted(countBatch(s, { units: [text] }));
}

function fastWords(cfg: SplitterConfig, text: string): [string, number][] {
  const s = createWordSplitter(cfg);
  assert.equal(s.fast, true);
  return sorted(countBatch(s, { units: [text] }));
}

function sorted(r: { words: string[]; counts: Float64Array }): [string, number][] {
  return r.words.map((w, i): [string, number] => [w, r.counts[i]!]).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

const textArb = fc.string({ unit: fc.constantFrom('a', 'B', 'é', ' ', '  ', '\n', '\r\n', '\t', '1', '23', '4567', "'s", "'LL", '.', '?!', '語', '😀', '\u00a0', '\u0301', 'ǅ'), maxLength: 40 });

for (const [name, cfg] of Object.entries(CONFIGS)) {
  test(`fast path equals the generic pipeline path: ${name}`, () => {
    fc.assert(fc.property(textArb, (t) => assert.deepEqual(fastWords(cfg, t), genericWords(cfg, t))), { numRuns: 150 });
    const corpus = syntheticCorpus(3, 200);
    assert.deepEqual(fastWords(cfg, corpus), genericWords(cfg, corpus));
  });
}

test('words equal the native HF pre-tokenizer on a synthetic corpus (gpt2, llama3)', () => {
  const text = syntheticCorpus(11, 300);
  for (const name of ['gpt2', 'llama3', 'superbpeStage2']) {
    const cfg = CONFIGS[name]!;
    const empty = { version: '1.0', added_tokens: [], normalizer: null, pre_tokenizer: cfg.preTokenizer, post_processor: null, decoder: null, truncation: null, padding: null,
      model: { type: 'BPE', dropout: null, unk_token: null, continuing_subword_prefix: null, end_of_word_suffix: null, fuse_unk: false, byte_fallback: false, ignore_merges: false, vocab: {}, merges: [] } };
    const hfPre = (native.Tokenizer.fromString(JSON.stringify(empty)) as unknown as { getPreTokenizer(): { preTokenizeString(s: string): [string, unknown][] } }).getPreTokenizer();
    const ref = new Map<string, number>();
    for (const [w] of hfPre.preTokenizeString(text)) ref.set(w, (ref.get(w) ?? 0) + 1);
    const ours = countTexts([text], cfg);
    assert.equal(ours.size, ref.size, name);
    for (const [w, c] of ref) assert.equal(ours.get(w), c, `${name}: ${JSON.stringify(w)}`);
  }
});

test('special tokens are cut out of the text and never counted', () => {
  const c = countTexts(['a<|end|>b <|end|><|e|>'], { preTokenizer: CONFIGS['gpt2']!.preTokenizer, specialTokens: ['<|e|>', '<|end|>'] });
  assert.deepEqual(c.sortedEntries(), [['a', 1], ['b', 1], ['Ġ', 1]]);
});

test('without a pre-tokenizer each unit is one word; the normalizer still applies', () => {
  const c = countTexts(['ﬁ x', 'ﬁ x'], { normalizer: { type: 'NFKC' } });
  assert.deepEqual([...c.entries()], [['fi x', 2]]);
});

test('worker-thread counting equals in-thread counting (exact sums, any batch size)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tl-count-'));
  writeFileSync(join(dir, 'a.txt'), syntheticCorpus(5, 600));
  writeFileSync(join(dir, 'b.txt'), syntheticCorpus(6, 400));
  const cfg = CONFIGS['llama3']!;
  const one = await countCorpusWords({ inputs: [dir] }, cfg, { threads: 1 });
  const two = await countCorpusWords({ inputs: [dir] }, cfg, { threads: 2, batchChars: 4096 });
  assert.deepEqual(two.sortedEntries(), one.sortedEntries());
  assert.ok(one.size > 500);
  const ctl = new AbortController();
  ctl.abort();
  await assert.rejects(countCorpusWords({ inputs: [dir] }, cfg, { threads: 2, signal: ctl.signal }), /interrupted/);
});
