/** `tokenlab eval` and `tokenlab demo` as a user runs them: bad input, outputs, Ctrl-C. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getEncoding } from '../../src/index.js';
import { readUdhrUnits } from '../../src/corpus/udhr.js';
import { repoRoot } from '../support/paths.js';
import type { EvalResult } from '../../src/eval/types.js';

const bin = join(repoRoot, 'cli', 'bin.ts');
const run = (args: string[]) => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', bin, ...args], { cwd: repoRoot, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const dir = mkdtempSync(join(tmpdir(), 'tokenlab-eval-cli-'));
const quick = ['--dictionaries', 'none', '--morph', 'none', '--speed-chars', '2000', '--char-words', '20', '--no-progress'];

test('eval: each bad input is one line, the rest still evaluates and is written', () => {
  const corpus = join(dir, 'texts');
  mkdirSync(corpus);
  writeFileSync(join(corpus, 'eng.txt'), 'The cat sat on the mat.\nIt was happy.\n');
  writeFileSync(join(corpus, 'fra.txt'), 'Le chat était assis sur le tapis.\nIl était content.\n');
  const json = join(dir, 'out', 'eval.json');
  const report = join(dir, 'out', 'report.html');
  const r = run(['eval', '-e', 'o200k_base', '-t', '/missing/tokenizer.json', '-c', corpus, '-c', '/missing/dir', '-c', 'flores', '--flores', '/no/flores',
    '--parallel', '-l', 'fra,xyz', '--json', json, '--report', report, ...quick]);
  assert.equal(r.code, 1, 'a tokenizer failed to load: exit 1 after writing the others');
  const errs = r.err.split('\n').filter((l) => l.startsWith('tokenlab: '));
  assert.equal(errs.length, 4, r.err);
  assert.match(r.err, /^tokenlab: cannot load \/missing\/tokenizer.json: cannot read tokenizer: no such file$/m);
  assert.match(r.err, /^tokenlab: corpus folder not found: \/missing\/dir \(expected udhr, flores or a folder of text files\)$/m);
  assert.match(r.err, /^tokenlab: FLORES-200 not found at \/no\/flores .*pass --flores DIR\)$/m);
  assert.match(r.err, /^tokenlab: dir:.*: unknown language code "xyz" /m);
  const out = JSON.parse(readFileSync(json, 'utf8')) as { corpora: EvalResult[] };
  const t = out.corpora[0]!.tokenizers[0]!;
  assert.equal(t.name, 'o200k_base');
  const enc = getEncoding('o200k_base');
  const eng = t.languages.find((l) => l.code === 'eng')!;
  assert.equal(eng.tokens, enc.encode('The cat sat on the mat.').length + enc.encode('It was happy.').length);
  const fra = t.languages.find((l) => l.code === 'fra')!;
  assert.equal(fra.premium, fra.tokens / eng.tokens);
  const html = readFileSync(report, 'utf8');
  assert.match(html, /<svg/);
  assert.doesNotMatch(html, /<script|https?:\/\/(?!www\.w3\.org)/, 'self-contained');
  assert.deepEqual(readdirSync(join(dir, 'out')).sort(), ['eval.json', 'report.html'], 'no temporary file left');
  assert.match(r.out, /o200k_base/);
});

test('eval: no loadable tokenizer or no corpus is an error', () => {
  const a = run(['eval', '-e', 'nope', ...quick]);
  assert.equal(a.code, 1);
  assert.match(a.err, /tokenlab: eval: no tokenizer could be loaded/);
  const b = run(['eval', '-e', 'o200k_base', '-c', '/missing/dir', ...quick]);
  assert.equal(b.code, 1);
  assert.match(b.err, /tokenlab: eval: no corpus to evaluate/);
});

test('eval: Ctrl-C stops cleanly and writes nothing', async () => {
  const json = join(dir, 'int', 'eval.json');
  const report = join(dir, 'int', 'report.html');
  const child = spawn(process.execPath, ['--import', 'tsx', bin, 'eval', '-e', 'o200k_base', '-e', 'cl100k_base', '-c', 'udhr', '--json', json, '--report', report, ...quick],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d: Buffer) => {
    const first = err === '';
    err += d.toString();
    if (first && err.includes('evaluating udhr')) setTimeout(() => child.kill('SIGINT'), 300);
  });
  const code = await new Promise<number | null>((res) => child.on('close', (c) => res(c)));
  assert.equal(code, 130, err);
  assert.match(err, /tokenlab: interrupted \(Ctrl-C\): nothing written/);
  assert.equal(existsSync(json), false);
  assert.equal(existsSync(report), false);
});

test('demo: embedded data only, summary printed, report and JSON written', () => {
  const out = join(dir, 'demo');
  const r = run(['demo', '--out', out, '--max-languages', '4', '--no-progress']);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /English \[eng\]/);
  assert.match(r.out, /demo finished in/);
  assert.deepEqual(readdirSync(out).sort(), ['report.html', 'results.json']);
  const json = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { corpora: EvalResult[] };
  const cl = json.corpora[0]!.tokenizers.find((t) => t.name === 'cl100k_base')!;
  const expected = readUdhrUnits('eng').reduce((n, [, text]) => n + getEncoding('cl100k_base').encode(text).length, 0);
  assert.equal(cl.languages.find((l) => l.code === 'eng')!.tokens, expected);
  // The demo trains a BPE and a SuperBPE on the corpus and evaluates them beside the built-in tokenizers.
  const trained = json.corpora[0]!.tokenizers.filter((t) => t.name.endsWith('(trained here)')).map((t) => t.name);
  assert.deepEqual(trained, ['bpe-8k (trained here)', 'superbpe-8k (trained here)']);
  for (const name of trained) {
    const t = json.corpora[0]!.tokenizers.find((x) => x.name === name)!;
    assert.ok(t.languages.every((l) => l.tokens > 0), `${name} encoded every language`);
  }
});
