/**
 * The incremental encoder (src/formats/tiktoken/incremental-encoder.ts, used by the playground) must give exactly the ids
 * and offsets of one `encodeWithOffsets` call on the whole text, for every built-in encoding, on
 * real multilingual text and on random strings built from the characters that matter at chunk
 * boundaries (newlines, spaces, '/', punctuation, letters, digits, apostrophes, special tokens).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { getEncoding } from '../../src/index.js';
import { readUdhr } from '../../src/corpus/udhr.js';
import { IncrementalEncoder, chunkStarts } from '../../src/formats/tiktoken/incremental-encoder.js';

const NAMES = ['r50k_base', 'p50k_base', 'cl100k_base', 'o200k_base'];
const udhrText = ['eng', 'fra', 'rus', 'cmn_hans', 'hin'].map((c) => readUdhr(c)).join('\n\n');

test('chunks of a paragraph text are many and non-trivial', () => {
  const starts = chunkStarts(udhrText, 512, true);
  assert.ok(starts.length > 10, `only ${starts.length} chunks`);
  assert.equal(starts[0], 0);
  for (let k = 1; k < starts.length; k++) assert.equal(udhrText[starts[k]! - 1], '\n');
  assert.ok(chunkStarts(udhrText, 1, false).length < chunkStarts(udhrText, 1, true).length, 'the r50k rule must be stricter');
});

for (const name of NAMES) {
  const enc = getEncoding(name);
  test(`${name}: chunked = whole-text encoding on UDHR text, before and after edits`, () => {
    const ce = new IncrementalEncoder(enc, { allowedSpecial: 'all' }, 256);
    let text = udhrText;
    assert.deepEqual(ce.encode(text), enc.encodeWithOffsets(text, { allowedSpecial: 'all' }));
    const firstMisses = ce.lastMisses;
    for (const [at, ins] of [[5000, 'x'], [5001, '\n\n'], [12000, ' /a'], [20, '<|endoftext|>']] as const) {
      text = text.slice(0, at) + ins + text.slice(at);
      assert.deepEqual(ce.encode(text), enc.encodeWithOffsets(text, { allowedSpecial: 'all' }));
      assert.ok(ce.lastMisses <= 3, `an edit re-encoded ${ce.lastMisses} of ${firstMisses} chunks`);
    }
  });

  test(`${name}: chunked = whole-text encoding on random boundary-heavy strings`, () => {
    const atoms = ['\n', '\n', '\r\n', ' ', '  ', '\t', '/', '.', ',', "'s", "'", 'a', 'Hello', 'é', '中', '7', '123', '🎉', '<|endoftext|>', '\u00a0'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...atoms), { maxLength: 80 }), (parts) => {
      const text = parts.join('');
      const ce = new IncrementalEncoder(enc, { allowedSpecial: 'all' }, 1);
      assert.deepEqual(ce.encode(text), enc.encodeWithOffsets(text, { allowedSpecial: 'all' }));
      const plain = new IncrementalEncoder(enc, { disallowedSpecial: [] }, 1);
      assert.deepEqual(plain.encode(text), enc.encodeWithOffsets(text, { disallowedSpecial: [] }));
    }), { numRuns: 300 });
  });
}

test('an encoding with another pattern is encoded whole (the chunking argument is only made for the built-in patterns)', () => {
  const o200k = getEncoding('o200k_base');
  const seen: string[] = [];
  const custom = {
    pattern: '\\S+|\\s+',
    encodeWithOffsets(text: string, opts?: object) { seen.push(text); return o200k.encodeWithOffsets(text, opts); },
  };
  const inc = new IncrementalEncoder(custom, {}, 16);
  const text = 'line one\nline two\nline three\n'.repeat(20);
  assert.deepEqual(inc.encode(text), o200k.encodeWithOffsets(text));
  assert.deepEqual(seen, [text]);
});
