/**
 * Property: reading and converting a `.model` never crashes on damaged bytes. Truncations, byte
 * flips, insertions, deletions and pure noise either parse (protobuf is forgiving) or throw a
 * TokenlabError that carries a location — never a RangeError, TypeError or protobufjs error.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TokenlabError } from '../../src/core/errors.js';
import { sentencePieceToTokenizerJSON } from '../../src/formats/sentencepiece/index.js';
import { encodeModel, withSpecials } from './build-model.js';

const normal: [string, number][] = ['▁the', '▁a', 'ing', '▁中', 'é', '🙂', 's', 't', 'h', 'e', '▁'].map((p, i) => [p, -1 - i]);

const VALID = [
  encodeModel({
    pieces: [...withSpecials(normal), { piece: '<0x41>', type: 'BYTE' }, { piece: '<mask>', type: 'USER_DEFINED' }],
    trainer_spec: { model_type: 2, vocab_size: 16, byte_fallback: true, split_digits: true, user_defined_symbols: ['<mask>'], unk_surface: ' ? ' },
    normalizer_spec: { name: 'nmt_nfkc', precompiled_charsmap: new Uint8Array(64).map((_, i) => (i * 37) & 255), add_dummy_prefix: true },
  }),
  encodeModel({ pieces: withSpecials(normal), trainer_spec: { model_type: 1 } }),
];

/** Parses and converts; returns 'ok' or 'rejected', rethrows anything that is not a located TokenlabError. */
function outcome(bytes: Uint8Array): 'ok' | 'rejected' {
  try {
    sentencePieceToTokenizerJSON(bytes, { file: 'fuzz.model' });
    return 'ok';
  } catch (e) {
    if (!(e instanceof TokenlabError)) throw e;
    assert.match(e.message, /^fuzz\.model/, 'error names the file');
    assert.ok(e.location.path !== undefined || e.location.byteOffset !== undefined, `error has no location: ${e.message}`);
    return 'rejected';
  }
}

const model = fc.constantFrom(...VALID);

describe('corrupted SentencePiece model bytes', () => {
  it('truncation at any length', () => {
    fc.assert(fc.property(model, fc.nat(), (bytes, n) => {
      outcome(bytes.subarray(0, n % (bytes.length + 1)));
    }), { numRuns: 300 });
  });

  it('random byte overwrites, insertions and deletions', () => {
    const edit = fc.record({ at: fc.nat(), kind: fc.constantFrom('set', 'insert', 'delete'), value: fc.integer({ min: 0, max: 255 }) });
    fc.assert(fc.property(model, fc.array(edit, { minLength: 1, maxLength: 6 }), (bytes, edits) => {
      const b = [...bytes];
      for (const e of edits) {
        const at = e.at % (b.length + 1);
        if (e.kind === 'set' && at < b.length) b[at] = e.value;
        else if (e.kind === 'insert') b.splice(at, 0, e.value);
        else b.splice(at, 1);
      }
      outcome(Uint8Array.from(b));
    }), { numRuns: 400 });
  });

  it('pure noise', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
      outcome(bytes);
    }), { numRuns: 300 });
  });

  it('the undamaged models convert (so the properties above exercise real parses)', () => {
    for (const bytes of VALID) assert.equal(outcome(bytes), 'ok');
  });
});
