/**
 * `tokenlab train --algorithm unigram` end to end: the seed phase reports progress before EM, the
 * merge counter never passes its total, and Ctrl-C during training (not only during counting) stops
 * with exit code 130 and writes nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../support/paths.js';
import { syntheticCorpus } from './synthetic-corpus.js';

const bin = join(repoRoot, 'cli', 'bin.ts');
const dir = mkdtempSync(join(tmpdir(), 'tl-unigram-cli-'));

test('progress: prepare (seed) events come before merge events; done never exceeds total', () => {
  const corpus = join(dir, 'small.txt');
  writeFileSync(corpus, syntheticCorpus(5, 1500));
  const out = join(dir, 'small.json');
  const r = spawnSync(process.execPath, ['--import', 'tsx', bin, 'train', '--algorithm', 'unigram', '--input', corpus, '--vocab-size', '500', '--output', out, '--progress', 'jsonl', '--threads', '0'], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const events = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { event: string; phase?: string; done?: number; total?: number });
  const phases = events.filter((e) => e.event === 'progress').map((e) => e.phase);
  const firstMerge = phases.indexOf('merge');
  assert.ok(phases.indexOf('prepare') >= 0 && phases.indexOf('prepare') < firstMerge, phases.join(','));
  assert.ok(phases.lastIndexOf('count') < phases.indexOf('prepare'));
  for (const e of events) if (e.phase === 'merge') assert.ok(e.done! <= e.total!, `${e.done} > ${e.total}`);
  assert.equal(events.at(-1)!.event, 'done');
  assert.ok(existsSync(out));
});

test('Ctrl-C during Unigram training stops with exit code 130 and writes nothing', async () => {
  const big = join(dir, 'big.txt');
  writeFileSync(big, syntheticCorpus(8, 20000));
  const out = join(dir, 'interrupted.json');
  const child = spawn(process.execPath, ['--import', 'tsx', bin, 'train', '--algorithm', 'unigram', '--input', big, '--vocab-size', '8000', '--output', out, '--progress', 'jsonl', '--threads', '0'], { cwd: repoRoot });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  const code = await new Promise<number | null>((resolve) => {
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      // Counting is over: the signal arrives while the trainer itself runs.
      if (stdout.includes('"phase":"prepare"') && !child.killed) child.kill('SIGINT');
    });
    child.on('close', (c) => resolve(c));
  });
  assert.equal(code, 130, stderr);
  assert.match(stderr, /interrupted; nothing was written/);
  assert.ok(!existsSync(out));
});
