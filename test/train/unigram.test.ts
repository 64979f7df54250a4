/**
 * Unigram training: digamma, a synthetic-corpus run that HF loads with equal ids, and, when the
 * shared FLORES data and spm_train are present, agreement with spm_train on the same text
 * (vocabulary overlap and held-out token counts), and, with HF's settings, with the native HF
 * UnigramTrainer (the binding trains with its defaults: vocab 8000).
 */
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { digamma } from '../../src/train/unigram/unigram-trainer.js';
import { METASPACE, trainUnigramTokenizer } from '../../src/train/unigram/train-unigram.js';
import { Tokenizer } from '../../src/pipeline/index.js';
import { native } from '../hf/native.js';
import { floresDevtest, sharedData, skipWithoutSharedData } from '../support/paths.js';
import { syntheticCorpus } from './synthetic-corpus.js';

test('digamma matches known values', () => {
  assert.ok(Math.abs(digamma(1) + 0.5772156649015329) < 1e-9);
  assert.ok(Math.abs(digamma(10) - 2.251752589066721) < 1e-9);
  assert.ok(Math.abs(digamma(0.5) + 1.9635100260214235) < 1e-9);
});

test('unigram on a synthetic corpus: exact vocab size, every char kept, HF loads it with equal ids', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tl-unigram-'));
  const file = join(dir, 'c.txt');
  writeFileSync(file, syntheticCorpus(41, 800));
  const r = await trainUnigramTokenizer({ input: { corpus: { inputs: [file] }, threads: 0 }, options: { vocabSize: 700 } });
  const vocab = r.model.vocab;
  assert.equal(vocab.length, 700);
  assert.deepEqual(vocab[0], ['<unk>', 0]);
  assert.equal(r.model.unkId, 0);
  const pieces = new Set(vocab.map((v) => v[0]));
  // The default normalizer: NFKC, then runs of spaces/tabs/line breaks become one space (Metaspace: ▁).
  for (const ch of new Set(Array.from(readFileSync(file, 'utf8').normalize('NFKC').replace(/[ \t\n\r\f]+/g, '▁')))) {
    assert.ok(pieces.has(ch), `char ${JSON.stringify(ch)} in vocab`);
  }
  assert.ok(![...pieces].some((p) => /[\t\n\r]/.test(p)), 'no tab or line break survives the normalizer');
  for (let i = 2; i < vocab.length; i++) assert.ok(vocab[i]![1] <= vocab[i - 1]![1] || i === 1, 'scores descending');
  const hf = native.Tokenizer.fromString(JSON.stringify(r.tokenizer));
  const ours = Tokenizer.fromJSON(r.tokenizer);
  const heldOut = syntheticCorpus(42, 60).split('\n').concat(['unseen ✓ chars ∑ here']);
  const hfEnc = await hf.encodeBatch(heldOut, { addSpecialTokens: true });
  heldOut.forEach((line, i) => assert.deepEqual(ours.encode(line).ids, hfEnc[i]!.getIds(), `line ${i}`));
});

/** spm_train (Debian `sentencepiece`) on the same text, or the reason to skip. */
function skipWithoutSpm(): string | false {
  const data = skipWithoutSharedData('flores200');
  if (data !== false) return data;
  try {
    execFileSync('spm_train', ['--help'], { stdio: 'ignore' });
    return false;
  } catch (e) {
    // spm_train --help exits 1 after printing; only a missing binary is a reason to skip.
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'skipped: spm_train is not installed (apt-get install sentencepiece)' : false;
  }
}

/** Vocabulary overlap (Jaccard, specials excluded) and held-out token counts of tokenlab vs spm_train at the same size. */
async function compareWithSpm(langs: string[], vocabSize: number): Promise<{ jaccard: number; ours: number; spm: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'tl-unigram-spm-'));
  const file = join(dir, 'train.txt');
  writeFileSync(file, langs.map((l) => readFileSync(join(floresDevtest, `${l}.devtest`), 'utf8')).join(''));
  execFileSync('spm_train', [`--input=${file}`, `--model_prefix=${join(dir, 'spm')}`, '--model_type=unigram', `--vocab_size=${vocabSize}`, '--character_coverage=1.0', '--minloglevel=2']);
  const specials = new Set(['<unk>', '<s>', '</s>']);
  const spmVocab = new Set(readFileSync(join(dir, 'spm.vocab'), 'utf8').split('\n').filter((l) => l.length > 0).map((l) => l.split('\t')[0]!).filter((p) => !specials.has(p)));
  // spm's vocabulary has 3 specials, ours 1 (<unk>): the same number of ordinary pieces.
  const r = await trainUnigramTokenizer({ input: { corpus: { inputs: [file] }, threads: 0 }, options: { vocabSize: vocabSize - 2 } });
  const ours = new Set(r.model.vocab.map((v) => v[0]).filter((p) => !specials.has(p)));
  let inter = 0;
  for (const p of ours) if (spmVocab.has(p)) inter++;
  const held = langs.flatMap((l) => readFileSync(join(sharedData, 'flores200', 'dev', `${l}.dev`), 'utf8').split('\n').filter((x) => x.length > 0).slice(0, 200));
  const spmIds = execFileSync('spm_encode', [`--model=${join(dir, 'spm.model')}`, '--output_format=id'], { input: held.join('\n') + '\n', encoding: 'utf8' });
  const tok = Tokenizer.fromJSON(r.tokenizer);
  let n = 0;
  for (const line of held) n += tok.encode(line, { addSpecialTokens: false }).ids.length;
  return { jaccard: inter / (ours.size + spmVocab.size - inter), ours: n, spm: spmIds.split(/\s+/).filter((x) => x.length > 0).length };
}

test('unigram agrees with spm_train on FLORES English (vocabulary overlap, held-out tokens)', { skip: skipWithoutSpm() }, async () => {
  const c = await compareWithSpm(['eng_Latn'], 4000);
  assert.ok(c.jaccard > 0.9, `vocabulary overlap with spm_train ${c.jaccard.toFixed(3)}`);
  assert.ok(c.ours > 1000 && Math.abs(c.ours - c.spm) / c.spm < 0.02, `held-out tokens: tokenlab ${c.ours}, spm_train ${c.spm}`);
});

test('unigram agrees with spm_train on English + Russian + French (scripts kept apart)', { skip: skipWithoutSpm() }, async () => {
  const c = await compareWithSpm(['eng_Latn', 'rus_Cyrl', 'fra_Latn'], 4000);
  assert.ok(c.jaccard > 0.75, `vocabulary overlap with spm_train ${c.jaccard.toFixed(3)}`);
  assert.ok(Math.abs(c.ours - c.spm) / c.spm < 0.04, `held-out tokens: tokenlab ${c.ours}, spm_train ${c.spm}`);
});

test('with HF-like settings (NFKC only, no script split), unigram is close to the native HF UnigramTrainer on FLORES English', { skip: skipWithoutSharedData('flores200') }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tl-unigram-'));
  const file = join(dir, 'eng.txt');
  writeFileSync(file, readFileSync(join(floresDevtest, 'eng_Latn.devtest'), 'utf8'));
  const empty = { version: '1.0', truncation: null, padding: null, added_tokens: [], normalizer: { type: 'NFKC' }, pre_tokenizer: METASPACE, post_processor: null, decoder: null, model: { type: 'Unigram', unk_id: null, vocab: [], byte_fallback: false } };
  const hf = native.Tokenizer.fromString(JSON.stringify(empty)) as unknown as { train(f: string[]): void; save(p: string): void };
  hf.train([file]);
  hf.save(join(dir, 'hf.json'));
  const ref = JSON.parse(readFileSync(join(dir, 'hf.json'), 'utf8')) as { model: { vocab: [string, number][] } };
  const r = await trainUnigramTokenizer({ input: { corpus: { inputs: [file] }, threads: 0 }, options: { vocabSize: ref.model.vocab.length + 1, splitByUnicodeScript: false }, normalizer: { type: 'NFKC' } });
  const a = new Set(r.model.vocab.slice(1).map((v) => v[0]));
  const b = new Set(ref.model.vocab.map((v) => v[0]));
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  const jaccard = inter / (a.size + b.size - inter);
  assert.ok(jaccard > 0.85, `vocabulary overlap with HF ${jaccard.toFixed(3)}`);
  const held = readFileSync(join(sharedData, 'flores200', 'dev', 'eng_Latn.dev'), 'utf8').split('\n').slice(0, 200);
  const ours = Tokenizer.fromJSON(r.tokenizer);
  const theirs = native.Tokenizer.fromFile(join(dir, 'hf.json'));
  let no = 0;
  let nh = 0;
  for (const line of held) {
    try {
      nh += (await theirs.encode(line, null, { addSpecialTokens: false })).getIds().length;
    } catch {
      continue; // HF's model has no unk id: lines with unseen chars fail there
    }
    no += ours.encode(line, { addSpecialTokens: false }).ids.length;
  }
  assert.ok(no > 1000 && Math.abs(no - nh) / nh < 0.03, `held-out tokens: tokenlab ${no}, HF ${nh}`);
});

test('unigramTrainer is a Trainer<UnigramModelData>: train + modelJSON', async () => {
  const { unigramTrainer } = await import('../../src/train/unigram/unigram-trainer-component.js');
  const { WordCounts } = await import('../../src/train/counting/word-counts.js');
  const t = unigramTrainer({ vocabSize: 12, specialTokens: ['<unk>'], unkToken: '<unk>' });
  const counts = WordCounts.from([['▁hello', 10], ['▁help', 6], ['▁yellow', 4], ['▁low', 8], ['▁hell', 3]]);
  const json = t.modelJSON(t.train(counts));
  assert.equal(json['type'], 'Unigram');
  assert.equal(json['unk_id'], 0);
  const vocab = json['vocab'] as [string, number][];
  assert.equal(vocab.length, 12); // 1 special + 8 chars + 3 pieces
  assert.ok(vocab.some(([p]) => p.length >= 3 && p.startsWith('▁')));
  assert.throws(() => unigramTrainer({ vocabSize: 5 }).train(counts), /too small/);
});
