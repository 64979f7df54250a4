/**
 * MergeList: a byte-level BPE merge list in a compact symbol space, the input of merge replay.
 * Spec: docs/algorithms/mixture-inference.md §Merge lists.
 *
 * Symbols 0..255 are the single bytes. Merge t joins symbols left[t] and right[t] into result[t];
 * the result is a new symbol (256, 257, … in merge order) unless a symbol with the same bytes exists
 * already (a duplicate merge: two pairs that spell the same token), in which case it reuses that id,
 * as a BPE model does when it maps a merge to `vocab[a + b]`.
 * `symbols[id]` is the symbol's byte string as a "binary string" (one char per byte, code < 256).
 */
import { TokenlabError } from '../../core/errors.js';

export interface MergeList {
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly result: Int32Array;
  /** Byte strings of the symbols (binary strings), index = symbol id. */
  readonly symbols: readonly string[];
  readonly length: number;
}

/** Binary string (one char per byte) of bytes. */
export function binaryString(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

/**
 * Builds a MergeList from merges given as byte strings (binary strings). `where(t)` names merge t in
 * errors (e.g. `model.merges[12]`). A merge whose side is neither a byte nor an earlier merge's result
 * is an error: such a list cannot be replayed.
 */
export function mergeListFromByteMerges(merges: readonly (readonly [string, string])[], where: (t: number) => string = (t) => `merges[${t}]`): MergeList {
  const ids = new Map<string, number>();
  const symbols: string[] = [];
  for (let b = 0; b < 256; b++) {
    const s = String.fromCharCode(b);
    ids.set(s, b);
    symbols.push(s);
  }
  const n = merges.length;
  const left = new Int32Array(n);
  const right = new Int32Array(n);
  const result = new Int32Array(n);
  for (let t = 0; t < n; t++) {
    const [a, b] = merges[t]!;
    const ia = ids.get(a);
    const ib = ids.get(b);
    if (ia === undefined || ib === undefined) {
      const missing = ia === undefined ? a : b;
      throw new TokenlabError(`merge side ${JSON.stringify(latin1ToDisplay(missing))} is not a byte or the result of an earlier merge`, { path: where(t) });
    }
    const joined = a + b;
    let z = ids.get(joined);
    if (z === undefined) {
      z = symbols.length;
      ids.set(joined, z);
      symbols.push(joined);
    }
    left[t] = ia;
    right[t] = ib;
    result[t] = z;
  }
  return { left, right, result, symbols, length: n };
}

/** The first `count` merges (all if count is undefined or larger). */
export function truncateMerges(list: MergeList, count: number | undefined): MergeList {
  if (count === undefined || count >= list.length) return list;
  if (!Number.isInteger(count) || count < 0) throw new TokenlabError(`merge count must be a non-negative integer, got ${count}`);
  const left = list.left.slice(0, count);
  const right = list.right.slice(0, count);
  const result = list.result.slice(0, count);
  let maxSym = 255;
  for (let t = 0; t < count; t++) maxSym = Math.max(maxSym, result[t]!);
  return { left, right, result, symbols: list.symbols.slice(0, maxSym + 1), length: count };
}

/** A symbol's bytes shown as text (UTF-8 decoded, invalid bytes as U+FFFD) for messages and reports. */
export function latin1ToDisplay(s: string): string {
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i) & 0xff;
  return new TextDecoder().decode(bytes);
}
