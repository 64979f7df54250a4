/**
 * `tokenlab train-variant` end to end (one spawned CLI run; the rest in-process): supertokens writes
 * a tokenizer.json that `tokenlab encode --tokenizer` and HF both use; lib writes a LiB vocabulary
 * that `train-variant encode --lib` encodes; bad flags name the flag.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../support/paths.js';
import { native } from '../../hf/native.js';
import { syntheticCorpus } from '../synthetic-corpus.js';
import { trainVariantCommand } from '../../../cli/commands/train-variant.js';
import { LibTokenizer } from '../../../src/train/variants/lib/lib-tokenizer.js';
import { TokenlabError } from '../../../src/core/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'tl-train-variant-'));
const corpus = join(dir, 'corpus.txt');
writeFileSync(corpus, syntheticCorpus(5, 800));

async function runHere(args: string[]): Promise<string> {
  try {
    await trainVariantCommand().exitOverride().configureOutput({ writeErr: () => undefined }).parseAsync(args, { from: 'user' });
    return '';
  } catch (e) {
    if (e instanceof TokenlabError) return e.message;
    throw e;
  }
}

test('train-variant --algorithm supertokens: tokenizer.json loads in HF; tokenlab encode uses it', async () => {
  const out = join(dir, 'st.json');
  assert.equal(await runHere(['--algorithm', 'supertokens', '--input', corpus, '--vocab-size', '600', '--output', out, '--seed', '3', '--progress', 'none']), '');
  const json = readFileSync(out, 'utf8');
  const hf = native.Tokenizer.fromString(json);
  const text = 'held-out: the year 2024 was fine';
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'cli', 'bin.ts'), 'encode', '--tokenizer', out, '--text', text], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), (await hf.encode(text)).getIds());
});

test('train-variant --algorithm lib writes a LiB vocabulary; encode --lib prints ids and segments', async () => {
  const out = join(dir, 'lib.json');
  assert.equal(await runHere(['--algorithm', 'lib', '--input', corpus, '--output', out, '--epochs', '30', '--article-length', '50', '--remove-spaces', '--progress', 'none']), '');
  const tok = LibTokenizer.fromFile(out);
  assert.ok(tok.lexicon.chunks().some((c) => [...c].length > 1));
  const writes: string[] = [];
  const orig = process.stdout.write.bind(process.stdout);
  (process.stdout as { write: unknown }).write = (s: string) => { writes.push(s); return true; };
  try {
    await runHere(['encode', '--lib', out, '--text', 'abc déjà']);
    await runHere(['encode', '--lib', out, '--segments', '--text', 'abc déjà']);
  } finally {
    (process.stdout as { write: unknown }).write = orig;
  }
  assert.deepEqual(JSON.parse(writes[0]!), tok.encode('abc déjà'));
  assert.equal((JSON.parse(writes[1]!) as string[]).join(''), 'abc déjà');
});

test('train-variant: errors name the flag', async () => {
  assert.match(await runHere(['--algorithm', 'supertokens', '--input', corpus, '--output', join(dir, 'x.json')]), /needs --vocab-size/);
  assert.match(await runHere(['--algorithm', 'lib', '--input', corpus, '--output', join(dir, 'x.json'), '--in-rate', '2']), /--in-rate must be a number >= 0 <= 1/);
  assert.match(await runHere(['--algorithm', 'supertokens', '--input', corpus, '--output', join(dir, 'x.json'), '--vocab-size', '500', '--chunk-lengths', '9-3:1']), /min <= max/);
  assert.match(await runHere(['--algorithm', 'lib', '--output', join(dir, 'x.json')]), /--input/);
});
