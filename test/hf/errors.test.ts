/**
 * Malformed or unsupported tokenizer.json files are rejected with a TokenlabError that names the
 * JSON path (or file, line and column for invalid JSON) — never a silent fallback.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Tokenizer, loadTokenizerFile } from '../../src/pipeline/index.js';
import { TokenlabError } from '../../src/core/errors.js';

function base(): Record<string, any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  return {
    version: '1.0', truncation: null, padding: null, added_tokens: [], normalizer: null,
    pre_tokenizer: { type: 'Sequence', pretokenizers: [{ type: 'Whitespace' }, { type: 'Digits', individual_digits: true }] },
    post_processor: null, decoder: null,
    model: { type: 'BPE', dropout: null, unk_token: null, vocab: { a: 0, b: 1, ab: 2 }, merges: ['a b'] },
  };
}

function rejects(mutate: (j: Record<string, any>) => void, message: RegExp): void { // eslint-disable-line @typescript-eslint/no-explicit-any
  const j = base();
  mutate(j);
  assert.throws(() => Tokenizer.fromJSON(j), (e: unknown) => {
    assert.ok(e instanceof TokenlabError, `expected a TokenlabError, got ${String(e)}`);
    assert.match(e.message, message);
    return true;
  });
}

test('the base document loads and encodes', () => {
  assert.deepEqual(Tokenizer.fromJSON(base()).encode('ab a').ids, [2, 0]);
});

test('a model without "type" is recognized by its fields, as HF does', () => {
  const kinds: [Record<string, unknown>, string][] = [
    [{ vocab: { a: 0, b: 1, ab: 2 }, merges: ['a b'] }, 'BPE'],
    [{ vocab: { a: 0 }, unk_token: 'a', continuing_subword_prefix: '##', max_input_chars_per_word: 9 }, 'WordPiece'],
    [{ vocab: { a: 0 }, unk_token: 'a', max_input_chars_per_word: 5 }, 'WordLevel'],
    [{ vocab: [['a', 0]], unk_id: 0 }, 'Unigram'],
  ];
  for (const [model, type] of kinds) {
    const j = base();
    j.model = model;
    assert.equal(Tokenizer.fromJSON(j).model.type, type, JSON.stringify(model));
  }
});

test('unknown component types name their JSON path', () => {
  rejects((j) => { j.pre_tokenizer.pretokenizers.push({ type: 'Foo' }); }, /^pre_tokenizer\.pretokenizers\[2\]\.type: unknown type "Foo"/);
  rejects((j) => { j.decoder = { type: 'Sequence', decoders: [{ type: 'Fuse' }, { type: 'Bar' }] }; }, /^decoder\.decoders\[1\]\.type: unknown type "Bar"/);
  rejects((j) => { j.post_processor = { type: 'Nope' }; }, /^post_processor\.type: unknown type "Nope"/);
  rejects((j) => { j.model.type = 'Magic'; }, /^model\.type: unknown type "Magic"/);
  rejects((j) => { j.model = { vocab: { a: 0 }, continuing_subword_prefix: '##' }; }, /^model\.type: missing/);
  rejects((j) => { j.foo = 1; }, /^foo: unknown top-level field/);
});

test('model fields are validated with their paths', () => {
  rejects((j) => { j.model.dropout = 0.1; }, /^model\.dropout: BPE dropout is not supported/);
  rejects((j) => { j.model.merges = ['a b', 'a c']; }, /^model\.merges\[1\]: merge part "c" is not in the vocabulary/);
  rejects((j) => { j.model.merges = ['ab']; }, /^model\.merges\[0\]: merge "ab" has no space/);
  rejects((j) => { j.model.merges = [['a', 'b', 'c']]; }, /^model\.merges\[0\]: expected a string "a b" or a \[a, b\] pair/);
  rejects((j) => { j.model.vocab.b = -1; }, /^model\.vocab\["b"\]: expected a non-negative integer/);
  rejects((j) => { j.model = { type: 'Unigram', vocab: [['a', 'x']], unk_id: 0 }; }, /^model\.vocab\[0\]\[1\]: expected a number/);
  rejects((j) => { j.model = { type: 'Unigram', vocab: [['a', -1]], unk_id: 3 }; }, /^model\.unk_id: unk_id 3 is outside the vocabulary/);
  rejects((j) => { j.version = '2.0'; }, /^version: unknown tokenizer version "2\.0"/);
});

test('post-processors, decoders, added tokens, truncation and padding are validated', () => {
  rejects((j) => {
    j.post_processor = { type: 'TemplateProcessing', single: [{ SpecialToken: { id: '<s>', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }], pair: [{ Sequence: { id: 'A', type_id: 0 } }, { Sequence: { id: 'B', type_id: 1 } }], special_tokens: {} };
  }, /^post_processor\.single: missing SpecialToken with id "<s>"/);
  rejects((j) => {
    j.post_processor = { type: 'TemplateProcessing', single: [{ Sequence: { id: 'A', type_id: 0 } }], pair: [{ Sequence: { id: 'A', type_id: 0 } }], special_tokens: {} };
  }, /^post_processor\.pair: Template for `pair` must use both sequences/);
  rejects((j) => { j.decoder = { type: 'Strip', content: 'ab', start: 1, stop: 0 }; }, /^decoder\.content: expected a single character/);
  rejects((j) => { j.decoder = { type: 'Replace', pattern: { Glob: '*' }, content: '' }; }, /^decoder\.pattern: expected \{"String": …\} or \{"Regex": …\}/);
  rejects((j) => { j.added_tokens = [{ id: 5, content: 7 }]; }, /^added_tokens\[0\]\.content: expected a string/);
  rejects((j) => { j.added_tokens = [{ id: 5, content: 'x', lstrip: false }]; }, /^added_tokens\[0\]\.single_word: missing required field/);
  rejects((j) => { j.truncation = { max_length: 5, strategy: 'Shortest' }; }, /^truncation\.strategy: expected one of LongestFirst, OnlyFirst, OnlySecond/);
  rejects((j) => { j.padding = { strategy: 'Longest' }; }, /^padding\.strategy: expected "BatchLongest" or \{"Fixed": n\}/);
  rejects((j) => { j.truncation = { max_length: 4, stride: 5 }; }, /^truncation\.stride: stride 5 is greater than the effective max length 4/);
});

test('loadTokenizerFile: missing file, invalid JSON with line and column, malformed content', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tokenlab-load-'));
  try {
    assert.throws(() => loadTokenizerFile(join(dir, 'nope.json')), /nope\.json: cannot read tokenizer: no such file/);
    assert.throws(() => loadTokenizerFile(dir), /is a directory/);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{\n  "version": "1.0",\n  "model": {,}\n}');
    assert.throws(() => loadTokenizerFile(bad), (e: unknown) => {
      assert.ok(e instanceof TokenlabError);
      assert.equal(e.location.line, 3);
      assert.match(e.message, /bad\.json:line 3: invalid JSON at column 13/);
      return true;
    });
    const malformed = join(dir, 'malformed.json');
    const j = base();
    j.model.dropout = 0.5;
    writeFileSync(malformed, JSON.stringify(j));
    assert.throws(() => loadTokenizerFile(malformed), /malformed\.json: model\.dropout: BPE dropout is not supported/);
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify(base()));
    assert.deepEqual(loadTokenizerFile(good).encode('ab').ids, [2]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
