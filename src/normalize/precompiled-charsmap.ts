/**
 * SentencePiece's `precompiled_charsmap` (as HF's `spm_precompiled` crate reads it):
 *   [u32 LE trie_size in bytes][trie: trie_size/4 u32 LE units][normalized: UTF-8 strings, each 0-terminated]
 * The trie is a darts-clone double array over UTF-8 bytes. Each unit packs:
 *   has_leaf = bit 8, value = low 31 bits (on the leaf unit), label = bits 0–7 plus bit 31,
 *   offset = (unit >> 10) << ((unit & 0x200) >> 6).
 * A key's value is the byte index of its replacement string in `normalized`.
 * `transform(chunk)` returns the replacement of the SHORTEST key that is a prefix of the chunk's
 * bytes (the crate takes the first common-prefix result), or undefined.
 * Complexity: O(key bytes) per lookup; results are cached per chunk.
 */
import { TokenlabError } from '../core/errors.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export class PrecompiledCharsmap {
  private readonly units: Uint32Array;
  private readonly normalized: Uint8Array;
  private readonly cache = new Map<string, string | null>();

  constructor(bytes: Uint8Array, path: string) {
    if (bytes.length < 4) throw new TokenlabError('precompiled_charsmap is shorter than its 4-byte header', { path });
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const trieSize = view.getUint32(0, true);
    if (4 + trieSize > bytes.length) {
      throw new TokenlabError(`precompiled_charsmap trie size ${trieSize} exceeds the data (${bytes.length - 4} bytes)`, { path });
    }
    const n = Math.floor(trieSize / 4);
    this.units = new Uint32Array(n);
    for (let i = 0; i < n; i++) this.units[i] = view.getUint32(4 + 4 * i, true);
    this.normalized = bytes.subarray(4 + trieSize);
    try {
      decoder.decode(this.normalized);
    } catch {
      throw new TokenlabError('precompiled_charsmap replacement strings are not valid UTF-8', { path });
    }
  }

  /** Value of the shortest key that prefixes `key`, or -1. */
  private firstPrefixValue(key: Uint8Array): number {
    const u = this.units;
    if (u.length === 0) return -1;
    let node = 0;
    let unit = u[node]!;
    node ^= offsetOf(unit);
    for (let i = 0; i < key.length; i++) {
      const c = key[i]!;
      if (c === 0) break;
      node ^= c;
      if (node >= u.length) return -1;
      unit = u[node]!;
      if ((unit & 0x800000ff) >>> 0 !== c) return -1;
      node ^= offsetOf(unit);
      if ((unit >>> 8) & 1) {
        if (node >= u.length) return -1;
        return u[node]! & 0x7fffffff;
      }
    }
    return -1;
  }

  /** The replacement for `chunk`, if some key is a prefix of it. */
  transform(chunk: string): string | undefined {
    let v = this.cache.get(chunk);
    if (v === undefined) {
      v = null;
      const idx = this.firstPrefixValue(encoder.encode(chunk));
      if (idx >= 0 && idx <= this.normalized.length) {
        let end = idx;
        while (end < this.normalized.length && this.normalized[end] !== 0) end++;
        try {
          v = decoder.decode(this.normalized.subarray(idx, end));
        } catch {
          v = null;
        }
      }
      this.cache.set(chunk, v);
    }
    return v === null ? undefined : v;
  }
}

function offsetOf(unit: number): number {
  return ((unit >>> 10) << ((unit & 0x200) >>> 6)) >>> 0;
}
