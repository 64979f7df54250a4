/**
 * Compound-aware training end to end. On a synthetic language whose compounds join a left stem
 * (letters a–m) and a right stem (letters n–z), the hyphen splitter learns the stems from the few
 * hyphenated spellings; compound-aware Unigram and BPE then never put a token across a constituent
 * boundary of a training word — while plain training does, so the check can fail. The tokenizer.json
 * loads in tokenlab and in the native HF binding with the same ids; on real German (FLORES dev, when
 * present) every learned BPE token lies inside some constituent; the CLI writes a loadable file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Tokenizer } from '../../../src/pipeline/index.js';
import { rng } from '../synthetic-corpus.js';
import { native } from '../../hf/native.js';
import { repoRoot } from '../../support/paths.js';
import { trainCompoundAware, type CompoundBase, type SplitterChoice } from '../../../src/train/variants/compound/train-compound.js';
import { createDictionarySplitter } from '../../../src/train/variants/compound/dictionary-splitter.js';
import { BYTE_LEVEL_CODEC, wordConstituents } from '../../../src/train/variants/compound/compound-counts.js';
import type { CompoundSplitter } from '../../../src/train/variants/compound/compound-splitter.js';
import { trainVariantCommand } from '../../../cli/commands/train-variant.js';

const LEFT = 'abcdefghijklm';
const RIGHT = 'nopqrstuvwxyz';

/** Stems, compounds (left+right) and a corpus where ~5% of compounds are written hyphenated, plus
 * every compound hyphenated three times (so every stem is learned). */
function syntheticCompounds(seed: number): { compounds: [string, string][]; lines: string[] } {
  const r = rng(seed);
  const stem = (abc: string): string => Array.from({ length: 3 + Math.floor(r() * 4) }, () => abc[Math.floor(r() * abc.length)]).join('');
  const lefts = Array.from({ length: 25 }, () => stem(LEFT));
  const rights = Array.from({ length: 25 }, () => stem(RIGHT));
  const compounds: [string, string][] = [];
  for (let i = 0; i < 120; i++) compounds.push([lefts[Math.floor(r() * lefts.length)]!, rights[Math.floor(r() * rights.length)]!]);
  const lines: string[] = Array.from({ length: 3 }, () => compounds.map(([a, b]) => `${a}-${b}`).join(' '));
  for (let l = 0; l < 600; l++) {
    const words: string[] = [];
    for (let k = 0; k < 8; k++) {
      const [a, b] = compounds[Math.floor(compounds.length * Math.pow(r(), 2))]!;
      words.push(r() < 0.05 ? `${a}-${b}` : a + b);
    }
    lines.push(words.join(' '));
  }
  return { compounds, lines };
}

/** Whether a token (markers stripped) mixes letters of the two stem alphabets. */
function mixesSides(token: string): boolean {
  const core = token.replace(/^[▁Ġ]+/u, '');
  return /[a-m]/.test(core) && /[n-z]/.test(core);
}

/** Whether encoding " " + word puts a token across the boundary at `cut`. */
function crosses(tok: Tokenizer, word: string, cut: number): boolean {
  const e = tok.encode(' ' + word, { addSpecialTokens: false });
  return e.offsets.some(([s, t]) => s - 1 < cut && t - 1 > cut && t - s > 0);
}

const { compounds, lines } = syntheticCompounds(11);
const NEVER: CompoundSplitter = { name: 'none', split: (w) => [w] };

for (const base of ['unigram', 'bpe'] as CompoundBase[]) {
  test(`${base}: compound-aware training never crosses a constituent boundary on its training words; plain training does`, async () => {
    const train = (splitter: SplitterChoice) => trainCompoundAware({ texts: lines, base, splitter, vocabSize: 300 });
    const aware = await train({ kind: 'hyphen' });
    const plain = await train({ kind: 'custom', splitter: NEVER });
    const distinct = new Set(compounds.map(([a, b]) => a + b)).size;
    assert.ok(aware.decompound.splitWords >= 0.9 * distinct, `the hyphen lexicon splits the compounds (${aware.decompound.splitWords} of ${distinct})`);
    const awareTok = Tokenizer.fromJSON(aware.tokenizer);
    const plainTok = Tokenizer.fromJSON(plain.tokenizer);
    const vocab = (t: Record<string, unknown>): string[] => {
      const m = t['model'] as { vocab: Record<string, number> | [string, number][] };
      const all = Array.isArray(m.vocab) ? m.vocab.map(([p]) => p) : Object.keys(m.vocab);
      return all.filter((p) => !/^<.*>$/.test(p)); // specials such as <unk>
    };
    assert.deepEqual(vocab(aware.tokenizer).filter(mixesSides), [], 'no learned token spans both stem alphabets');
    assert.ok(vocab(plain.tokenizer).some(mixesSides), 'plain training learns cross-boundary tokens');
    let plainCrossings = 0;
    for (const [a, b] of compounds) {
      assert.equal(crosses(awareTok, a + b, a.length), false, `${a}|${b}: ${awareTok.encode(' ' + a + b).tokens.join(' ')}`);
      if (crosses(plainTok, a + b, a.length)) plainCrossings++;
    }
    assert.ok(plainCrossings > 0, 'plain training crosses at least one boundary');
  });
}

test('the tokenizer.json loads in the native HF binding and encodes with the same ids as tokenlab', async () => {
  for (const base of ['unigram', 'bpe'] as CompoundBase[]) {
    const r = await trainCompoundAware({ texts: lines, base, splitter: { kind: 'hyphen' }, vocabSize: 300 });
    const json = JSON.stringify(r.tokenizer);
    const ours = Tokenizer.fromJSON(JSON.parse(json));
    const hf = native.Tokenizer.fromString(json);
    for (const text of [...lines.slice(0, 20), 'held out: Äbc-xyz 42 ünseen', `${compounds[0]![0]}${compounds[1]![1]}`]) {
      const e = await hf.encode(text, null, { addSpecialTokens: false });
      assert.deepEqual(ours.encode(text, { addSpecialTokens: false }).ids, e.getIds(), `${base}: ${text}`);
    }
  }
});

const FLORES_DEV = join(repoRoot, '..', 'shared', 'data', 'flores200', 'dev', 'deu_Latn.dev');
test('German FLORES dev, dictionary splitter, BPE: every learned token lies inside a constituent', { skip: existsSync(FLORES_DEV) ? false : 'FLORES-200 (../shared/data/flores200) is absent' }, async () => {
  const texts = readFileSync(FLORES_DEV, 'utf8').split('\n').slice(0, 300);
  const r = await trainCompoundAware({ texts, base: 'bpe', splitter: { kind: 'dictionary', language: 'de' }, vocabSize: 1500 });
  assert.ok(r.decompound.splitWords > 50, `decompounded ${r.decompound.splitWords} words`);
  // Recount constituents independently of the trainer: GPT-2 words of the same texts, split again.
  const splitter = createDictionarySplitter('de');
  const inside = new Set<string>();
  const merges = (r.tokenizer['model'] as { merges: [string, string][] }).merges;
  const longest = Math.max(...merges.map(([a, b]) => a.length + b.length));
  const wordRe = /'(?:[sdmt]|ll|ve|re)| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+/gu;
  for (const t of texts) {
    for (const m of t.matchAll(wordRe)) {
      for (const c of wordConstituents(BYTE_LEVEL_CODEC.encode(m[0]), splitter, BYTE_LEVEL_CODEC)) {
        for (let i = 0; i < c.length; i++) for (let j = i + 1; j <= Math.min(c.length, i + longest); j++) inside.add(c.slice(i, j));
      }
    }
  }
  const outside = merges.map(([a, b]) => a + b).filter((t) => !inside.has(t));
  assert.deepEqual(outside.slice(0, 10), []);
});

test('CLI: train-variant --algorithm compound writes a tokenizer.json tokenlab loads; bad flags are named', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tl-compound-'));
  const corpus = join(dir, 'corpus.txt');
  writeFileSync(corpus, lines.join('\n') + '\n');
  const out = join(dir, 'tok.json');
  const run = (args: string[]) => trainVariantCommand().exitOverride().configureOutput({ writeErr: () => undefined }).parseAsync(args, { from: 'user' });
  await run(['--algorithm', 'compound', '--base', 'bpe', '--splitter', 'hyphen', '--vocab-size', '300', '--input', corpus, '--output', out, '--progress', 'none']);
  const tok = Tokenizer.fromJSON(JSON.parse(readFileSync(out, 'utf8')));
  const [a, b] = compounds[0]!;
  assert.equal(crosses(tok, a + b, a.length), false);
  await assert.rejects(run(['--algorithm', 'compound', '--splitter', 'dictionary', '--vocab-size', '300', '--input', corpus, '--output', out]), /--splitter dictionary needs --language/);
  await assert.rejects(run(['--algorithm', 'compound', '--language', 'de', '--input', corpus, '--output', out]), /--algorithm compound needs --vocab-size/);
});
