/**
 * Builds small SentencePiece `.model` byte strings in tests without spm_train: an object in the
 * proto's own field names is encoded with the reader's reflected schema. Also a raw protobuf writer
 * for malformed inputs the schema could not express (wrong wire types, bad UTF-8, bad lengths).
 */
import protobuf from 'protobufjs';
import { modelProtoType, PieceType, type PieceTypeName } from '../../src/formats/sentencepiece/model-proto-schema.js';

export interface PieceSpec { piece: string; score?: number; type?: PieceTypeName }

export interface ModelSpec {
  pieces: PieceSpec[];
  trainer_spec?: Record<string, unknown>;
  normalizer_spec?: Record<string, unknown>;
}

export function encodeModel(spec: ModelSpec): Uint8Array {
  const type = modelProtoType();
  const message = type.fromObject({
    ...spec,
    pieces: spec.pieces.map((p) => ({ piece: p.piece, score: p.score ?? 0, type: PieceType[p.type ?? 'NORMAL'] })),
  });
  return type.encode(message).finish();
}

/** `<unk>`, `<s>`, `</s>` followed by NORMAL pieces with the given scores. */
export function withSpecials(normal: [string, number][]): PieceSpec[] {
  return [
    { piece: '<unk>', type: 'UNKNOWN' },
    { piece: '<s>', type: 'CONTROL' },
    { piece: '</s>', type: 'CONTROL' },
    ...normal.map(([piece, score]) => ({ piece, score })),
  ];
}

/** Raw writer for hand-made (possibly invalid) messages: `field(id, wire)` then a value. */
export function raw(build: (w: protobuf.Writer) => void): Uint8Array {
  const w = protobuf.Writer.create();
  build(w);
  return w.finish();
}

export const tag = (id: number, wire: number): number => ((id << 3) | wire) >>> 0;

/** A length-delimited submessage/bytes field with the given body. */
export function lengthDelimited(w: protobuf.Writer, id: number, body: Uint8Array): void {
  w.uint32(tag(id, 2)).bytes(body);
}
