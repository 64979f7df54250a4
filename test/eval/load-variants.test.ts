/**
 * `tokenlab eval` on the research-variant files `tokenlab train-variant` writes: a LiB vocabulary and
 * a morph-hybrid vocabulary are recognized by content, loaded with their own class and measured with
 * their own encode; tokenizer.json loading is unchanged; an unknown JSON shape is one clear error.
 * The tokenizers are trained here on a few KB of the embedded UDHR (morph-hybrid with the npm
 * dictionary-tr lexicon, so no ../shared/data is needed).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readUdhrUnits } from '../../src/corpus/udhr.js';
import { loadEvalTokenizerFile, loadEvalTokenizers } from '../../src/eval/load-tokenizers.js';
import type { EvalResult } from '../../src/eval/types.js';
import { Tokenizer } from '../../src/pipeline/tokenizer.js';
import { trainLibTokenizer } from '../../src/train/variants/lib/train-lib.js';
import type { LibTokenizer } from '../../src/train/variants/lib/lib-tokenizer.js';
import { trainMorphHybrid } from '../../src/train/variants/morph-hybrid/train-morph-hybrid.js';
import type { MorphHybridTokenizer } from '../../src/train/variants/morph-hybrid/morph-hybrid-tokenizer.js';
import { repoRoot } from '../support/paths.js';

const dir = mkdtempSync(join(tmpdir(), 'tokenlab-eval-variants-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

/** The first articles of a declaration, one line each (a few KB). */
const udhrLines = (code: string, articles: number): string[] => readUdhrUnits(code).slice(0, articles).flatMap(([, t]) => t.split('\n'));

interface Trained { lib: LibTokenizer; morph: MorphHybridTokenizer; libFile: string; morphFile: string }
let trained: Promise<Trained> | undefined;
/** Trains both tokenizers once and writes them as train-variant does (compact JSON, newline). */
function trainBoth(): Promise<Trained> {
  trained ??= (async () => {
    const { tokenizer: lib } = await trainLibTokenizer({ texts: [...udhrLines('eng', 12), ...udhrLines('tur', 12)], options: { epochs: 30, articleLength: 50, seed: 1 } });
    const { tokenizer: morph } = await trainMorphHybrid({ texts: udhrLines('tur', 12), lexiconDir: 'dictionary-tr', maxRoots: 300, vocabSize: 7 + 300 + 82 + 400 });
    const libFile = join(dir, 'lib-vocab.json');
    const morphFile = join(dir, 'morph-tr.json');
    writeFileSync(libFile, JSON.stringify(lib.toJSON()) + '\n');
    writeFileSync(morphFile, JSON.stringify(morph.toJSON()) + '\n');
    return { lib, morph, libFile, morphFile };
  })();
  return trained;
}

test('library: LiB and morph-hybrid files load by content and encode exactly as the trained tokenizers', async () => {
  const { lib, morph, libFile, morphFile } = await trainBoth();
  // a pretty-printed copy has the same content: detection must not depend on layout
  const prettyLib = join(dir, 'pretty-lib.json');
  writeFileSync(prettyLib, JSON.stringify(lib.toJSON(), null, 2));
  const { tokenizers, errors } = loadEvalTokenizers([{ kind: 'tokenizer', file: libFile }, { kind: 'tokenizer', file: morphFile }, { kind: 'tokenizer', file: prettyLib }]);
  assert.deepEqual(errors, []);
  assert.deepEqual(tokenizers.map((t) => t.name), ['lib-vocab', 'morph-tr', 'pretty-lib']);
  const [libEval, morphEval, prettyEval] = tokenizers as [typeof tokenizers[0], typeof tokenizers[0], typeof tokenizers[0]];
  assert.equal(libEval.vocabSize, lib.vocabSize);
  assert.equal(morphEval.vocabSize, morph.vocabSize);
  const samples = [...udhrLines('eng', 32), ...udhrLines('tur', 32), 'Zzq 🙂 ŞEYLER, ağaçtaki kuş\n\t2024'];
  for (const s of samples) {
    assert.deepEqual(libEval.encode(s), lib.encode(s));
    assert.deepEqual(prettyEval.encode(s), lib.encode(s));
    assert.deepEqual(morphEval.encodeWithOffsets(s), morph.encodeWithOffsets(s));
  }
  // byte fallback: the eval view's bytes of a LiB encoding are the text's UTF-8
  const odd = 'Zzq 🙂 ŞEYLER';
  assert.equal(Buffer.concat(libEval.encode(odd).map((id) => libEval.idToBytes(id))).toString('utf8'), odd);
});

test('library: a malformed variant file names the file and the field; tokenizer.json loads as before', () => {
  const badLib = join(dir, 'bad-lib.json');
  writeFileSync(badLib, JSON.stringify({ type: 'LiB', version: 1, byte_fallback: true, max_chunk_len: 0, vocab: ['a'] }));
  assert.throws(() => loadEvalTokenizerFile(badLib), (e: Error) => e.message === `${badLib}: max_chunk_len: max_chunk_len must be an integer >= 1`);

  const hfJson = {
    version: '1.0', truncation: null, padding: null, added_tokens: [], normalizer: null, pre_tokenizer: { type: 'Whitespace' },
    post_processor: null, decoder: null, model: { type: 'BPE', dropout: null, unk_token: null, vocab: { a: 0, b: 1, ab: 2 }, merges: ['a b'] },
  };
  const hf = join(dir, 'tokenizer.json');
  writeFileSync(hf, JSON.stringify(hfJson));
  const t = loadEvalTokenizerFile(hf, 'toy');
  assert.deepEqual(t.encode('ab ba'), Tokenizer.fromJSON(hfJson).encode('ab ba').ids);
  assert.equal(t.name, 'toy');
  // a tokenizer.json error keeps its wording: file, then JSON path
  const malformed = join(dir, 'malformed.json');
  writeFileSync(malformed, JSON.stringify({ ...hfJson, model: { ...hfJson.model, dropout: 0.5 } }));
  assert.throws(() => loadEvalTokenizerFile(malformed), (e: Error) => e.message.startsWith(`${malformed}: model.dropout: BPE dropout is not supported`));
  const notJson = join(dir, 'not-json.json');
  writeFileSync(notJson, '{\n  "model": {,}\n}');
  assert.throws(() => loadEvalTokenizerFile(notJson), /not-json\.json:line 2: invalid JSON/);
});

test('library: an unknown JSON shape is one error naming the file and what was expected', () => {
  const shapes: [string, unknown, RegExp][] = [
    ['no-model.json', { vocab: { a: 0 } }, /no "model" and no "type" field/],
    ['other-type.json', { type: 'SuperLiB', vocab: [] }, /type: not a tokenizer file: unknown "type": "SuperLiB"/],
    ['array.json', [1, 2, 3], /the JSON is an array/],
  ];
  const sources = shapes.map(([name, json]) => {
    const file = join(dir, name);
    writeFileSync(file, JSON.stringify(json));
    return { kind: 'tokenizer' as const, file };
  });
  const { tokenizers, errors } = loadEvalTokenizers([...sources, { kind: 'encoding', name: 'cl100k_base' }]);
  assert.deepEqual(tokenizers.map((t) => t.name), ['cl100k_base'], 'the bad files do not stop the others');
  assert.equal(errors.length, shapes.length);
  shapes.forEach(([name, , why], i) => {
    assert.ok(errors[i]!.startsWith(`cannot load ${join(dir, name)}: `), errors[i]);
    assert.match(errors[i]!, why);
    assert.match(errors[i]!, /expected a Hugging Face tokenizer\.json .* LiB vocabulary .* morph-hybrid vocabulary/);
  });
});

test('CLI: tokenlab eval --tokenizer <variant file> counts the tokens the variant encodes', async () => {
  const { lib, morph, libFile, morphFile } = await trainBoth();
  const unknown = join(dir, 'unknown-shape.json');
  writeFileSync(unknown, JSON.stringify({ hello: 'world' }));
  const out = join(dir, 'out.json');
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'cli', 'bin.ts'), 'eval', '--tokenizer', libFile, '--tokenizer', morphFile, '--tokenizer', unknown,
    '--languages', 'eng,tur', '--speed-chars', '0', '--char-words', '0', '--dictionaries', 'none', '--morph', 'none', '--no-progress', '--json', out], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(r.status, 1, `the unknown file makes the exit code 1 after the others are written\n${r.stderr}`);
  assert.match(r.stderr, new RegExp(`^tokenlab: cannot load ${unknown.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not a tokenizer file: .*expected a Hugging Face tokenizer\\.json`, 'm'));
  const result = (JSON.parse(readFileSync(out, 'utf8')) as { corpora: EvalResult[] }).corpora[0]!;
  assert.deepEqual(result.tokenizers.map((t) => t.name), ['lib-vocab', 'morph-tr']);
  const own: Record<string, { encode(text: string): number[] }> = { 'lib-vocab': lib, 'morph-tr': morph };
  for (const t of result.tokenizers) {
    assert.deepEqual(t.languages.map((l) => l.code).sort(), ['eng', 'tur']);
    for (const l of t.languages) {
      const expected = readUdhrUnits(l.code).reduce((n, [, text]) => n + own[t.name]!.encode(text).length, 0);
      assert.equal(l.tokens, expected, `${t.name} ${l.code}`);
    }
  }
});
