/**
 * Interoperability with the native HF binding (npm `tokenizers`):
 * 1. hfCompat reproduces HF's trainer merge for merge (and the vocab id for id) on the same corpus
 *    file, for the GPT-2 and Llama-3 byte-level pre-tokenizers. The binding's `train(files)` uses the
 *    model's default trainer (vocab 30000, min_frequency 0, no initial alphabet), so ours runs with the
 *    same settings; on this small corpus both run until no pair is left.
 * 2. A trained tokenizer.json (byte-level alphabet, special tokens) loads unchanged in HF and gives
 *    the same ids as tokenlab's pipeline on held-out text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countCorpusWords } from '../../src/train/counting/parallel-count.js';
import { trainBpe } from '../../src/train/bpe/bpe-trainer.js';
import { bpeTokenizerJSON, byteLevelAlphabet, byteLevelPreTokenizerJSON, type ByteLevelPreset } from '../../src/train/bpe/bpe-tokenizer-json.js';
import { Tokenizer } from '../../src/pipeline/index.js';
import { native } from '../hf/native.js';
import { syntheticCorpus } from './synthetic-corpus.js';

interface TrainableNative { train(files: string[]): void; save(path: string): void }

function emptyTokenizerJSON(preTokenizer: unknown): string {
  return JSON.stringify({
    version: '1.0', truncation: null, padding: null, added_tokens: [], normalizer: null, pre_tokenizer: preTokenizer, post_processor: null, decoder: null,
    model: { type: 'BPE', dropout: null, unk_token: null, continuing_subword_prefix: null, end_of_word_suffix: null, fuse_unk: false, byte_fallback: false, ignore_merges: false, vocab: {}, merges: [] },
  });
}

const dir = mkdtempSync(join(tmpdir(), 'tl-hf-train-'));
const corpusFile = join(dir, 'corpus.txt');
writeFileSync(corpusFile, syntheticCorpus(7, 2500));

for (const preset of ['gpt2', 'llama3'] as ByteLevelPreset[]) {
  test(`hfCompat merges and vocab equal the native HF trainer's (${preset})`, async () => {
    const pre = byteLevelPreTokenizerJSON(preset);
    const hf = native.Tokenizer.fromString(emptyTokenizerJSON(pre)) as unknown as TrainableNative;
    hf.train([corpusFile]);
    hf.save(join(dir, `hf-${preset}.json`));
    const ref = JSON.parse(readFileSync(join(dir, `hf-${preset}.json`), 'utf8')) as { model: { vocab: Record<string, number>; merges: [string, string][] } };
    const counts = await countCorpusWords({ inputs: [corpusFile] }, { preTokenizer: pre }, { threads: 1 });
    const m = trainBpe(counts, { vocabSize: 30000, hfCompat: true });
    assert.ok(ref.model.merges.length > 2000, 'the corpus yields thousands of merges');
    assert.equal(m.merges.length, ref.model.merges.length);
    for (let i = 0; i < m.merges.length; i++) assert.deepEqual(m.merges[i], ref.model.merges[i], `merge #${i}`);
    assert.deepEqual(Object.fromEntries(m.tokens.map((t, i) => [t, i])), ref.model.vocab);
  });

  test(`trained tokenizer.json loads in HF and encodes held-out text to the same ids as tokenlab (${preset})`, async () => {
    const pre = byteLevelPreTokenizerJSON(preset);
    const specials = ['<|endoftext|>', '<|pad|>'];
    const counts = await countCorpusWords({ inputs: [corpusFile] }, { preTokenizer: pre, specialTokens: specials }, { threads: 1 });
    const m = trainBpe(counts, { vocabSize: 1500, specialTokens: specials, initialAlphabet: byteLevelAlphabet(), minFrequency: 2 });
    assert.equal(m.tokens.length, 1500);
    const json = bpeTokenizerJSON(m, { preTokenizer: pre });
    const hf = native.Tokenizer.fromString(JSON.stringify(json));
    const ours = Tokenizer.fromJSON(json);
    const heldOut = syntheticCorpus(99, 150).split('\n').map((l, i) => (i % 7 === 0 ? `${l}<|endoftext|>` : l)).concat(['', ' ', '\u0000\u0007 unseen bytes ✓ ∑', 'ĠĊ']);
    const hfEnc = await hf.encodeBatch(heldOut, { addSpecialTokens: true });
    let tokens = 0;
    heldOut.forEach((line, i) => {
      const ids = ours.encode(line).ids;
      tokens += ids.length;
      assert.deepEqual(ids, hfEnc[i]!.getIds(), `line ${i}: ${JSON.stringify(line)}`);
      assert.equal(ours.decode(ids), line);
    });
    assert.ok(tokens > 1000);
  });
}
