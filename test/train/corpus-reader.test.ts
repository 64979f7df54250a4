/** Streaming corpus reader: text files, directories, JSONL fields, gzip, line/document units, errors. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { listCorpusFiles, readCorpus, type CorpusOptions } from '../../src/train/counting/corpus-reader.js';
import { forEachLine, lineBatches, lineBatchesApply } from '../../src/train/counting/line-batches.js';
import { countCorpusWords, countTexts } from '../../src/train/counting/parallel-count.js';
import { byteLevelPreTokenizerJSON } from '../../src/train/bpe/bpe-tokenizer-json.js';

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

/** The units of line-batches.ts (raw byte batches decoded per batch) for a corpus. */
async function byteBatchUnits(o: CorpusOptions, batchBytes: number, pieceBytes: number): Promise<string[]> {
  const out: string[] = [];
  for await (const b of lineBatches(o, batchBytes)) {
    assert.ok(b.length > 0);
    forEachLine(b, (u) => out.push(u), pieceBytes);
  }
  return out;
}

// Bytes that stress the cut points: line ends, CR, a BOM, multi-byte chars and invalid UTF-8.
const byteArb = fc.uint8Array({ maxLength: 300 }).chain((noise) =>
  fc.array(fc.constantFrom([0x0a], [0x0d, 0x0a], [0xef, 0xbb, 0xbf], [0xe2, 0x82, 0xac], [0xf0, 0x9f, 0x98, 0x80], [0xe2, 0x82], [0xc3], [0x61], [0x20, 0x62]), { maxLength: 80 })
    .map((parts) => Uint8Array.from([...parts.flat(), ...noise.slice(0, noise.length % 7)])));

test('raw line batches give exactly the units of readCorpus (any bytes, batch and decode sizes, several files)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tl-lines-'));
  await fc.assert(fc.asyncProperty(fc.array(byteArb, { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 40 }), async (files, batchBytes, pieceBytes) => {
    const paths = files.map((b, i) => {
      const p = join(dir, `f${i}.txt`);
      writeFileSync(p, b);
      return p;
    });
    const o = { inputs: paths };
    assert.ok(lineBatchesApply(o));
    let seen = 0;
    assert.deepEqual(await byteBatchUnits({ ...o, onBytes: (n) => { seen = n; } }, batchBytes, pieceBytes), await units(o));
    assert.equal(seen, files.reduce((s, b) => s + b.length, 0));
  }), { numRuns: 60 });
  assert.equal(lineBatchesApply({ inputs: [fixture()] }), false); // gzip and JSONL go through readCorpus
  assert.equal(lineBatchesApply({ inputs: [join(dir, 'f0.txt')], unit: 'document' }), false);
});

test('counting raw line batches (in-thread and in workers) equals counting readCorpus units', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tl-lines-'));
  const text = 'Hello wörld 😀\r\nthe the  the\n\n\uFEFFbom line\nlast';
  writeFileSync(join(dir, 'a.txt'), Buffer.concat([Buffer.from(text.repeat(50)), Buffer.from([0xe2, 0x82, 0x0a, 0xff, 0x61])]));
  writeFileSync(join(dir, 'b.txt'), 'second file\nno newline at end');
  const cfg = { preTokenizer: byteLevelPreTokenizerJSON('gpt2') };
  const ref = countTexts(await units({ inputs: [dir] }), cfg);
  const inThread = await countCorpusWords({ inputs: [dir] }, cfg, { threads: 1, batchChars: 100 });
  const workers = await countCorpusWords({ inputs: [dir] }, cfg, { threads: 2, batchChars: 100 });
  assert.deepEqual(inThread.sortedEntries(), ref.sortedEntries());
  assert.deepEqual(workers.sortedEntries(), ref.sortedEntries());
  assert.ok(ref.get('Ġthe') >= 100);
  // Gzip and JSONL inputs take the string-units path, in workers too.
  const mixed = fixture();
  const mixedRef = countTexts(await units({ inputs: [mixed] }), cfg);
  const mixedWorkers = await countCorpusWords({ inputs: [mixed] }, cfg, { threads: 2, batchChars: 4 });
  assert.deepEqual(mixedWorkers.sortedEntries(), mixedRef.sortedEntries());
  assert.equal(mixedRef.get('Ġline'), 1);
});
