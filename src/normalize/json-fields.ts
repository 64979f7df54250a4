/**
 * Small readers for tokenizer.json component objects: each checks the object's shape, rejects
 * unknown fields and reports problems as TokenlabError with the JSON path of the bad field.
 * Shared by the normalizer and pre-tokenizer components.
 */
import { TokenlabError } from '../core/errors.js';
import type { JsonPattern } from './pattern.js';
import { RegexPattern } from './pattern.js';

export type JsonObject = Record<string, unknown>;

/** Checks `json` is a JSON object (fields unchecked). */
export function expectObject(json: unknown, path: string): JsonObject {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new TokenlabError(`expected an object, got ${describe(json)}`, { path });
  }
  return json as JsonObject;
}

/** Checks `json` is an object whose keys are all in `allowed` (plus `type`). */
export function readObject(json: unknown, path: string, allowed: readonly string[]): JsonObject {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new TokenlabError(`expected an object, got ${describe(json)}`, { path });
  }
  const obj = json as JsonObject;
  for (const k of Object.keys(obj)) {
    if (k !== 'type' && !allowed.includes(k)) {
      throw new TokenlabError(`unknown field "${k}" (allowed: ${allowed.length ? allowed.join(', ') : 'none'})`, {
        path: `${path}.${k}`,
      });
    }
  }
  return obj;
}

export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'string' ? `string ${JSON.stringify(v)}` : typeof v;
}

export function readBool(obj: JsonObject, key: string, path: string, dflt?: boolean): boolean {
  const v = obj[key];
  if (v === undefined && dflt !== undefined) return dflt;
  if (typeof v !== 'boolean') throw new TokenlabError(`expected a boolean, got ${describe(v)}`, { path: `${path}.${key}` });
  return v;
}

export function readOptionalBool(obj: JsonObject, key: string, path: string): boolean | null {
  const v = obj[key];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'boolean') throw new TokenlabError(`expected a boolean or null, got ${describe(v)}`, { path: `${path}.${key}` });
  return v;
}

export function readString(obj: JsonObject, key: string, path: string, dflt?: string): string {
  const v = obj[key];
  if (v === undefined && dflt !== undefined) return dflt;
  if (typeof v !== 'string') throw new TokenlabError(`expected a string, got ${describe(v)}`, { path: `${path}.${key}` });
  return v;
}

/** A string of exactly one char (Rust `char`). */
export function readChar(obj: JsonObject, key: string, path: string, dflt?: string): string {
  const s = readString(obj, key, path, dflt);
  if ([...s].length !== 1) throw new TokenlabError(`expected a single character, got ${JSON.stringify(s)}`, { path: `${path}.${key}` });
  return s;
}

export function readUint(obj: JsonObject, key: string, path: string, dflt?: number): number {
  const v = obj[key];
  if (v === undefined && dflt !== undefined) return dflt;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
    throw new TokenlabError(`expected a non-negative integer, got ${describe(v)}`, { path: `${path}.${key}` });
  }
  return v;
}

export function readEnum<T extends string>(obj: JsonObject, key: string, path: string, values: readonly T[], dflt?: T): T {
  const v = obj[key];
  if (v === undefined && dflt !== undefined) return dflt;
  if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) {
    throw new TokenlabError(`expected one of ${values.join(', ')}, got ${describe(v)}`, { path: `${path}.${key}` });
  }
  return v as T;
}

export function readArray(obj: JsonObject, key: string, path: string): unknown[] {
  const v = obj[key];
  if (!Array.isArray(v)) throw new TokenlabError(`expected an array, got ${describe(v)}`, { path: `${path}.${key}` });
  return v;
}

/** Reads `{String: s}` / `{Regex: r}` and compiles it (HF builds a regex for both). */
export function readPattern(obj: JsonObject, key: string, path: string): { json: JsonPattern; pattern: RegexPattern } {
  const p = `${path}.${key}`;
  const v = obj[key];
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    throw new TokenlabError(`expected {"String": ...} or {"Regex": ...}, got ${describe(v)}`, { path: p });
  }
  const keys = Object.keys(v);
  const o = v as JsonObject;
  if (keys.length !== 1 || (keys[0] !== 'String' && keys[0] !== 'Regex')) {
    throw new TokenlabError(`expected exactly one of "String" or "Regex", got fields ${JSON.stringify(keys)}`, { path: p });
  }
  const kind = keys[0]!;
  const s = o[kind];
  if (typeof s !== 'string') throw new TokenlabError(`expected a string, got ${describe(s)}`, { path: `${p}.${kind}` });
  if (kind === 'String') return { json: { String: s }, pattern: RegexPattern.literal(s) };
  return { json: { Regex: s }, pattern: RegexPattern.fromOnig(s, `${p}.Regex`) };
}
