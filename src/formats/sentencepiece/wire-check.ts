/**
 * A wire-level walk over protobuf bytes, driven by the reflected schema, that finds the first
 * structural fault and reports it as a TokenlabError naming the byte offset and the field path
 * (`pieces[12].score`, `trainer_spec.vocab_size`).
 *
 * Why a separate pass: protobufjs' decoder throws bare RangeErrors ("index out of range") that say
 * neither where nor which field. Walking first lets the real decode run only on bytes known to be
 * well formed. Checks: tags (field number 0, wire types 6/7, stray end-group), declared wire type
 * of every known field, length prefixes against the enclosing message, varint overruns, and UTF-8
 * validity of `string` fields (protobufjs would silently replace bad bytes; HF's Python converter
 * fails on them). Unknown fields and extensions are skipped, as the protobuf spec requires.
 *
 * Complexity: one linear pass over the bytes plus a UTF-8 check of each string field.
 */
import protobuf from 'protobufjs';
import { TokenlabError } from '../../core/errors.js';

/** Wire types: 0 varint, 1 fixed64, 2 length-delimited, 5 fixed32 (3/4 are deprecated groups). */
const SCALAR_WIRE: Record<string, number> = {
  bool: 0, int32: 0, uint32: 0, sint32: 0, int64: 0, uint64: 0, sint64: 0,
  float: 5, fixed32: 5, sfixed32: 5, double: 1, fixed64: 1, sfixed64: 1,
  string: 2, bytes: 2,
};

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function checkWire(bytes: Uint8Array, type: protobuf.Type, file?: string): void {
  const reader = protobuf.Reader.create(bytes);
  walk(reader, bytes, bytes.length, type, '', file);
}

function fail(message: string, byteOffset: number, path: string, file?: string): never {
  throw new TokenlabError(message, { file, byteOffset, path: path || '<ModelProto>' });
}

/** Runs one primitive read; any protobufjs error, or a read past `end`, becomes a located TokenlabError. */
function guarded<T>(read: () => T, reader: protobuf.Reader, end: number, what: string, path: string, file?: string): T {
  const at = reader.pos;
  let value: T;
  try {
    value = read();
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return fail(`truncated or malformed ${what} (${reason})`, at, path, file);
  }
  if (reader.pos > end) fail(`${what} runs past the end of its message (which ends at byte ${end})`, at, path, file);
  return value;
}

function walk(reader: protobuf.Reader, bytes: Uint8Array, end: number, type: protobuf.Type, path: string, file?: string): void {
  const seen = new Map<number, number>();
  while (reader.pos < end) {
    const tagAt = reader.pos;
    const tag = guarded(() => reader.uint32(), reader, end, 'field tag', path, file);
    const id = tag >>> 3;
    const wire = tag & 7;
    if (id === 0) fail('invalid field number 0 in tag', tagAt, path, file);
    if (wire === 4 || wire === 6 || wire === 7) fail(`invalid wire type ${wire} (field number ${id})`, tagAt, path, file);
    const field = type.fieldsById[id];
    if (field === undefined) {
      guarded(() => reader.skipType(wire), reader, end, `unknown field ${id}`, path, file);
      continue;
    }
    field.resolve();
    const index = seen.get(id) ?? 0;
    seen.set(id, index + 1);
    const fieldPath = (path ? path + '.' : '') + field.name + (field.repeated ? `[${index}]` : '');
    const message = field.resolvedType instanceof protobuf.Type ? field.resolvedType : undefined;
    const expected = message !== undefined ? 2 : field.resolvedType instanceof protobuf.Enum ? 0 : SCALAR_WIRE[field.type];
    if (wire !== expected) {
      fail(`wire type ${wire} does not match the field's declared type ${field.type} (expects wire type ${expected})`, tagAt, fieldPath, file);
    }
    if (wire === 2) {
      const lenAt = reader.pos;
      const len = guarded(() => reader.uint32(), reader, end, 'length prefix', fieldPath, file);
      const start = reader.pos;
      if (start + len > end) {
        fail(`length ${len} runs past the end of its message (${end - start} bytes left)`, lenAt, fieldPath, file);
      }
      if (message !== undefined) {
        walk(reader, bytes, start + len, message, fieldPath, file);
      } else {
        if (field.type === 'string') {
          try {
            utf8.decode(bytes.subarray(start, start + len));
          } catch {
            fail('string field is not valid UTF-8', start, fieldPath, file);
          }
        }
        reader.skip(len);
      }
    } else {
      guarded(() => reader.skipType(wire), reader, end, `${field.type} value`, fieldPath, file);
    }
  }
}
