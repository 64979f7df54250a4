/**
 * Differential parity against the native HF binding on real tokenizer.json files (the six
 * @lenml fixtures) and on a WordPiece and a Unigram tokenizer trained in the test: ids, tokens,
 * offsets (UTF-16), masks, type/word/sequence ids, and decoded text with and without
 * skipSpecialTokens, on adversarial strings, source code and a FLORES-200 sample. Each tokenizer
 * is loaded once; the same instance is then round-tripped through toJSON.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Tokenizer } from '../../src/pipeline/index.js';
import { native, compareOne, summarize, type Mismatch, type NativeTokenizer } from './native.js';
import { adversarial, floresSample, repoSources, SOURCE_CODE, REPO_ROOT } from './corpus.js';
import { trainedUnigram, trainedWordPiece } from './trained.js';

const FIXTURES = ['llama3', 'qwen3', 'gemma3', 'llama2', 'gptoss', 'deepseek_v3'];
const flores = floresSample(1);

interface Case { name: string; json: () => Record<string, unknown>; file?: string; adversarial: number; pairs: boolean }

const cases: Case[] = [
  ...FIXTURES.map((p): Case => ({
    name: p,
    file: join(REPO_ROOT, `node_modules/@lenml/tokenizer-${p}/models/tokenizer.json`),
    json: () => JSON.parse(readFileSync(join(REPO_ROOT, `node_modules/@lenml/tokenizer-${p}/models/tokenizer.json`), 'utf8')) as Record<string, unknown>,
    adversarial: 40,
    pairs: false,
  })),
  { name: 'trained WordPiece (BERT-style)', json: trainedWordPiece, adversarial: 150, pairs: true },
  { name: 'trained Unigram (byte fallback, template)', json: trainedUnigram, adversarial: 150, pairs: true },
];

if (flores === null) test.skip('FLORES-200 sample: ../shared/data/flores200/devtest is absent');

for (const c of cases) {
  test(`HF parity: ${c.name}`, async (t) => {
    const json = c.json();
    const ours = Tokenizer.fromJSON(json);
    const theirs: NativeTokenizer = c.file !== undefined ? native.Tokenizer.fromFile(c.file) : native.Tokenizer.fromString(JSON.stringify(json));
    const specials = ours.addedVocabulary.entries().slice(0, 40).map(([, tok]) => tok.content);

    const run = async (inputs: string[], opts: { addSpecialTokens?: boolean } = {}): Promise<Mismatch[]> => {
      const all: Mismatch[] = [];
      for (const s of inputs) all.push(...await compareOne(ours, theirs, s, opts));
      return all;
    };

    await t.test('adversarial strings', async () => {
      const inputs = adversarial(c.adversarial, specials);
      const m = [...await run(inputs), ...await run(inputs.slice(0, 10), { addSpecialTokens: false })];
      assert.equal(m.length, 0, summarize(m));
    });

    await t.test('added tokens with surrounding whitespace and words', async () => {
      const around = ['', ' ', '  ', '\t', 'x', 'é', '_', '1', '.', '\n '];
      const inputs: string[] = [];
      for (const tok of [...specials.slice(0, 8), ...ours.addedVocabulary.entries().slice(-6).map(([, a]) => a.content)]) {
        for (let i = 0; i < around.length; i++) {
          const l = around[i]!;
          const r = around[(i * 3 + 1) % around.length]!;
          inputs.push(`a${l}${tok}${r}b`, `${l}${tok}${r}`, `${tok}${tok}${l}${tok.toUpperCase()}`);
        }
      }
      const m = await run(inputs);
      assert.equal(m.length, 0, summarize(m));
    });

    await t.test('lone surrogates (the binding receives U+FFFD for them)', async () => {
      const m = await run(['a\ud800b', '\udc00', 'x \ud83d', '\ud83d\ude00\ud83d', 'é\udfff ok', '\ud800\ud800', 'Hello \ud834 world']);
      assert.equal(m.length, 0, summarize(m));
    });

    await t.test('source code', async () => {
      const m = await run([...SOURCE_CODE, ...repoSources(2)]);
      assert.equal(m.length, 0, summarize(m));
    });

    await t.test('FLORES-200 sample', { skip: flores === null ? 'FLORES data absent' : false }, async () => {
      const m = await run(flores!);
      assert.equal(m.length, 0, summarize(m));
    });

    if (c.pairs) {
      await t.test('pairs', async () => {
        const inputs = adversarial(30, specials, 7);
        const m: Mismatch[] = [];
        for (let i = 0; i + 1 < inputs.length; i += 2) {
          m.push(...await compareOne(ours, theirs, inputs[i]!, { pair: inputs[i + 1]! }));
          m.push(...await compareOne(ours, theirs, inputs[i]!, { pair: inputs[i + 1]!, addSpecialTokens: false }));
        }
        assert.equal(m.length, 0, summarize(m));
      });
    }

    await t.test('vocabulary queries', () => {
      const n = theirs as unknown as { getVocabSize(w: boolean): number; idToToken(i: number): string | null; tokenToId(s: string): number | null };
      assert.equal(ours.getVocabSize(true), n.getVocabSize(true));
      assert.equal(ours.getVocabSize(false), n.getVocabSize(false));
      const size = n.getVocabSize(true);
      for (let id = 0; id < size + 3; id += Math.max(1, Math.floor(size / 500))) {
        assert.equal(ours.idToToken(id) ?? null, n.idToToken(id), `idToToken(${id})`);
      }
      for (const [id, tok] of ours.addedVocabulary.entries()) {
        assert.equal(ours.idToToken(id) ?? null, n.idToToken(id), `idToToken(${id}) (added)`);
        assert.equal(ours.tokenToId(tok.content) ?? null, n.tokenToId(tok.content), `tokenToId(${JSON.stringify(tok.content)})`);
      }
    });

    await t.test('toJSON round-trips and loads in the native binding', async () => {
      // Equal JSON texts imply deep equality (and also equal key order); much faster on 30 MB files.
      const out = JSON.stringify(ours.toJSON());
      const again = Tokenizer.fromJSON(JSON.parse(out));
      const back = JSON.stringify(again.toJSON());
      if (back !== out) assert.deepEqual(JSON.parse(back), JSON.parse(out));
      const reloaded: NativeTokenizer = native.Tokenizer.fromString(out);
      const m: Mismatch[] = [];
      for (const s of [...SOURCE_CODE.slice(0, 2), ...adversarial(10, specials, 3)]) m.push(...await compareOne(again, reloaded, s));
      assert.equal(m.length, 0, summarize(m));
    });
  });
}
