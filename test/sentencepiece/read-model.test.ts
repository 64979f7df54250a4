/**
 * readSentencePieceModel: proto2 defaults, unknown fields, and every rejection naming its file,
 * field path and byte offset.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TokenlabError } from '../../src/core/errors.js';
import { readSentencePieceModel } from '../../src/formats/sentencepiece/index.js';
import { encodeModel, lengthDelimited, raw, tag, withSpecials } from './build-model.js';

const PIECES = withSpecials([['▁a', -1], ['b', -2]]);

function rejects(bytes: Uint8Array, expect: { path?: string | RegExp; byteOffset?: number; message: RegExp }): void {
  assert.throws(() => readSentencePieceModel(bytes, { file: 'x.model' }), (e: unknown) => {
    assert.ok(e instanceof TokenlabError, `expected TokenlabError, got ${String(e)}`);
    assert.match(e.message, /^x\.model/);
    assert.match(e.message, expect.message);
    if (typeof expect.path === 'string') assert.equal(e.location.path, expect.path);
    else if (expect.path) assert.match(e.location.path ?? '', expect.path);
    if (expect.byteOffset !== undefined) assert.equal(e.location.byteOffset, expect.byteOffset);
    return true;
  });
}

/** One piece message body: piece string, score float, type varint. */
function pieceBody(piece: string, score: number, type: number): Uint8Array {
  return raw((w) => w.uint32(tag(1, 2)).string(piece).uint32(tag(2, 5)).float(score).uint32(tag(3, 0)).int32(type));
}

describe('readSentencePieceModel', () => {
  it('reads pieces, scores and types in id order', () => {
    const m = readSentencePieceModel(encodeModel({ pieces: PIECES }));
    assert.deepEqual(m.pieces, [
      { piece: '<unk>', score: 0, type: 'UNKNOWN' },
      { piece: '<s>', score: 0, type: 'CONTROL' },
      { piece: '</s>', score: 0, type: 'CONTROL' },
      { piece: '▁a', score: -1, type: 'NORMAL' },
      { piece: 'b', score: -2, type: 'NORMAL' },
    ]);
  });

  it('gives a piece without score or type the proto2 defaults (0, NORMAL)', () => {
    const bytes = raw((w) => { lengthDelimited(w, 1, pieceBody('<unk>', 0, 2)); lengthDelimited(w, 1, raw((p) => p.uint32(tag(1, 2)).string('x'))); });
    assert.deepEqual(readSentencePieceModel(bytes).pieces[1], { piece: 'x', score: 0, type: 'NORMAL' });
  });

  it('applies proto2 defaults when trainer_spec and normalizer_spec are absent', () => {
    const m = readSentencePieceModel(encodeModel({ pieces: PIECES }));
    assert.equal(m.trainerSpec.modelType, 'UNIGRAM');
    assert.equal(m.trainerSpec.vocabSize, 8000);
    assert.equal(m.trainerSpec.byteFallback, false);
    assert.deepEqual([m.trainerSpec.unkId, m.trainerSpec.bosId, m.trainerSpec.eosId, m.trainerSpec.padId], [0, 1, 2, -1]);
    assert.deepEqual([m.trainerSpec.unkPiece, m.trainerSpec.bosPiece, m.trainerSpec.eosPiece, m.trainerSpec.padPiece], ['<unk>', '<s>', '</s>', '<pad>']);
    assert.equal(m.trainerSpec.unkSurface, ' \u2047 ');
    assert.equal(m.normalizerSpec.addDummyPrefix, true);
    assert.equal(m.normalizerSpec.removeExtraWhitespaces, true);
    assert.equal(m.normalizerSpec.escapeWhitespaces, true);
    assert.equal(m.normalizerSpec.precompiledCharsmap.length, 0);
    assert.equal(m.denormalizerSpec, undefined);
  });

  it('reads explicit trainer and normalizer settings', () => {
    const m = readSentencePieceModel(encodeModel({
      pieces: PIECES,
      trainer_spec: { model_type: 2, vocab_size: 5, byte_fallback: true, split_digits: true, treat_whitespace_as_suffix: true, user_defined_symbols: ['<x>'] },
      normalizer_spec: { name: 'identity', add_dummy_prefix: false, precompiled_charsmap: new Uint8Array([1, 2, 3]) },
    }));
    assert.equal(m.trainerSpec.modelType, 'BPE');
    assert.equal(m.trainerSpec.vocabSize, 5);
    assert.equal(m.trainerSpec.byteFallback, true);
    assert.equal(m.trainerSpec.splitDigits, true);
    assert.equal(m.trainerSpec.treatWhitespaceAsSuffix, true);
    assert.deepEqual(m.trainerSpec.userDefinedSymbols, ['<x>']);
    assert.equal(m.normalizerSpec.name, 'identity');
    assert.equal(m.normalizerSpec.addDummyPrefix, false);
    assert.deepEqual([...m.normalizerSpec.precompiledCharsmap], [1, 2, 3]);
  });

  it('skips unknown fields and extensions', () => {
    const base = encodeModel({ pieces: PIECES });
    const extra = raw((w) => {
      w.uint32(tag(99, 0)).uint64(123456789);
      w.uint32(tag(250, 2)).string('extension payload');
      w.uint32(tag(77, 5)).fixed32(7);
      w.uint32(tag(78, 1)).fixed64(9);
    });
    const m = readSentencePieceModel(new Uint8Array([...extra, ...base]));
    assert.equal(m.pieces.length, PIECES.length);
  });

  it('rejects an empty file', () => rejects(new Uint8Array(0), { path: 'pieces', message: /no pieces/ }));

  it('rejects a file cut inside a piece, naming the piece', () => {
    const bytes = encodeModel({ pieces: PIECES });
    rejects(bytes.subarray(0, bytes.length - 3), { path: /^pieces\[4\]/, message: /runs past the end|truncated/ });
  });

  it('rejects a length prefix longer than the file, at the prefix offset', () => {
    const bytes = raw((w) => w.uint32(tag(2, 2)).uint32(50).uint32(0));
    rejects(bytes, { path: 'trainer_spec', byteOffset: 1, message: /length 50 runs past the end/ });
  });

  it('rejects a wrong wire type, naming the field', () => {
    const bad = raw((w) => w.uint32(tag(1, 2)).string('x').uint32(tag(2, 0)).uint32(5));
    const bytes = raw((w) => { lengthDelimited(w, 1, pieceBody('<unk>', 0, 2)); lengthDelimited(w, 1, bad); });
    const badAt = 2 + pieceBody('<unk>', 0, 2).length + 2 + 3;
    rejects(bytes, { path: 'pieces[1].score', byteOffset: badAt, message: /wire type 0 does not match .*float/ });
  });

  it('rejects wire types 6 and 7 and field number 0', () => {
    rejects(new Uint8Array([tag(5, 7)]), { byteOffset: 0, message: /invalid wire type 7/ });
    rejects(new Uint8Array([tag(5, 6)]), { byteOffset: 0, message: /invalid wire type 6/ });
    rejects(new Uint8Array([0x00]), { byteOffset: 0, message: /field number 0/ });
  });

  it('rejects a string field that is not UTF-8', () => {
    const body = raw((w) => w.uint32(tag(1, 2)).bytes(new Uint8Array([0x61, 0xff, 0x62])));
    const bytes = raw((w) => { lengthDelimited(w, 1, pieceBody('<unk>', 0, 2)); lengthDelimited(w, 1, body); });
    rejects(bytes, { path: 'pieces[1].piece', message: /not valid UTF-8/ });
  });

  it('rejects empty and duplicate pieces', () => {
    rejects(encodeModel({ pieces: [...PIECES, { piece: '' }] }), { path: 'pieces[5].piece', message: /empty piece/ });
    rejects(encodeModel({ pieces: [...PIECES, { piece: '▁a' }] }), { path: 'pieces[5].piece', message: /duplicate piece "▁a" \(first at pieces\[3\]\)/ });
  });

  it('requires exactly one UNKNOWN piece, at unk_id', () => {
    rejects(encodeModel({ pieces: PIECES.slice(1) }), { path: 'pieces', message: /no piece has type UNKNOWN/ });
    rejects(encodeModel({ pieces: [...PIECES, { piece: '<unk2>', type: 'UNKNOWN' }] }), { path: 'pieces[5].type', message: /more than one UNKNOWN/ });
    rejects(encodeModel({ pieces: PIECES, trainer_spec: { unk_id: 3 } }), { path: 'trainer_spec.unk_id', message: /does not point at the UNKNOWN piece \(id 0\)/ });
  });

  it('rejects unknown enum values, malformed byte pieces and non-finite scores', () => {
    const badType = raw((w) => { lengthDelimited(w, 1, pieceBody('<unk>', 0, 2)); lengthDelimited(w, 1, pieceBody('q', 0, 9)); });
    rejects(badType, { path: 'pieces[1].type', message: /unknown piece type 9/ });
    rejects(encodeModel({ pieces: PIECES, trainer_spec: { model_type: 7 } }), { path: 'trainer_spec.model_type', message: /unknown model_type 7/ });
    rejects(encodeModel({ pieces: [...PIECES, { piece: '<0xzz>', type: 'BYTE' }] }), { path: 'pieces[5].piece', message: /not of the form <0xNN>/ });
    const nan = raw((w) => { lengthDelimited(w, 1, pieceBody('<unk>', 0, 2)); lengthDelimited(w, 1, pieceBody('q', Number.NaN, 1)); });
    rejects(nan, { path: 'pieces[1].score', message: /not a finite number/ });
  });
});
