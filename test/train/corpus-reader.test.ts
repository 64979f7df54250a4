/** Streaming corpus reader: text files, directories, JSONL fields, gzip, line/document units, errors. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { listCorpusFiles, readCorpus, type CorpusOptions } from '../../src/train/counting/corpus-reader.js';

async function units(o: CorpusOptions): Promise<string[]> {
  const out: string[] = [];
  for await (const b of readCorpus(o)) out.push(...b);
  return out;
}

function fixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tl-corpus-'));
  writeFileSync(join(dir, 'a.txt'), 'one\r\ntwo\n\nthree');
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'sub', 'b.txt.gz'), gzipSync(Buffer.from('gz line\nlast\n')));
  writeFileSync(join(dir, 'sub', 'c.jsonl'), '{"text":"x\\ny","id":1}\n\n{"text":"z","meta":{"t":"n"}}\n');
  writeFileSync(join(dir, '.hidden.txt'), 'never read\n');
  return dir;
}

test('line units keep their line ends, across files in sorted order, gzip decoded', async () => {
  const dir = fixture();
  assert.deepEqual(listCorpusFiles({ inputs: [dir] }).map((f) => [f.path.slice(dir.length), f.format, f.gzip]), [
    ['/a.txt', 'text', false], ['/sub/b.txt.gz', 'text', true], ['/sub/c.jsonl', 'jsonl', false],
  ]);
  assert.deepEqual(await units({ inputs: [dir] }), ['one\r\n', 'two\n', '\n', 'three', 'gz line\n', 'last\n', 'x\n', 'y', 'z']);
});

test('document units: a whole text file, one JSONL record each', async () => {
  const dir = fixture();
  assert.deepEqual(await units({ inputs: [dir], unit: 'document' }), ['one\r\ntwo\n\nthree', 'gz line\nlast\n', 'x\ny', 'z']);
});

test('lines longer than a read chunk and multi-byte chars split across chunks survive', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tl-corpus-'));
  const long = 'é€😀'.repeat(300_000);
  writeFileSync(join(dir, 'big.txt'), `${long}\nshort\n`);
  const u = await units({ inputs: [join(dir, 'big.txt')] });
  assert.equal(u.length, 2);
  assert.equal(u[0], long + '\n');
  let seen = 0;
  await units({ inputs: [join(dir, 'big.txt')], onBytes: (b) => { seen = b; } });
  assert.equal(seen, Buffer.byteLength(long) + 7);
});

test('JSONL errors name file and line; nested fields via dotted path', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tl-corpus-'));
  writeFileSync(join(dir, 'a.jsonl'), '{"meta":{"t":"deep"}}\n{"meta":{"t":1}}\n');
  await assert.rejects(units({ inputs: [join(dir, 'a.jsonl')] }), /a\.jsonl:line 1: record has no field "text"/);
  await assert.rejects(units({ inputs: [join(dir, 'a.jsonl')], jsonField: 'meta.t' }), /line 2: field "meta\.t" is not a string/);
  writeFileSync(join(dir, 'b.jsonl'), '{"text":"ok"}\n{bad\n');
  await assert.rejects(units({ inputs: [join(dir, 'b.jsonl')] }), /b\.jsonl:line 2: invalid JSON/);
  await assert.rejects(units({ inputs: [join(dir, 'nope.txt')] }), /nope\.txt: cannot read corpus input/);
});
