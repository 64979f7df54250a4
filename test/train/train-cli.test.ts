/**
 * `tokenlab train` end to end: writes a tokenizer.json that HF loads, JSON-lines progress, word
 * counts saved and reused, resume, errors, and Ctrl-C leaving no output file behind.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../support/paths.js';
import { interruptWhen } from '../support/interrupt.js';
import { native } from '../hf/native.js';
import { syntheticCorpus } from './synthetic-corpus.js';
import { trainCommand } from '../../cli/commands/train.js';
import { TokenlabError } from '../../src/core/errors.js';

const bin = join(repoRoot, 'cli', 'bin.ts');
const dir = mkdtempSync(join(tmpdir(), 'tl-train-cli-'));
const corpus = join(dir, 'corpus.txt');
writeFileSync(corpus, syntheticCorpus(21, 1500));

function run(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', bin, 'train', ...args], { cwd: repoRoot, encoding: 'utf8' });
}

/** Runs the command in this process (no tsx start-up per call); resolves to the error message or ''. */
async function runHere(args: string[]): Promise<string> {
  try {
    await trainCommand().exitOverride().configureOutput({ writeErr: () => undefined }).parseAsync(args, { from: 'user' });
    return '';
  } catch (e) {
    if (e instanceof TokenlabError) return e.message;
    throw e;
  }
}

test('train --algorithm bpe writes a tokenizer.json HF loads; --progress jsonl reports phases and done', async () => {
  const out = join(dir, 'tok.json');
  const r = run(['--input', corpus, '--vocab-size', '700', '--output', out, '--progress', 'jsonl', '--threads', '0', '--special-token', '<s>', '</s>']);
  assert.equal(r.status, 0, r.stderr);
  const events = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  assert.ok(events.some((e) => e['phase'] === 'count'));
  assert.ok(events.some((e) => e['phase'] === 'merge'));
  const done = events[events.length - 1]!;
  assert.equal(done['event'], 'done');
  assert.equal(done['vocabSize'], 700);
  const json = JSON.parse(readFileSync(out, 'utf8')) as { added_tokens: { content: string; id: number }[]; model: { vocab: Record<string, number> } };
  assert.deepEqual(json.added_tokens.map((t) => [t.content, t.id]), [['<s>', 0], ['</s>', 1]]);
  assert.equal(Object.keys(json.model.vocab).length, 700);
  const hf = native.Tokenizer.fromFile(out);
  const enc = await hf.encode('<s>hello wörld 12345</s>');
  assert.equal(enc.getIds()[0], 0);
  assert.equal(await hf.decode(enc.getIds(), false), '<s>hello wörld 12345</s>');
});

test('--save-counts then --counts gives the same tokenizer; --resume continues a shorter run', async () => {
  const tsv = join(dir, 'counts.tsv');
  const a = join(dir, 'a.json');
  const b = join(dir, 'b.json');
  const short = join(dir, 'short.json');
  const resumed = join(dir, 'resumed.json');
  assert.equal(await runHere(['--input', corpus, '--vocab-size', '600', '--output', a, '--save-counts', tsv, '--threads', '0']), '');
  assert.equal(await runHere(['--counts', tsv, '--vocab-size', '600', '--output', b]), '');
  assert.equal(readFileSync(b, 'utf8'), readFileSync(a, 'utf8'));
  assert.equal(await runHere(['--counts', tsv, '--vocab-size', '400', '--output', short]), '');
  assert.equal(await runHere(['--counts', tsv, '--vocab-size', '600', '--output', resumed, '--resume', short]), '');
  assert.equal(readFileSync(resumed, 'utf8'), readFileSync(a, 'utf8'));
  const other = await runHere(['--counts', tsv, '--vocab-size', '600', '--output', b, '--pre-tokenizer', 'llama3']);
  assert.match(other, /counts\.tsv: these word counts were made with another normalizer\/pre-tokenizer/);
});

test('errors: unreadable counts (exit code 1 from the real binary), bad numbers, missing input', async () => {
  const out = join(dir, 'never.json');
  const r = run(['--algorithm', 'bpe', '--input', corpus, '--vocab-size', '100', '--output', out, '--counts', join(dir, 'missing.tsv')]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /^tokenlab: .*missing\.tsv: cannot read word counts/);
  assert.match(await runHere(['--input', corpus, '--vocab-size', 'ten', '--output', out]), /--vocab-size must be an integer >= 1/);
  assert.match(await runHere(['--vocab-size', '100', '--output', out]), /no training input/);
  assert.match(await runHere(['--algorithm', 'superbpe', '--input', corpus, '--vocab-size', '100', '--output', out]), /needs --transition/);
  assert.match(await runHere(['--algorithm', 'unigram', '--input', corpus, '--vocab-size', '10', '--output', out]), /vocabSize 10 is too small/);
  assert.match(await runHere(['--input', corpus, '--vocab-size', '100', '--output', out, '--resume', corpus]), /corpus\.txt: cannot read tokenizer to resume from/);
  assert.ok(!existsSync(out));
});

test('Ctrl-C (SIGINT) stops training with exit code 130 and writes nothing', async () => {
  const big = join(dir, 'big.txt');
  writeFileSync(big, syntheticCorpus(8, 20000));
  const out = join(dir, 'interrupted.json');
  const { code, stderr } = await interruptWhen(['train', '--input', big, '--vocab-size', '30000', '--output', out, '--progress', 'jsonl', '--threads', '0'], (o) => o.stdout.includes('"progress"'));
  assert.equal(code, 130, stderr);
  assert.match(stderr, /interrupted; nothing was written/);
  assert.ok(!existsSync(out));
  assert.deepEqual(readdirSync(dir).filter((f) => f.startsWith('interrupted')), []);
});

test('every --algorithm writes a tokenizer.json the native HF binding loads and encodes with', async () => {
  const small = join(dir, 'small.txt');
  writeFileSync(small, syntheticCorpus(22, 400));
  const cases: [string, string[]][] = [
    ['bpe', ['--pre-tokenizer', 'llama3']],
    ['superbpe', ['--transition', '400']],
    ['char-bpe', ['--max-token-length', '2', '--pad2']],
    ['wordpiece', ['--cased']],
    ['unigram', []],
  ];
  for (const [algorithm, extra] of cases) {
    const out = join(dir, `${algorithm}.json`);
    assert.equal(await runHere(['--algorithm', algorithm, '--input', small, '--vocab-size', '600', '--output', out, '--threads', '0', ...extra]), '', algorithm);
    const json = JSON.parse(readFileSync(out, 'utf8')) as { model: { type: string } };
    const hf = native.Tokenizer.fromFile(out);
    const ids = (await hf.encode('Hello world, 12345 tokens.')).getIds();
    assert.ok(ids.length > 0, algorithm);
    assert.match(json.model.type, algorithm === 'wordpiece' ? /^WordPiece$/ : algorithm === 'unigram' ? /^Unigram$/ : /^BPE$/);
  }
});
