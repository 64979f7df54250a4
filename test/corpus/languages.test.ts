import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dominantScript, languageNameOf, parseFloresCode, scriptName, scriptOf } from '../../src/corpus/languages.js';

test('scripts of characters and texts', () => {
  assert.equal(scriptOf('a'.codePointAt(0)!), 'Latn');
  assert.equal(scriptOf('ж'.codePointAt(0)!), 'Cyrl');
  assert.equal(scriptOf('中'.codePointAt(0)!), 'Hani');
  assert.equal(scriptOf(' '.codePointAt(0)!), 'Zyyy');
  assert.equal(scriptOf(0x0301), 'Zinh');
  assert.equal(dominantScript('Привет, world!'), 'Cyrl');
  assert.equal(dominantScript('日本語のテキストです'), 'Jpan');
  assert.equal(dominantScript('한국어 텍스트'), 'Kore');
  assert.equal(dominantScript('12 34 !!'), 'Zyyy');
  assert.equal(scriptName('Cans'), 'Canadian Aboriginal');
});

test('language names and FLORES codes', () => {
  assert.equal(languageNameOf('fra'), 'French');
  assert.equal(languageNameOf('zzz'), undefined);
  assert.deepEqual(parseFloresCode('zho_Hans'), { iso6393: 'zho', script: 'Hans' });
  assert.equal(parseFloresCode('english'), undefined);
});
