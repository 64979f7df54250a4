/**
 * `tokenlab train --algorithm unigram` end to end: the seed phase reports progress before EM, the
 * merge counter never passes its total, and Ctrl-C during training (not only during counting) stops
 * with exit code 130 and writes nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../support/paths.js';
import { interruptWhen } from '../support/interrupt.js';
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
  assert.ok(phases.indexOf('seed') > phases.indexOf('prepare') && phases.indexOf('seed') < firstMerge, phases.join(','));
  assert.ok(phases.lastIndexOf('count') < phases.indexOf('prepare'));
  for (const e of events) if (e.phase === 'merge') assert.ok(e.done! <= e.total!, `${e.done} > ${e.total}`);
  assert.equal(events.at(-1)!.event, 'done');
  assert.ok(existsSync(out));
});

test('Ctrl-C during Unigram training stops with exit code 130 and writes nothing', async () => {
  const big = join(dir, 'big.txt');
  writeFileSync(big, syntheticCorpus(8, 20000));
  const out = join(dir, 'interrupted.json');
  // Counting is over: the signal arrives while the trainer itself runs.
  const { code, stderr } = await interruptWhen(['train', '--algorithm', 'unigram', '--input', big, '--vocab-size', '8000', '--output', out, '--progress', 'jsonl', '--threads', '0'], (o) => o.stdout.includes('"phase":"prepare"'));
  assert.equal(code, 130, stderr);
  assert.match(stderr, /interrupted; nothing was written/);
  assert.ok(!existsSync(out));
});

test('--split-digits and --no-split-by-unicode-script reach the trainer', () => {
  const corpus = join(dir, 'mixed.txt');
  writeFileSync(corpus, 'abc123def αβγ abc123 日本語テキスト\nabc456def αβγδ\n'.repeat(6));
  const train = (flags: string[]): string[] => {
    const out = join(dir, `mixed-${flags.join('')}.json`);
    const r = spawnSync(process.execPath, ['--import', 'tsx', bin, 'train', '--algorithm', 'unigram', '--input', corpus, '--vocab-size', '60', '--output', out, '--threads', '0', ...flags], { cwd: repoRoot, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    return (JSON.parse(readFileSync(out, 'utf8')) as { model: { vocab: [string, number][] } }).model.vocab.map((v) => v[0]);
  };
  const letterAndDigit = (p: string): boolean => /\p{L}/u.test(p) && /\d/u.test(p);
  const byDefault = train([]);
  assert.ok(!byDefault.some(letterAndDigit), `default: no piece crosses from letters to digits (${byDefault.join(' ')})`);
  assert.ok(byDefault.some((p) => /\d\d/.test(p)), 'default: digit runs are pieces');
  const digits = train(['--split-digits']);
  assert.ok(!digits.some((p) => /\d/.test(p) && [...p.replace('\u2581', '')].length > 1), `--split-digits: ${digits.join(' ')}`);
  const crossing = train(['--no-split-by-unicode-script']);
  assert.ok(crossing.some(letterAndDigit), `--no-split-by-unicode-script: ${crossing.join(' ')}`);
});
