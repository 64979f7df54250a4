/**
 * Typed readers for tokenizer.json fields. Every reader takes the JSON path of the value it reads, so
 * a malformed file is rejected with a TokenlabError naming the exact field
 * (`model.merges[12]: expected a string or a [string, string] pair`), never silently defaulted.
 */
import { TokenlabError } from '../../core/errors.js';

export type JsonObject = Record<string, unknown>;

export function fail(path: string, message: string): never {
  throw new TokenlabError(message, { path });
}

export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'string' ? `string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}` : typeof v;
}

export function asObject(v: unknown, path: string): JsonObject {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(path, `expected an object, got ${describe(v)}`);
  return v as JsonObject;
}

export function asArray(v: unknown, path: string): unknown[] {
  if (!Array.isArray(v)) fail(path, `expected an array, got ${describe(v)}`);
  return v;
}

export function asString(v: unknown, path: string): string {
  if (typeof v !== 'string') fail(path, `expected a string, got ${describe(v)}`);
  return v;
}

export function asBool(v: unknown, path: string): boolean {
  if (typeof v !== 'boolean') fail(path, `expected a boolean, got ${describe(v)}`);
  return v;
}

/** A non-negative integer (JSON numbers that HF reads as u32/usize). */
export function asUint(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) fail(path, `expected a non-negative integer, got ${describe(v)}`);
  return v;
}

export function asNumber(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(path, `expected a number, got ${describe(v)}`);
  return v;
}

/** Field readers: `field(obj, 'x', path, reader, default)`; a missing or null field takes the default. */
export function optField<T>(obj: JsonObject, key: string, path: string, read: (v: unknown, p: string) => T, dflt: T): T {
  const v = obj[key];
  return v === undefined || v === null ? dflt : read(v, sub(path, key));
}

export function reqField<T>(obj: JsonObject, key: string, path: string, read: (v: unknown, p: string) => T): T {
  const v = obj[key];
  if (v === undefined) fail(sub(path, key), 'missing required field');
  return read(v, sub(path, key));
}

/** Nullable string field: missing or null -> null. */
export function optString(obj: JsonObject, key: string, path: string): string | null {
  return optField<string | null>(obj, key, path, asString, null);
}

/** Joins a JSON path and a key the way error messages print it (`a.b`, `a[3]`, or `b` at the root). */
export function sub(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === "" ? key : `${path}.${key}`;
}

/** A single character (one code point), as HF's `char` fields. */
export function asChar(v: unknown, path: string): string {
  const s = asString(v, path);
  if ([...s].length !== 1) fail(path, `expected a single character, got ${describe(v)}`);
  return s;
}
