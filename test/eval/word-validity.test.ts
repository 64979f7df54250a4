import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenKeys, wordValidity, type LanguageValidator } from '../../src/eval/word-validity.js';
import { dicStems, loadHunspellValidator } from '../../src/eval/hunspell-validator.js';

test('%valid / %pure over unique keys (Turkish procedure) by hand', () => {
  const roots = new Map([['ev', 'ev'], ['evler', 'ev'], ['gel', 'gel']]);
  const v: LanguageValidator = { language: 'tur', source: 'toy', isValidWord: (w) => roots.has(w), rootOf: (w) => roots.get(w) };
  const tokens = new Set([' ev', 'ev', 'ler', ' gel', ' ', 'evler', '.']);
  assert.deepEqual([...tokenKeys(tokens)].sort(), ['.', 'ev', 'evler', 'gel', 'ler']);
  const r = wordValidity(tokens, v);
  assert.equal(r.uniqueTokens, 7);
  assert.equal(r.keys, 5);
  assert.equal(r.valid, 3); // ev, evler, gel
  assert.equal(r.pure, 2); // ev, gel (evler's root is ev)
  assert.equal(r.validShare, 0.6);
  assert.equal(r.pureShare, 0.4);
  assert.equal(r.variant, 'unique');
});

test('hunspell .dic stems', () => {
  assert.deepEqual([...dicStems('4\nhouse/SM\nrun/S\nC\\/C++\ncat po:noun\n')], ['house', 'run', 'C/C++', 'cat']);
});

test('hunspell validator from dictionary-en', async () => {
  const v = await loadHunspellValidator('eng');
  assert.equal(v.isValidWord('house'), true);
  assert.equal(v.isValidWord('houses'), true); // through an affix rule
  assert.equal(v.isValidWord('xqzt'), false);
  assert.equal(v.isValidWord('123'), false);
  assert.equal(v.rootOf('house'), 'house');
  assert.equal(v.rootOf('houses'), undefined); // not a stem: decomposable
  const r = wordValidity(new Set([' house', 'houses', 'ing', ',']), v);
  assert.deepEqual([r.keys, r.valid, r.pure], [4, 2, 1]);
  await assert.rejects(loadHunspellValidator('xxx'), /no hunspell dictionary for language "xxx"/);
});
