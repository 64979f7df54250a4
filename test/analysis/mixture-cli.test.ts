/**
 * `tokenlab infer-mixture` end to end on embedded data (UDHR): the GPT-2 encoding's first merges
 * point to English far more than to Russian; the JSON output is complete; bad options are errors.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../support/paths.js';

function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'cli', 'bin.ts'), 'infer-mixture', ...args], { cwd: repoRoot, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('infer-mixture on UDHR with r50k_base: English dominates, JSON shares sum to 1', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tokenlab-infer-'));
  try {
    const out = join(dir, 'out.json');
    const r = cli(['--encoding', 'r50k_base', '--merges', '300', '--udhr', 'eng,rus,spa', '--threads', '0', '--json', out]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /category\s+byte share/);
    assert.match(r.stderr, /merges derived from ranks/);
    const j = JSON.parse(readFileSync(out, 'utf8')) as { categories: { name: string; byteShare: number; pairShare: number }[]; merges: number };
    assert.equal(j.merges, 300);
    const share = Object.fromEntries(j.categories.map((c) => [c.name, c.byteShare]));
    assert.ok(Math.abs(j.categories.reduce((s, c) => s + c.byteShare, 0) - 1) < 1e-9);
    assert.ok(share['eng']! > 0.5 && share['eng']! > 10 * share['rus']!, JSON.stringify(share));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('infer-mixture errors: no tokenizer, unknown UDHR code, bad category syntax', () => {
  let r = cli(['--udhr', 'eng,fra']);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /--tokenizer FILE or --encoding NAME/);
  r = cli(['--encoding', 'r50k_base', '--udhr', 'eng,xx_nope']);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /unknown UDHR code "xx_nope"/);
  r = cli(['--encoding', 'r50k_base', '--category', 'justaname']);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /NAME=PATH/);
});
