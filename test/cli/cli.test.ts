/** The `tokenlab` command line, run as a user runs it (a child process), on files, stdin and JSON lines. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getEncoding } from '../../src/index.js';
import { repoRoot } from '../support/paths.js';
import { readUdhrUnits } from '../../src/corpus/udhr.js';

const bin = join(repoRoot, 'cli', 'bin.ts');
function run(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', bin, ...args], { cwd: repoRoot, input, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const dir = mkdtempSync(join(tmpdir(), 'tokenlab-cli-'));
const cl100k = getEncoding('cl100k_base');

test('encode a file, count it, decode the ids back', () => {
  const text = 'Hello, world! Ünïcödé 中文 🎉\n  indented\r\n';
  const file = join(dir, 'in.txt');
  writeFileSync(file, text);
  const enc = run(['encode', file, '--encoding', 'cl100k_base']);
  assert.equal(enc.code, 0, enc.err);
  const ids = JSON.parse(enc.out) as number[];
  assert.deepEqual(ids, cl100k.encode(text));
  const count = run(['count', file, '-e', 'cl100k_base']);
  assert.equal(count.out.trim(), String(ids.length));
  const dec = run(['decode', '-e', 'cl100k_base'], JSON.stringify(ids));
  assert.equal(dec.out, text);
  const decSpaces = run(['decode', '-e', 'cl100k_base'], ids.join(' '));
  assert.equal(decSpaces.out, text);
});

test('--model picks the encoding; stdin is read when no file is given', () => {
  const r = run(['encode', '--model', 'gpt-4o'], 'tokenization');
  assert.deepEqual(JSON.parse(r.out), getEncoding('o200k_base').encode('tokenization'));
});

test('--jsonl: one JSON string per line in, one JSON array per line out; and back', () => {
  const lines = ['first line', 'second\twith tab', '🎉 emoji', ''];
  const input = lines.map((l) => JSON.stringify(l)).join('\n') + '\n';
  const enc = run(['encode', '-e', 'o200k_base', '--jsonl'], input);
  assert.equal(enc.code, 0, enc.err);
  const out = enc.out.trim().split('\n').map((l) => JSON.parse(l) as number[]);
  assert.deepEqual(out, lines.map((l) => getEncoding('o200k_base').encode(l)));
  const dec = run(['decode', '-e', 'o200k_base', '--jsonl'], enc.out);
  assert.deepEqual(dec.out.trim().split('\n').map((l) => JSON.parse(l) as string), lines);
  const count = run(['count', '-e', 'o200k_base', '--jsonl'], input);
  assert.deepEqual(count.out.trim().split('\n').map(Number), out.map((ids) => ids.length));
});

test('special tokens: an error by default that names the CLI flag; allowed with --allowed-special', () => {
  const bad = run(['encode', '-e', 'cl100k_base', '--text', 'x<|endoftext|>']);
  assert.equal(bad.code, 1);
  assert.match(bad.err, /--allowed-special/);
  const ok = run(['encode', '-e', 'cl100k_base', '--text', 'x<|endoftext|>', '--allowed-special', 'all']);
  assert.deepEqual(JSON.parse(ok.out), [87, 100257]);
  const ordinary = run(['encode', '-e', 'cl100k_base', '--text', 'x<|endoftext|>', '--disallowed-special', 'none']);
  assert.deepEqual(JSON.parse(ordinary.out), cl100k.encodeOrdinary('x<|endoftext|>'));
});

test('bad input: one clear line naming what and where, exit code 1', () => {
  const unknown = run(['count', '-e', 'nope', '--text', 'x']);
  assert.equal(unknown.code, 1);
  assert.match(unknown.err, /^tokenlab: unknown encoding "nope"/);
  const missing = run(['count', '-e', 'cl100k_base', join(dir, 'missing.txt')]);
  assert.equal(missing.code, 1);
  assert.match(missing.err, /missing\.txt.*cannot read input/);
  const badLine = run(['encode', '-e', 'cl100k_base', '--jsonl'], '"ok"\n{broken\n');
  assert.equal(badLine.code, 1);
  assert.match(badLine.err, /stdin:line 2: not valid JSON/);
  const notString = run(['encode', '-e', 'cl100k_base', '--jsonl'], '"ok"\n42\n');
  assert.match(notString.err, /line 2: expected a JSON string/);
  const badIds = run(['decode', '-e', 'cl100k_base'], '[1, "x"]');
  assert.match(badIds.err, /element 1 is not a token id/);
  const unknownId = run(['decode', '-e', 'cl100k_base'], '[100256]');
  assert.match(unknownId.err, /id 100256 at index 0/);
  const none = run(['count', '--text', 'x']);
  assert.match(none.err, /choose exactly one of --encoding/);
});

test('invalid UTF-8 in a file: replaced with U+FFFD and a warning naming the byte offset; --strict-utf8 rejects it', () => {
  const file = join(dir, 'bad.txt');
  writeFileSync(file, Buffer.from([0x61, 0x62, 0xff, 0x63, 0xe4, 0xb8]));
  const r = run(['encode', file, '-e', 'cl100k_base']);
  assert.equal(r.code, 0);
  assert.match(r.err, /invalid UTF-8 at byte 2/);
  assert.deepEqual(JSON.parse(r.out), cl100k.encode('ab\ufffdc\ufffd'));
  const strict = run(['encode', file, '-e', 'cl100k_base', '--strict-utf8']);
  assert.equal(strict.code, 1);
  assert.match(strict.err, /bad\.txt:byte 2: invalid UTF-8/);
});

test('demo runs on embedded data and writes its report and JSON atomically', () => {
  const out = join(dir, 'demo');
  const r = run(['demo', '--out', out, '--max-languages', '3', '--no-progress']);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /English \[eng\]/);
  const json = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { corpora: { tokenizers: { name: string; languages: { code: string; tokens: number }[] }[] }[] };
  const cl = json.corpora[0]!.tokenizers.find((t) => t.name === 'cl100k_base')!;
  const units = readUdhrUnits('eng').map(([, text]) => text); // the demo tokenizes article by article
  assert.equal(cl.languages.find((l) => l.code === 'eng')!.tokens, units.reduce((n, u) => n + getEncoding('cl100k_base').countTokens(u), 0));
  assert.deepEqual(readdirSync(out).sort(), ['report.html', 'results.json'], 'no temporary file is left beside the output');
});

