/**
 * Reads a SentencePiece `.model` file (a serialized `sentencepiece.ModelProto`) into a validated
 * SentencePieceModel.
 *
 * Steps: (1) wire-check.ts walks the bytes and rejects structural faults with a byte offset and field
 * path; (2) protobufjs decodes by reflection with proto2 defaults applied; (3) the semantic checks
 * SentencePiece itself makes when loading a model (non-empty, unique pieces; exactly one UNKNOWN piece;
 * known enum values; `<0xNN>` byte pieces) plus a finite-score check tokenizer.json needs.
 * Every rejection is a TokenlabError naming the file and the field. See docs/algorithms/sentencepiece.md.
 */
import protobuf from 'protobufjs';
import { TokenlabError } from '../../core/errors.js';
import { modelProtoType, ModelType, PieceType, type ModelTypeName, type PieceTypeName } from './model-proto-schema.js';
import type { NormalizerSpec, SentencePiece, SentencePieceModel, TrainerSpec } from './model.js';
import { checkWire } from './wire-check.js';

export interface ReadSentencePieceOptions {
  /** Name used in error messages (a path, or e.g. `<memory>`). */
  file?: string;
}

type Obj = Record<string, unknown>;

const TO_OBJECT: protobuf.IConversionOptions = { defaults: true, arrays: true, longs: Number };

const PIECE_TYPE_BY_ID = invert(PieceType);
const MODEL_TYPE_BY_ID = invert(ModelType);
const BYTE_PIECE = /^<0x[0-9A-F]{2}>$/;

export function readSentencePieceModel(bytes: Uint8Array, options: ReadSentencePieceOptions = {}): SentencePieceModel {
  const file = options.file;
  const type = modelProtoType();
  checkWire(bytes, type, file);
  let raw: Obj;
  try {
    raw = type.toObject(type.decode(bytes), TO_OBJECT) as Obj;
  } catch (e) {
    // Unreachable after checkWire for any input we know of; kept so no decoder error escapes untyped.
    throw new TokenlabError(`protobuf decode failed: ${e instanceof Error ? e.message : String(e)}`, { file });
  }
  const trainerSpec = readTrainerSpec(subMessage(type, raw, 'trainer_spec'), file);
  const normalizerSpec = readNormalizerSpec(subMessage(type, raw, 'normalizer_spec'));
  const pieces = readPieces(raw.pieces as Obj[], file);
  checkUnknownPiece(pieces, trainerSpec, file);
  const model: SentencePieceModel = { pieces, trainerSpec, normalizerSpec };
  if (raw.denormalizer_spec != null) model.denormalizerSpec = readNormalizerSpec(raw.denormalizer_spec as Obj);
  return model;
}

/** A nested message as a plain object with defaults, also when the file omits it. */
function subMessage(type: protobuf.Type, raw: Obj, name: string): Obj {
  const value = raw[name];
  if (value != null) return value as Obj;
  const nested = type.fields[name].resolve().resolvedType as protobuf.Type;
  return nested.toObject(nested.create(), TO_OBJECT) as Obj;
}

function readPieces(list: Obj[], file?: string): SentencePiece[] {
  if (list.length === 0) throw new TokenlabError('the model has no pieces (empty or not a SentencePiece model)', { file, path: 'pieces' });
  const firstIndex = new Map<string, number>();
  return list.map((p, i) => {
    const piece = p.piece as string;
    const score = p.score as number;
    const typeId = p.type as number;
    const type = PIECE_TYPE_BY_ID.get(typeId) as PieceTypeName | undefined;
    if (piece === '') throw new TokenlabError('empty piece', { file, path: `pieces[${i}].piece` });
    const prev = firstIndex.get(piece);
    if (prev !== undefined) {
      throw new TokenlabError(`duplicate piece ${JSON.stringify(piece)} (first at pieces[${prev}])`, { file, path: `pieces[${i}].piece` });
    }
    firstIndex.set(piece, i);
    if (type === undefined) throw new TokenlabError(`unknown piece type ${typeId}`, { file, path: `pieces[${i}].type` });
    if (!Number.isFinite(score)) throw new TokenlabError(`score ${score} is not a finite number`, { file, path: `pieces[${i}].score` });
    if (type === 'BYTE' && !BYTE_PIECE.test(piece)) {
      throw new TokenlabError(`BYTE piece ${JSON.stringify(piece)} is not of the form <0xNN>`, { file, path: `pieces[${i}].piece` });
    }
    return { piece, score, type };
  });
}

function checkUnknownPiece(pieces: SentencePiece[], spec: TrainerSpec, file?: string): void {
  const unknowns = pieces.flatMap((p, i) => (p.type === 'UNKNOWN' ? [i] : []));
  if (unknowns.length === 0) throw new TokenlabError('no piece has type UNKNOWN (SentencePiece requires one)', { file, path: 'pieces' });
  if (unknowns.length > 1) {
    throw new TokenlabError(`more than one UNKNOWN piece (ids ${unknowns.join(', ')})`, { file, path: `pieces[${unknowns[1]}].type` });
  }
  if (spec.unkId !== unknowns[0]) {
    throw new TokenlabError(`unk_id ${spec.unkId} does not point at the UNKNOWN piece (id ${unknowns[0]})`, { file, path: 'trainer_spec.unk_id' });
  }
}

function readTrainerSpec(t: Obj, file?: string): TrainerSpec {
  const modelType = MODEL_TYPE_BY_ID.get(t.model_type as number) as ModelTypeName | undefined;
  if (modelType === undefined) throw new TokenlabError(`unknown model_type ${String(t.model_type)}`, { file, path: 'trainer_spec.model_type' });
  return {
    modelType,
    vocabSize: t.vocab_size as number,
    modelPrefix: t.model_prefix as string,
    byteFallback: t.byte_fallback as boolean,
    splitDigits: t.split_digits as boolean,
    splitByUnicodeScript: t.split_by_unicode_script as boolean,
    splitByNumber: t.split_by_number as boolean,
    splitByWhitespace: t.split_by_whitespace as boolean,
    treatWhitespaceAsSuffix: t.treat_whitespace_as_suffix as boolean,
    allowWhitespaceOnlyPieces: t.allow_whitespace_only_pieces as boolean,
    maxSentencepieceLength: t.max_sentencepiece_length as number,
    controlSymbols: t.control_symbols as string[],
    userDefinedSymbols: t.user_defined_symbols as string[],
    unkId: t.unk_id as number,
    bosId: t.bos_id as number,
    eosId: t.eos_id as number,
    padId: t.pad_id as number,
    unkPiece: t.unk_piece as string,
    bosPiece: t.bos_piece as string,
    eosPiece: t.eos_piece as string,
    padPiece: t.pad_piece as string,
    unkSurface: t.unk_surface as string,
  };
}

function readNormalizerSpec(n: Obj): NormalizerSpec {
  const charsmap = n.precompiled_charsmap as Uint8Array | undefined;
  return {
    name: n.name as string,
    precompiledCharsmap: charsmap === undefined ? new Uint8Array(0) : Uint8Array.from(charsmap),
    addDummyPrefix: n.add_dummy_prefix as boolean,
    removeExtraWhitespaces: n.remove_extra_whitespaces as boolean,
    escapeWhitespaces: n.escape_whitespaces as boolean,
  };
}

function invert(table: Record<string, number>): Map<number, string> {
  return new Map(Object.entries(table).map(([name, id]) => [id, name]));
}
