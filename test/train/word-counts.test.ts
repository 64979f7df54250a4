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
