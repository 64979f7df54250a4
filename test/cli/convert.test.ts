/** `tokenlab convert` and `--tokenizer x.model`: a SentencePiece model trained by spm_train, checked against spm_encode. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../support/paths.js';
import { readUdhr } from '../../src/corpus/udhr.js';

const hasSpm = spawnSync('spm_train', ['--help']).error === undefined;
const bin = join(repoRoot, 'cli', 'bin.ts');
const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', bin, ...args], { cwd: repoRoot, encoding: 'utf8' });

test('convert a .model to tokenizer.json; both encode like spm_encode', { skip: hasSpm ? false : 'skipped: spm_train is not installed (apt-get install sentencepiece)' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'tokenlab-convert-'));
  writeFileSync(join(dir, 'train.txt'), ['eng', 'fra', 'deu_1996', 'spa'].map(readUdhr).join('\n'));
  const trained = spawnSync('spm_train', [`--input=${join(dir, 'train.txt')}`, `--model_prefix=${join(dir, 'm')}`, '--vocab_size=1500', '--model_type=unigram'], { encoding: 'utf8' });
  assert.equal(trained.status, 0, trained.stderr);
  const model = join(dir, 'm.model');
  const out = join(dir, 'tokenizer.json');
  const conv = run(['convert', model, '-o', out]);
  assert.equal(conv.status, 0, conv.stderr);
  assert.ok(JSON.parse(readFileSync(out, 'utf8')).model.type === 'Unigram');
  for (const text of ['Everyone has the right to life, liberty and security of person.', 'Toute personne a droit à la vie, ça va?']) {
    const ref = spawnSync('spm_encode', [`--model=${model}`, '--output_format=id'], { input: text + '\n', encoding: 'utf8' }).stdout.trim().split(/\s+/).map(Number);
    assert.deepEqual(JSON.parse(run(['encode', '--tokenizer', model, '--text', text]).stdout), ref, `.model: ${text}`);
    assert.deepEqual(JSON.parse(run(['encode', '--tokenizer', out, '--text', text]).stdout), ref, `converted: ${text}`);
  }
  const bad = run(['convert', join(dir, 'train.txt'), '-o', join(dir, 'x.json')]);
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /train\.txt/);
});
