/** Character-level BPE (KL3M style): token length cap, power-of-two padding, HF-loadable with equal ids. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { trainCharBpe, whitespacePadding } from '../../src/train/char-bpe/train-char-bpe.js';
import { Tokenizer } from '../../src/pipeline/index.js';
import { native } from '../hf/native.js';
import { syntheticCorpus } from './synthetic-corpus.js';

test('whitespace padding alternates space and newline runs from length 2', () => {
  const g = whitespacePadding();
  assert.deepEqual([g.next().value, g.next().value, g.next().value, g.next().value], ['  ', '\n\n', '   ', '\n\n\n']);
});

test('char-bpe: tokens at most maxChars, vocabulary padded to a power of two, HF gives the same ids', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tl-charbpe-'));
  const file = join(dir, 'c.txt');
  writeFileSync(file, syntheticCorpus(12, 1500));
  const specials = ['<|start|>', '<|end|>'];
  const r = await trainCharBpe({ input: { corpus: { inputs: [file] }, threads: 0 }, options: { vocabSize: 900, specialTokens: specials }, maxChars: 3, padToPowerOfTwo: true });
  assert.equal(r.model.tokens.length, 900);
  for (const t of r.model.tokens.slice(specials.length)) assert.ok(t.length <= 3, t);
  assert.ok(r.model.tokens.filter((t) => t.length === 3).length > 100);
  const added = r.tokenizer['added_tokens'] as { content: string; special: boolean }[];
  assert.equal(r.model.tokens.length + added.filter((t) => !t.special).length, 1024);
  assert.deepEqual(r.tokenizer['normalizer'], { type: 'NFKC' });
  const hf = native.Tokenizer.fromString(JSON.stringify(r.tokenizer));
  const ours = Tokenizer.fromJSON(r.tokenizer);
  const heldOut = syntheticCorpus(13, 60).split('\n').concat(['a  b\n\nc   d', '<|start|>ﬁne①<|end|>']);
  const hfEnc = await hf.encodeBatch(heldOut, { addSpecialTokens: true });
  heldOut.forEach((line, i) => assert.deepEqual(ours.encode(line).ids, hfEnc[i]!.getIds(), `line ${i}: ${JSON.stringify(line)}`));
});
