/**
 * Serialization: for every normalizer and pre-tokenizer, toJSON() is exactly what HF writes for the
 * same component (field names, defaults and order: compared as JSON text against the native
 * binding's Tokenizer.save), fromJSON(toJSON(x)) round-trips, and bad input is rejected with a
 * TokenlabError naming the JSON path.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { TokenlabError } from '../../src/core/errors.js';
import { Registry } from '../../src/core/registry.js';
import { NORMALIZERS, normalizerFromJSON } from '../../src/normalize/index.js';
import { PRE_TOKENIZERS, preTokenizerFromJSON } from '../../src/pretokenize/index.js';
import { hfTokenizer } from './hf-helpers.js';

const charsmap = readFileSync(new URL('./fixtures/nmt_nfkc.charsmap.b64', import.meta.url), 'utf8').trim();

const NORMALIZER_JSON: Record<string, unknown>[] = [
  { type: 'NFC' },
  { type: 'NFD' },
  { type: 'NFKC' },
  { type: 'NFKD' },
  { type: 'Lowercase' },
  { type: 'Strip', strip_left: true, strip_right: false },
  { type: 'StripAccents' },
  { type: 'Replace', pattern: { String: ' ' }, content: '\u2581' },
  { type: 'Replace', pattern: { Regex: '\\s+' }, content: ' ' },
  { type: 'Prepend', prepend: '\u2581' },
  { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: false, strip_accents: null, lowercase: true },
  { type: 'BertNormalizer', clean_text: false, handle_chinese_chars: true, strip_accents: true, lowercase: false },
  { type: 'Precompiled', precompiled_charsmap: charsmap },
  { type: 'ByteLevel' },
  { type: 'Nmt' },
  { type: 'Sequence', normalizers: [{ type: 'NFD' }, { type: 'Sequence', normalizers: [{ type: 'StripAccents' }] }] },
];

const PRE_TOKENIZER_JSON: Record<string, unknown>[] = [
  { type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: false },
  { type: 'Split', pattern: { Regex: '\\p{N}{1,3}' }, behavior: 'Isolated', invert: false },
  { type: 'Split', pattern: { String: ' ' }, behavior: 'MergedWithPrevious', invert: true },
  { type: 'Whitespace' },
  { type: 'WhitespaceSplit' },
  { type: 'Metaspace', replacement: '\u2581', prepend_scheme: 'first', split: false },
  { type: 'Punctuation', behavior: 'Contiguous' },
  { type: 'Digits', individual_digits: true },
  { type: 'BertPreTokenizer' },
  { type: 'UnicodeScripts' },
  { type: 'CharDelimiterSplit', delimiter: '|' },
  { type: 'FixedLength', length: 7 },
  { type: 'Sequence', pretokenizers: [{ type: 'WhitespaceSplit' }, { type: 'Digits', individual_digits: false }] },
];

/** What HF writes back for a component after loading it. */
function hfSerialized(kind: 'normalizer' | 'pre_tokenizer', json: Record<string, unknown>): string {
  const tk = kind === 'normalizer' ? hfTokenizer(json, null) : hfTokenizer(null, json);
  const file = join(mkdtempSync(join(tmpdir(), 'tokenlab-hf-')), 'tokenizer.json');
  tk.save(file);
  return JSON.stringify(JSON.parse(readFileSync(file, 'utf8'))[kind]);
}

test('every registered component type is covered here', () => {
  assert.deepEqual(new Set(NORMALIZER_JSON.map((j) => j['type'])), new Set(NORMALIZERS.map((c) => c.type)));
  assert.deepEqual(new Set(PRE_TOKENIZER_JSON.map((j) => j['type'])), new Set(PRE_TOKENIZERS.map((c) => c.type)));
});

test('normalizers: toJSON equals HF serialization (text, so field order too) and round-trips', () => {
  for (const json of NORMALIZER_JSON) {
    const n = normalizerFromJSON(json);
    assert.equal(JSON.stringify(n.toJSON()), hfSerialized('normalizer', json), String(json['type']));
    assert.deepEqual(normalizerFromJSON(n.toJSON()).toJSON(), n.toJSON());
  }
});

test('pre-tokenizers: toJSON equals HF serialization (text, so field order too) and round-trips', () => {
  for (const json of PRE_TOKENIZER_JSON) {
    const p = preTokenizerFromJSON(json);
    assert.equal(JSON.stringify(p.toJSON()), hfSerialized('pre_tokenizer', json), String(json['type']));
    assert.deepEqual(preTokenizerFromJSON(p.toJSON()).toJSON(), p.toJSON());
  }
});

test('legacy and defaulted fields are read as HF reads them', () => {
  const legacy = { type: 'Metaspace', replacement: '_', add_prefix_space: true, str_rep: '_' };
  assert.equal(JSON.stringify(preTokenizerFromJSON(legacy).toJSON()), hfSerialized('pre_tokenizer', legacy));
  const never = { type: 'Metaspace', replacement: '_', add_prefix_space: false, prepend_scheme: 'never' };
  assert.equal(JSON.stringify(preTokenizerFromJSON(never).toJSON()), hfSerialized('pre_tokenizer', never));
  const bert = { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, lowercase: false };
  assert.equal(JSON.stringify(normalizerFromJSON(bert).toJSON()), hfSerialized('normalizer', bert));
  const punct = { type: 'Punctuation' };
  assert.equal(JSON.stringify(preTokenizerFromJSON(punct).toJSON()), hfSerialized('pre_tokenizer', punct));
  const bl = { type: 'ByteLevel', add_prefix_space: true, trim_offsets: false };
  assert.equal(JSON.stringify(preTokenizerFromJSON(bl).toJSON()), hfSerialized('pre_tokenizer', bl));
});

function rejects(f: () => unknown, message: string): void {
  assert.throws(f, (e: unknown) => {
    assert.ok(e instanceof TokenlabError, `expected TokenlabError, got ${String(e)}`);
    assert.equal(e.message, message);
    return true;
  });
}

test('bad input names the JSON path', () => {
  rejects(
    () => normalizerFromJSON({ type: 'Sequence', normalizers: [{ type: 'NFC' }, { type: 'Foo' }] }),
    'normalizer.normalizers[1].type: unknown type "Foo" (expected one of NFC, NFD, NFKC, NFKD, Lowercase, Strip, StripAccents, Replace, Prepend, BertNormalizer, Precompiled, ByteLevel, Nmt, Sequence)',
  );
  rejects(() => normalizerFromJSON({ type: 'NFC', foo: 1 }), 'normalizer.foo: unknown field "foo" (allowed: none)');
  rejects(() => normalizerFromJSON({ type: 'Strip', strip_left: true }), 'normalizer.strip_right: expected a boolean, got undefined');
  rejects(() => normalizerFromJSON([]), 'normalizer: expected an object, got an array');
  rejects(() => normalizerFromJSON({ normalizers: [] }), 'normalizer.type: missing or non-string "type" (expected one of NFC, NFD, NFKC, NFKD, Lowercase, Strip, StripAccents, Replace, Prepend, BertNormalizer, Precompiled, ByteLevel, Nmt, Sequence)');
  rejects(() => normalizerFromJSON({ type: 'Replace', pattern: { Regex: 'a', String: 'b' }, content: '' }), 'normalizer.pattern: expected exactly one of "String" or "Regex", got fields ["Regex","String"]');
  rejects(
    () => preTokenizerFromJSON({ type: 'Sequence', pretokenizers: [{ type: 'Split', pattern: { Regex: '[[:alpha:]]' }, behavior: 'Isolated', invert: false }] }),
    'pre_tokenizer.pretokenizers[0].pattern.Regex: unsupported regex construct POSIX bracket in "[[:alpha:]]"',
  );
  rejects(
    () => preTokenizerFromJSON({ type: 'Split', pattern: { String: 'a' }, behavior: 'isolated', invert: false }),
    'pre_tokenizer.behavior: expected one of Removed, Isolated, MergedWithPrevious, MergedWithNext, Contiguous, got string "isolated"',
  );
  rejects(() => preTokenizerFromJSON({ type: 'Metaspace', replacement: '_', add_prefix_space: false }), 'pre_tokenizer.add_prefix_space: add_prefix_space false does not match prepend_scheme "always"');
  rejects(() => preTokenizerFromJSON({ type: 'CharDelimiterSplit', delimiter: 'ab' }), 'pre_tokenizer.delimiter: expected a single character, got "ab"');
  rejects(() => preTokenizerFromJSON({ type: 'FixedLength', length: 0 }), 'pre_tokenizer.length: length must be at least 1 (HF panics on 0)');
  rejects(() => preTokenizerFromJSON({ type: 'Digits', individual_digits: 'yes' }), 'pre_tokenizer.individual_digits: expected a boolean, got string "yes"');
});

test('a registry refuses duplicate types', () => {
  assert.throws(() => new Registry('normalizer', [{ type: 'NFC' }, { type: 'NFC' }]), /duplicate normalizer type "NFC"/);
});
