/** WordPiece training: BPE with "##", vocab kept; the BERT tokenizer.json loads in HF with equal ids. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { trainWordPiece } from '../../src/train/wordpiece/train-wordpiece.js';
import { Tokenizer } from '../../src/pipeline/index.js';
import { native } from '../hf/native.js';
import { syntheticCorpus } from './synthetic-corpus.js';

test('wordpiece: ## continuation pieces, [UNK] required, HF gives the same ids (cased and uncased)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tl-wordpiece-'));
  const file = join(dir, 'c.txt');
  writeFileSync(file, syntheticCorpus(31, 1500));
  for (const cased of [false, true]) {
    const r = await trainWordPiece({ input: { corpus: { inputs: [file] }, threads: 0 }, options: { vocabSize: 1200, limitAlphabet: 400 }, cased });
    const vocab = (r.tokenizer['model'] as { vocab: Record<string, number> }).vocab;
    assert.equal(Object.keys(vocab).length, 1200);
    assert.deepEqual(['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'].map((t) => vocab[t]), [0, 1, 2, 3, 4]);
    assert.ok(Object.keys(vocab).filter((t) => t.startsWith('##')).length > 200);
    assert.equal(Object.keys(vocab).some((t) => /[A-Z]/.test(t) && !t.startsWith('[')), cased);
    const hf = native.Tokenizer.fromString(JSON.stringify(r.tokenizer));
    const ours = Tokenizer.fromJSON(r.tokenizer);
    const heldOut = syntheticCorpus(32, 60).split('\n').concat(['Héllo, WORLD! 東京 x [MASK] y', 'zzzzzzzzqqqq ✓']);
    const hfEnc = await hf.encodeBatch(heldOut, { addSpecialTokens: true });
    heldOut.forEach((line, i) => assert.deepEqual(ours.encode(line).ids, hfEnc[i]!.getIds(), `cased=${cased} line ${i}: ${JSON.stringify(line)}`));
  }
  await assert.rejects(trainWordPiece({ input: { corpus: { inputs: [file] } }, options: { vocabSize: 100, specialTokens: ['[PAD]'] } }), /unknown token \[UNK\] must be one of the special tokens/);
});
