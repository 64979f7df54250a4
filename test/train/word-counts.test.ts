/** Word counts: exact arithmetic beyond 2^32, deterministic order, TSV save/load round trip and errors. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { WordCounts } from '../../src/train/counting/word-counts.js';
import { loadWordCounts, parseWordCountsTsv, saveWordCounts, wordCountsToTsv } from '../../src/train/counting/word-counts-tsv.js';
import { TokenlabError } from '../../src/core/errors.js';

test('counts stay exact past 2^32 and refuse to pass 2^53', () => {
  const c = new WordCounts();
  c.add('Ġthe', 2 ** 32);
  c.add('Ġthe', 2 ** 32 + 1);
  assert.equal(c.get('Ġthe'), 2 ** 33 + 1);
  assert.equal(c.total, 2 ** 33 + 1);
  c.add('x', Number.MAX_SAFE_INTEGER - 1);
  c.add('x', 1);
  assert.throws(() => c.add('x', 1), TokenlabError);
});

test('merging shards is a sum and sortedEntries is deterministic', () => {
  const a = WordCounts.from([['b', 2], ['a', 2], ['c', 5]]);
  const b = WordCounts.from([['c', 1], ['d', 2]]);
  const m1 = new WordCounts().merge(a).merge(b);
  const m2 = new WordCounts().merge(b).merge(a);
  assert.deepEqual(m1.sortedEntries(), [['c', 6], ['a', 2], ['b', 2], ['d', 2]]);
  assert.deepEqual(m1.sortedEntries(), m2.sortedEntries());
});

test('TSV round-trips any words (tabs, newlines, backslashes) and big counts', () => {
  fc.assert(fc.property(fc.array(fc.tuple(fc.string({ minLength: 1 }), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER })), { maxLength: 20 }), (entries) => {
    const uniq = new Map(entries);
    const c = WordCounts.from(uniq);
    const { counts, meta } = parseWordCountsTsv(wordCountsToTsv(c, { unit: 'line' }));
    assert.deepEqual(counts.sortedEntries(), c.sortedEntries());
    assert.deepEqual(meta, { unit: 'line' });
  }));
});

test('saveWordCounts/loadWordCounts stream through a file and merge into existing counts', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tl-wc-'));
  const c = WordCounts.from([['a\tb', 3], ['\\n', 2 ** 40], ['Ċ', 1]]);
  await saveWordCounts(join(dir, 'c.tsv'), c, { splitter: { preTokenizer: null } });
  const into = WordCounts.from([['Ċ', 4]]);
  const { counts, meta } = await loadWordCounts(join(dir, 'c.tsv'), into);
  assert.equal(counts.get('a\tb'), 3);
  assert.equal(counts.get('\\n'), 2 ** 40);
  assert.equal(counts.get('Ċ'), 5);
  assert.deepEqual(meta, { splitter: { preTokenizer: null } });
});

test('TSV errors name the file and line', async () => {
  assert.throws(() => parseWordCountsTsv('a\t1\nb\tx\n', 'c.tsv'), /c\.tsv:line 2: count "x"/);
  assert.throws(() => parseWordCountsTsv('no-tab\n', 'c.tsv'), /line 1: expected/);
  assert.throws(() => parseWordCountsTsv('a\\q\t1\n', 'c.tsv'), /bad escape/);
  assert.throws(() => parseWordCountsTsv('a\t99999999999999999\n', 'c.tsv'), /above 2\^53/);
  const dir = mkdtempSync(join(tmpdir(), 'tl-wc-'));
  writeFileSync(join(dir, 'bad.tsv'), 'a\t1\n# comment\n');
  await assert.rejects(loadWordCounts(join(dir, 'bad.tsv')), /bad\.tsv:line 2: unexpected comment/);
  await assert.rejects(loadWordCounts(join(dir, 'missing.tsv')), TokenlabError);
});

// The byte-keyed table behind WordCounts (word-table.ts) against a Map model: any JS string (lone
// surrogates included) keeps its identity, counts sum, insertion order is kept, trimming changes nothing.
const anyString = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', 'b', 'é', 'Ġ', '語', '😀', '\ud800', '\udc00', '\u0000', '\t'), maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
);

test('WordCounts equals a Map model for any strings (lone surrogates, NUL, astral chars)', () => {
  fc.assert(fc.property(fc.array(fc.tuple(anyString, fc.integer({ min: 0, max: 1000 })), { maxLength: 60 }), fc.integer({ min: 0, max: 59 }), (adds, trimAt) => {
    const model = new Map<string, number>();
    const c = new WordCounts();
    let total = 0;
    adds.forEach(([w, n], i) => {
      if (i === trimAt) c.trim();
      model.set(w, (model.get(w) ?? 0) + n);
      c.add(w, n);
      total += n;
    });
    assert.deepEqual([...c.entries()], [...model.entries()]);
    assert.equal(c.size, model.size);
    assert.equal(c.total, total);
    for (const [w, n] of model) assert.equal(c.get(w), n);
    assert.equal(c.get('never added \ud801'), 0);
    assert.equal(c.longestWord(), Math.max(0, ...[...model.keys()].map((w) => w.length)));
  }));
});

test('addPacked adds the same words as add, and merge(WordCounts) sums', () => {
  const words = ['Ġthe', 'a', 'Ġthe', '語😀', ''];
  const enc = new TextEncoder();
  const parts = words.map((w) => enc.encode(w));
  const bytes = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  const ends = new Int32Array(words.length);
  let at = 0;
  parts.forEach((p, i) => { bytes.set(p, at); at += p.length; ends[i] = at; });
  const counts = Float64Array.from([3, 1, 2, 5, 7]);
  const packed = new WordCounts();
  packed.addPacked({ bytes, ends, counts });
  const plain = new WordCounts();
  words.forEach((w, i) => plain.add(w, counts[i]));
  assert.deepEqual([...packed.entries()], [...plain.entries()]);
  assert.deepEqual([...packed.entries()], [['Ġthe', 5], ['a', 1], ['語😀', 5], ['', 7]]);
  const sum = new WordCounts().merge(packed).merge(plain);
  assert.equal(sum.get('Ġthe'), 10);
  assert.equal(sum.total, 2 * packed.total);
});

test('packed batch counts (PieceCounter, no strings) equal the Map path, fast and generic splitters', async () => {
  const { createWordSplitter } = await import('../../src/train/counting/word-splitter.js');
  const { countBatch, countBatchPacked } = await import('../../src/train/counting/count-batch.js');
  const { byteLevelPreTokenizerJSON } = await import('../../src/train/bpe/bpe-tokenizer-json.js');
  const gpt2 = byteLevelPreTokenizerJSON('gpt2');
  const configs = [
    { preTokenizer: gpt2 },
    { preTokenizer: { type: 'Sequence', pretokenizers: [{ type: 'Sequence', pretokenizers: [gpt2] }] } }, // forces the generic path
    { preTokenizer: { type: 'Whitespace' } }, // generic, not byte-level: words keep lone surrogates
  ];
  const text = fc.string({ unit: fc.constantFrom('a', 'é', ' ', '\n', '語', '😀', '\ud800', '\udc00', '12', "'s", '.'), maxLength: 60 });
  for (const cfg of configs) {
    const splitter = createWordSplitter(cfg);
    fc.assert(fc.property(fc.array(text, { maxLength: 4 }), (units) => {
      const viaMap = countBatch(splitter, { units });
      const packed = new WordCounts();
      packed.addPacked(countBatchPacked(splitter, { units }));
      const model = new Map<string, number>();
      viaMap.words.forEach((w, i) => model.set(w, (model.get(w) ?? 0) + viaMap.counts[i]!));
      assert.deepEqual([...packed.entries()].sort(), [...model.entries()].sort());
    }), { numRuns: 100 });
  }
});
