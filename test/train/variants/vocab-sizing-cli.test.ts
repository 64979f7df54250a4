/**
 * `tokenlab vocab-sizing` end to end on the embedded UDHR (small sizes, three languages): the JSON's
 * premiums are CTC ratios to the reference, the solved sizes come from each language's fit, the
 * tokenizers written for the solved sizes load and give the reported CTC, and bad flags are named.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../support/paths.js';
import { interruptWhen } from '../../support/interrupt.js';
import { Tokenizer } from '../../../src/pipeline/index.js';
import { udhrCorpus } from '../../../src/corpus/udhr-corpus.js';
import { selectDocs } from '../../../src/corpus/corpus.js';
import { sizingLanguage } from '../../../src/train/variants/vocab-sizing/sizing-corpus.js';
import { predictCtc, solveVocabSize, type CtcFit } from '../../../src/train/variants/vocab-sizing/ctc-fit.js';

const bin = join(repoRoot, 'cli', 'bin.ts');
const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', bin, ...args], { cwd: repoRoot, encoding: 'utf8' });

interface Row { code: string; solvedSize: number; capped: boolean; ctcAtTarget: number; ctcAtSolved: number; fit: CtcFit; sweep: { vocabSize: number; ctc: number }[] }

test('vocab-sizing: sweep, fit, solve, retrain on UDHR', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tl-vs-'));
  const out = join(dir, 'tok');
  const json = join(dir, 'r.json');
  const r = run(['vocab-sizing', '--languages', 'fra,rus', '--sizes', '300,600,1200', '--target-size', '600', '--no-progress', '--output-dir', out, '--json', json]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /\| solved sizes \|/);
  const res = JSON.parse(readFileSync(json, 'utf8')) as { targetCtc: number; languages: Row[]; spread: { equal: { premiums: Record<string, number> }; solved: { premiums: Record<string, number> } } };
  assert.deepEqual(res.languages.map((l) => l.code), ['eng', 'fra', 'rus'], 'the reference comes first');
  const ref = res.languages[0]!;
  assert.ok(Math.abs(res.targetCtc - predictCtc(ref.fit, 600)) < 1e-6);
  const docs = selectDocs(udhrCorpus(), ['eng', 'fra', 'rus']).docs.map(sizingLanguage);
  for (const l of res.languages) {
    assert.equal(l.sweep.length, 3);
    assert.ok(l.sweep[0]!.ctc >= l.sweep[2]!.ctc, `${l.code}: a larger vocabulary does not need more tokens`);
    assert.ok(Math.abs(res.spread.equal.premiums[l.code]! - l.ctcAtTarget / ref.ctcAtTarget) < 1e-9);
    assert.ok(Math.abs(res.spread.solved.premiums[l.code]! - l.ctcAtSolved / ref.ctcAtSolved) < 1e-9);
    const raw = solveVocabSize(l.fit, res.targetCtc);
    assert.equal(l.solvedSize, Math.min(2400, Math.max(300, raw)));
    // The tokenizer written for the solved size gives the reported CTC on the test half.
    const tok = Tokenizer.fromFile(join(out, `${l.code}.json`));
    const test = docs.find((d) => d.code === l.code)!.test;
    assert.equal(test.reduce((n, s) => n + tok.encode(s, { addSpecialTokens: false }).ids.length, 0), l.ctcAtSolved);
  }
  assert.deepEqual(readdirSync(out).sort(), ['eng.json', 'fra.json', 'rus.json']);
});

test('vocab-sizing: bad flags are named', () => {
  const a = run(['vocab-sizing', '--sizes', '300', '--no-progress']);
  assert.equal(a.status, 1);
  assert.match(a.stderr, /--sizes needs at least 2/);
  const b = run(['vocab-sizing', '--sizes', '300,abc', '--no-progress']);
  assert.match(b.stderr, /--sizes must be positive integers/);
  const c = run(['vocab-sizing', '--languages', 'xx_nope', '--no-progress']);
  assert.match(c.stderr, /unknown language code "xx_nope"/);
});

test('vocab-sizing: Ctrl-C stops between trainings, exits 130 and writes nothing', async () => {
  const { existsSync, writeFileSync, mkdirSync } = await import('node:fs');
  const { syntheticCorpus } = await import('../synthetic-corpus.js');
  // A folder of "parallel" files: a sweep of many trainings.
  const dir = mkdtempSync(join(tmpdir(), 'tl-vs-int-'));
  const corpus = join(dir, 'corpus');
  mkdirSync(corpus);
  for (const [i, code] of ['aa', 'bb', 'cc'].entries()) writeFileSync(join(corpus, `${code}.txt`), syntheticCorpus(i + 1, 6000));
  const json = join(dir, 'r.json');
  // Interrupt at the first progress line (the bar prints to a pipe too): training has started.
  const { code, stdout, stderr } = await interruptWhen(['vocab-sizing', '--corpus', corpus, '--reference', 'aa', '--languages', 'bb,cc', '--sizes', '2000,4000,8000,16000', '--target-size', '4000', '--superbpe', '--json', json], (o) => o.stderr.includes('sizing'));
  assert.equal(code, 130, stderr + stdout);
  assert.match(stderr, /interrupted; nothing was written/);
  assert.equal(existsSync(json), false);
});
