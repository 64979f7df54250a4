import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readUdhr, readUdhrUnits } from '../../src/corpus/udhr.js';
import { udhrCorpus } from '../../src/corpus/udhr-corpus.js';
import { floresCorpus } from '../../src/corpus/flores.js';
import { chunkText, textDirCorpus } from '../../src/corpus/text-dir.js';
import { selectDocs, unknownLanguageMessage, withDocs } from '../../src/corpus/corpus.js';
import { readSigmorphon, sigmorphonLanguages } from '../../src/corpus/sigmorphon.js';
import { sharedData, skipWithoutSharedData } from '../support/paths.js';

test('UDHR units: title, preamble, 30 articles, and they make up the whole text', () => {
  const u = readUdhrUnits('eng');
  assert.deepEqual(u.map((x) => x[0]), ['title', 'preamble', ...Array.from({ length: 30 }, (_, i) => String(i + 1))]);
  assert.match(u[2]![1], /^Article 1\nAll human beings are born free/);
  for (const code of ['eng', '009', 'amc', 'cmn_hans']) assert.equal(readUdhrUnits(code).map((x) => x[1]).join('\n'), readUdhr(code), code);
  assert.throws(() => readUdhrUnits('nope'), /unknown UDHR code "nope"/);
});

test('selecting languages: codes, ISO 639-3, unknown codes, the reference is added', () => {
  const c = udhrCorpus();
  assert.ok(c.docs.length >= 500);
  const sel = selectDocs(c, ['fra', 'deu', 'xyz']);
  assert.deepEqual(sel.docs.map((d) => d.code), ['fra', 'deu_1901']);
  assert.deepEqual(sel.unknown, ['xyz']);
  assert.match(unknownLanguageMessage(c, sel.unknown), /^udhr: unknown language code "xyz" \(\d+ codes, e\.g\. eng, /);
  assert.deepEqual(withDocs(c, sel.docs).docs.map((d) => d.code), ['eng', 'fra', 'deu_1901']);
});

test('text folder corpus: files, chunks, parallel lines, reference', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tokenlab-textdir-'));
  try {
    writeFileSync(join(dir, 'eng.txt'), 'one\ntwo\n');
    writeFileSync(join(dir, 'fra.txt'), 'un\ndeux\n');
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'notes.md'), 'hello');
    writeFileSync(join(dir, '.hidden'), 'x');
    const c = textDirCorpus(dir, { parallel: true });
    assert.deepEqual(c.docs.map((d) => d.code), ['eng', 'fra', 'sub/notes']);
    assert.equal(c.reference, 'eng');
    assert.equal(c.docs[1]!.name, 'French');
    assert.deepEqual(c.docs[1]!.units(), [['line:1', 'un'], ['line:2', 'deux']]);
    assert.deepEqual(textDirCorpus(dir).docs[0]!.units(), [['chunk:1', 'one\ntwo\n']]);
    assert.throws(() => textDirCorpus(join(dir, 'missing')), /corpus folder not found: .*missing \(expected udhr, flores or a folder of text files\)/);
    assert.throws(() => textDirCorpus(dir, { reference: 'deu' }), /reference document "deu" is not in/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.deepEqual(chunkText('aaaa\nbbbb\ncccc', 3), ['aaaa\n', 'bbbb\n', 'cccc']);
  assert.deepEqual(chunkText('aaaa\n bbbb', 3), ['aaaa\n bbbb']); // never cut before whitespace
});

test('FLORES corpus from a folder; a missing folder is one clear error', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tokenlab-flores-'));
  try {
    mkdirSync(join(dir, 'dev'));
    writeFileSync(join(dir, 'dev', 'eng_Latn.dev'), 'Hello.\nBye.\n');
    writeFileSync(join(dir, 'dev', 'rus_Cyrl.dev'), 'Привет.\nПока.\n');
    const c = floresCorpus(dir);
    assert.equal(c.reference, 'eng_Latn');
    assert.deepEqual(c.docs.map((d) => [d.code, d.iso6393, d.script, d.name]), [['eng_Latn', 'eng', 'Latn', 'English'], ['rus_Cyrl', 'rus', 'Cyrl', 'Russian']]);
    assert.deepEqual(c.docs[1]!.units(), [['dev:1', 'Привет.'], ['dev:2', 'Пока.']]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.throws(() => floresCorpus('/no/such/flores'), /FLORES-200 not found at \/no\/such\/flores \(expected dev\/ and devtest\/ folders; pass --flores DIR\)/);
});

test('FLORES-200 and SIGMORPHON from the shared data', { skip: skipWithoutSharedData('flores200') }, () => {
  const c = floresCorpus(join(sharedData, 'flores200'));
  assert.equal(c.docs.length, 205);
  const eng = c.docs.find((d) => d.code === 'eng_Latn')!.units();
  assert.equal(eng.length, 997 + 1012);
  assert.ok(sigmorphonLanguages(join(sharedData, 'sigmorphon2022')).includes('eng'));
  const gold = readSigmorphon(join(sharedData, 'sigmorphon2022'), 'eng', 10);
  assert.equal(gold.length, 10);
  assert.ok(gold.every((g) => g.morphs.length >= 1));
});
