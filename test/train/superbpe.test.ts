/**
 * SuperBPE: stage 1 merges are inherited, stage 2 learns superword tokens under the filters, and
 * the tokenizer.json (stage-2 pre-tokenizer: no whitespace split) loads in HF with the same ids as
 * tokenlab on held-out text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { trainSuperBpe } from '../../src/train/superbpe/train-superbpe.js';
import { superwordVeto, wordsInToken } from '../../src/train/superbpe/superword-veto.js';
import { trainByteLevelBpe } from '../../src/train/bpe/train-byte-level-bpe.js';
import { superBpePreTokenizerJSON } from '../../src/train/superbpe/superbpe-pretokenizers.js';
import { countTexts } from '../../src/train/counting/parallel-count.js';
import { Tokenizer } from '../../src/pipeline/index.js';
import { native } from '../hf/native.js';
import { rng, syntheticCorpus } from './synthetic-corpus.js';

/** Synthetic lines interleaved with recurring phrases (what superwords are made of). */
function phraseCorpus(seed: number, lines: number): string {
  const r = rng(seed);
  const phrases = ['of the', 'in the world', 'it is a', 'Answer: yes', 'one two three four five six', 'by the way,', 'and then'];
  const noise = syntheticCorpus(seed, lines).split('\n');
  return noise.map((l) => {
    const p = phrases[Math.floor(r() * phrases.length)]!;
    const q = phrases[Math.floor(r() * phrases.length)]!;
    return `${p} ${l} ${q}.`;
  }).join('\n') + '\n';
}

test('superword filters: words are non-empty Ġ-separated segments; forbidden substrings', () => {
  assert.equal(wordsInToken('.ĠThe'), 2);
  assert.equal(wordsInToken('ĠofĠtheĠ'), 2);
  const veto = superwordVeto();
  const c = (merged: string) => veto({ left: '', right: '', merged, count: 1 });
  assert.equal(c('ĠaĠbĠcĠd'), false);
  assert.equal(c('ĠaĠbĠcĠdĠe'), true);
  assert.equal(c('Answer:Ġ'), true);
  assert.equal(superwordVeto({ maxWordsPerToken: 1, forbiddenSubstrings: [] })({ left: '', right: '', merged: 'aĠb', count: 1 }), true);
});

test('stage-2 words keep spaces and punctuation together but split digits into groups of 3', () => {
  const c = countTexts(['Hello, world 1234567 ok\n'], { preTokenizer: superBpePreTokenizerJSON(2) });
  assert.deepEqual(c.sortedEntries().map(([w]) => w).sort(), ['1', '234', '567', 'Hello,ĠworldĠ', 'ĠokĊ'].sort());
});

test('SuperBPE training: inherits stage 1, learns filtered superwords, HF-loadable with equal ids', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tl-superbpe-'));
  const file = join(dir, 'c.txt');
  writeFileSync(file, phraseCorpus(4, 1500));
  const corpus = { inputs: [file] };
  const t = 700;
  const r = await trainSuperBpe({ input: { corpus, threads: 0 }, options: { vocabSize: 1100, specialTokens: ['<|endoftext|>'] }, transitionVocabSize: t });
  assert.equal(r.model.tokens.length, 1100);
  assert.equal(r.stage1Merges, t - 1 - 256);
  // Stage 1 alone (the same BPE with the stage-1 pre-tokenizer) gives exactly the inherited merges.
  const stage1 = await trainByteLevelBpe({ input: { corpus, threads: 0 }, preTokenizer: superBpePreTokenizerJSON(1), options: { vocabSize: t, specialTokens: ['<|endoftext|>'] } });
  assert.deepEqual(r.model.merges.slice(0, r.stage1Merges), stage1.model.merges);
  const stage2Tokens = r.model.tokens.slice(t);
  const superwords = stage2Tokens.filter((tok) => wordsInToken(tok) >= 2);
  assert.ok(superwords.length > 20, `stage 2 learns tokens spanning words (${superwords.length})`);
  for (const tok of ['ofĠthe', 'ĠinĠtheĠworld', 'ĠoneĠtwoĠthreeĠfour']) assert.ok(r.model.tokens.includes(tok), tok);
  assert.ok(!r.model.tokens.some((tok) => tok.includes('ĠoneĠtwoĠthreeĠfourĠfive')), 'no 5-word token');
  assert.ok(!r.model.tokens.includes('Answer:Ġyes'), 'no token with ":Ġ"');
  for (const tok of stage2Tokens) {
    assert.ok(wordsInToken(tok) <= 4, tok);
    assert.ok(!tok.includes(':Ġ'), tok);
  }
  const json = r.tokenizer;
  const hf = native.Tokenizer.fromString(JSON.stringify(json));
  const ours = Tokenizer.fromJSON(json);
  const heldOut = phraseCorpus(77, 80).split('\n').concat(['The year 2024: 1234567 tokens.<|endoftext|>next']);
  const hfEnc = await hf.encodeBatch(heldOut, { addSpecialTokens: true });
  let total = 0;
  heldOut.forEach((line, i) => {
    const ids = ours.encode(line).ids;
    total += ids.length;
    assert.deepEqual(ids, hfEnc[i]!.getIds(), `line ${i}`);
    assert.equal(ours.decode(ids), line);
  });
  assert.ok(total > 300);
});
