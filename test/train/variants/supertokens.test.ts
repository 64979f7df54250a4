/**
 * Supertokens: seeded chunking is reproducible and ignores word boundaries; the trained tokenizer has
 * a standard inference pipeline (no chunking), learns cross-word tokens, and loads in the native HF
 * binding and tokenlab's pipeline with equal ids on held-out text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createChunker, dropSevenfoldRepeats, parseLengthBins, SUPERTOKEN_LENGTHS } from '../../../src/train/variants/supertokens/chunk-lengths.js';
import { trainSupertokens } from '../../../src/train/variants/supertokens/train-supertokens.js';
import { trainByteLevelBpe } from '../../../src/train/bpe/train-byte-level-bpe.js';
import { Tokenizer } from '../../../src/pipeline/index.js';
import { native } from '../../hf/native.js';
import { rng, syntheticCorpus } from '../synthetic-corpus.js';

function phraseLines(seed: number, n: number): string[] {
  const r = rng(seed);
  const phrases = ['of the', 'in the world', 'it is a', 'as well as', 'one two three'];
  return syntheticCorpus(seed, n).split('\n').map((l) => `${phrases[Math.floor(r() * phrases.length)]} ${l} ${phrases[Math.floor(r() * phrases.length)]}.\n`);
}

test('chunking: lossless, lengths from the bins, reproducible by seed, different across seeds', () => {
  fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.nat(), (s, seed) => {
    const a = createChunker(SUPERTOKEN_LENGTHS, seed)(s);
    assert.equal(a.join(''), s);
    a.forEach((c, i) => {
      const n = Array.from(c).length;
      if (i < a.length - 1) assert.ok(n >= 4 && n <= 23, `chunk ${i} has ${n} chars`);
      else assert.ok(n >= 1 && n <= 23);
    });
    assert.deepEqual(createChunker(SUPERTOKEN_LENGTHS, seed)(s), a);
  }));
  const text = 'the quick brown fox jumps over the lazy dog '.repeat(20);
  assert.notDeepEqual(createChunker(SUPERTOKEN_LENGTHS, 1)(text), createChunker(SUPERTOKEN_LENGTHS, 2)(text));
  const mean = (() => { const c = createChunker(SUPERTOKEN_LENGTHS, 5)('x'.repeat(200_000)); return 200_000 / c.length; })();
  assert.ok(mean > 12 && mean < 14, `mean chunk length ${mean}`);
  assert.deepEqual(createChunker(parseLengthBins('3:1'), 0)('abcdefgh'), ['abc', 'def', 'gh']);
  assert.throws(() => parseLengthBins('5-2:1'), /min <= max/);
  assert.throws(() => parseLengthBins('2-3'), /min-max:weight/);
  assert.equal(dropSevenfoldRepeats('a' + 'b'.repeat(9) + 'c'), 'abbc');
});

test('supertokens: cross-word tokens, standard pipeline, HF and tokenlab agree on held-out text', async () => {
  const train = phraseLines(3, 1500);
  const r = await trainSupertokens({ texts: train, options: { vocabSize: 900, specialTokens: ['<|endoftext|>'] }, seed: 7 });
  assert.equal(r.model.tokens.length, 900);
  const cross = r.model.tokens.filter((t) => /[^Ġ]Ġ[^Ġ]/.test(t));
  assert.ok(cross.length > 30, `tokens spanning a space: ${cross.length}`);
  assert.ok(r.model.tokens.every((t) => t.length <= 29));
  const json = r.tokenizer as { pre_tokenizer: { type: string; use_regex: boolean }; normalizer: { type: string } };
  assert.equal(json.pre_tokenizer.type, 'ByteLevel');
  assert.equal(json.pre_tokenizer.use_regex, false);
  assert.equal(json.normalizer.type, 'NFC');
  // Same seed, same tokenizer; another seed, another one.
  const again = await trainSupertokens({ texts: train, options: { vocabSize: 900, specialTokens: ['<|endoftext|>'] }, seed: 7 });
  assert.deepEqual(again.model.merges, r.model.merges);
  const other = await trainSupertokens({ texts: train, options: { vocabSize: 900, specialTokens: ['<|endoftext|>'] }, seed: 8 });
  assert.notDeepEqual(other.model.merges, r.model.merges);

  const hf = native.Tokenizer.fromString(JSON.stringify(r.tokenizer));
  const ours = Tokenizer.fromJSON(r.tokenizer);
  const heldOut = phraseLines(99, 60).concat(['Ünïcode e\u0301 naïve 😀 2024<|endoftext|>next', 'aaaaaaaaaa  \t\n']);
  const hfEnc = await hf.encodeBatch(heldOut, { addSpecialTokens: true });
  let ids = 0;
  heldOut.forEach((line, i) => {
    const e = ours.encode(line).ids;
    ids += e.length;
    assert.deepEqual(e, hfEnc[i]!.getIds(), `line ${i}`);
    assert.equal(ours.decode(e), line.normalize('NFC'));
  });
  // Compression: fewer tokens than plain byte-level BPE (GPT-2 split) at the same vocabulary size.
  const dir = mkdtempSync(join(tmpdir(), 'tl-supertok-'));
  writeFileSync(join(dir, 'c.txt'), train.join(''));
  const bpe = await trainByteLevelBpe({ input: { corpus: { inputs: [join(dir, 'c.txt')] }, threads: 0 }, options: { vocabSize: 900, specialTokens: ['<|endoftext|>'] } });
  const bpeTok = Tokenizer.fromJSON(bpe.tokenizer);
  const bpeIds = heldOut.reduce((n, l) => n + bpeTok.encode(l).ids.length, 0);
  assert.ok(ids < bpeIds, `supertokens ${ids} vs BPE ${bpeIds} tokens`);
  assert.ok(ids > 0);
});

test('supertokens: training from a streamed corpus file equals training from the same texts', async () => {
  const { readUdhr } = await import('../../../src/corpus/udhr.js');
  const lines = ['eng', 'fra', 'deu_1996'].flatMap((c) => readUdhr(c).split('\n')).filter((l) => l.trim() !== '');
  const file = join(mkdtempSync(join(tmpdir(), 'tl-st-')), 'train.txt');
  writeFileSync(file, lines.map((l) => l + '\n').join(''));
  // The corpus reader's line units keep their '\n'.
  const fromTexts = await trainSupertokens({ texts: lines.map((l) => l + '\n'), options: { vocabSize: 600 }, seed: 3 });
  const fromFile = await trainSupertokens({ corpus: { inputs: [file] }, options: { vocabSize: 600 }, seed: 3 });
  assert.deepEqual(fromFile.tokenizer, fromTexts.tokenizer);
});
