/**
 * Padding as tokenizer.json's `padding` describes it (HF `PaddingParams` and `pad_encodings`):
 * BatchLongest or Fixed length, rounded up to `pad_to_multiple_of`, on the left or the right.
 */
import { asObject, asString, asUint, fail, optField, sub, type JsonObject } from '../formats/hf-json/json-read.js';
import { padEncoding, type Direction, type HfEncoding } from '../postprocess/hf-encoding.js';
import { readDirection } from './truncation.js';

export interface PaddingParams {
  /** null = BatchLongest, a number = Fixed(length). */
  fixedLength: number | null;
  direction: Direction;
  padToMultipleOf: number | null;
  padId: number;
  padTypeId: number;
  padToken: string;
}

export function paddingFromJSON(v: unknown, path: string): PaddingParams {
  const o = asObject(v, path);
  let fixedLength: number | null = null;
  const s = o['strategy'];
  const sp = sub(path, 'strategy');
  if (s === undefined || s === 'BatchLongest') fixedLength = null;
  else if (typeof s === 'object' && s !== null && 'Fixed' in s) fixedLength = asUint((s as JsonObject)['Fixed'], sub(sp, 'Fixed'));
  else fail(sp, `expected "BatchLongest" or {"Fixed": n}, got ${JSON.stringify(s)}`);
  return {
    fixedLength,
    direction: optField(o, 'direction', path, readDirection, 'Right'),
    padToMultipleOf: optField<number | null>(o, 'pad_to_multiple_of', path, asUint, null),
    padId: optField(o, 'pad_id', path, asUint, 0),
    padTypeId: optField(o, 'pad_type_id', path, asUint, 0),
    padToken: optField(o, 'pad_token', path, asString, '[PAD]'),
  };
}

export function paddingToJSON(p: PaddingParams): JsonObject {
  return {
    strategy: p.fixedLength === null ? 'BatchLongest' : { Fixed: p.fixedLength },
    direction: p.direction,
    pad_to_multiple_of: p.padToMultipleOf,
    pad_id: p.padId,
    pad_type_id: p.padTypeId,
    pad_token: p.padToken,
  };
}

/** HF `pad_encodings`. */
export function padEncodings(encodings: HfEncoding[], p: PaddingParams): void {
  if (encodings.length === 0) return;
  let len = p.fixedLength ?? Math.max(...encodings.map((e) => e.ids.length));
  const m = p.padToMultipleOf;
  if (m !== null && m > 0 && len % m > 0) len += m - (len % m);
  for (const e of encodings) padEncoding(e, len, { direction: p.direction, padId: p.padId, padTypeId: p.padTypeId, padToken: p.padToken });
}
