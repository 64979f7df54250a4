/**
 * ByteVocab: the token byte strings of a byte-level BPE vocabulary, indexed both ways.
 *
 * - rank → bytes: one flat Uint8Array (`bytes`) and offsets (`starts`, length n+1); a rank with no
 *   token (a hole, e.g. where a special token lives) has an empty span.
 * - bytes → rank: an open-addressing hash table (`table`, Int32Array, -1 = empty) probed linearly,
 *   keyed by FNV-1a over the bytes. Look-ups take a byte range of any buffer, so the hot path never
 *   allocates a substring.
 *
 * Performance notes: a Map<string, number> keyed by latin1 "binary strings" was the first version;
 * it needs a substring per probe (allocation + V8 hash + flatten). The table is ~2x the vocabulary
 * (load factor ≤ 0.5) so the expected probe count stays near 1.
 */
import { TokenlabError } from '../../core/errors.js';

export class ByteVocab {
  /** Token bytes of every rank, concatenated in rank order. */
  readonly bytes: Uint8Array;
  /** starts[r]..starts[r+1] is the byte span of rank r in `bytes`; empty for a hole. */
  readonly starts: Uint32Array;
  /** Hash table slots: a rank, or -1 for an empty slot. Size is a power of two. */
  private readonly table: Int32Array;
  private readonly mask: number;
  /** rank of each single byte value, or -1 if that byte is not a token. */
  readonly byteRank: Int32Array;
  /** pairRank[b1 * 256 + b2] = rank of the two-byte token b1 b2, or -1: the first merges of every piece skip hashing. */
  readonly pairRank: Int32Array;
  readonly size: number;
  /** Length in bytes of the longest token. */
  readonly maxTokenLength: number;

  constructor(bytes: Uint8Array, starts: Uint32Array) {
    this.bytes = bytes;
    this.starts = starts;
    this.size = starts.length - 1;
    const built = buildTables(bytes, starts);
    this.table = built.table;
    this.mask = built.table.length - 1;
    this.byteRank = built.byteRank;
    this.pairRank = built.pairRank;
    this.maxTokenLength = built.maxTokenLength;
  }

  /** Rank of the byte string buf[start..end), or -1 (at once for a span longer than any token). */
  lookup(buf: Uint8Array, start: number, end: number): number {
    const len = end - start;
    if (len > this.maxTokenLength) return -1;
    const bytes = this.bytes;
    const starts = this.starts;
    let slot = hashBytes(buf, start, end) & this.mask;
    for (;;) {
      const rank = this.table[slot]!;
      if (rank < 0) return -1;
      const ts = starts[rank]!;
      if (starts[rank + 1]! - ts === len) {
        let i = 0;
        while (i < len && bytes[ts + i] === buf[start + i]) i++;
        if (i === len) return rank;
      }
      slot = (slot + 1) & this.mask;
    }
  }

  /** The bytes of one rank (a view, do not modify). */
  tokenBytes(rank: number): Uint8Array {
    return this.bytes.subarray(this.starts[rank]!, this.starts[rank + 1]!);
  }

  /** Byte length of one rank's token (0 for a hole or out of range). */
  tokenLength(rank: number): number {
    if (!(rank >= 0 && rank < this.size) || !Number.isInteger(rank)) return 0;
    return this.starts[rank + 1]! - this.starts[rank]!;
  }
}

/**
 * Builds the hash table and the one- and two-byte rank tables in one pass. A byte string that
 * appears twice keeps its lowest rank. A standalone function rather than constructor code: V8
 * optimizes it as a whole (the constructor version took ~3x longer on o200k).
 */
function buildTables(bytes: Uint8Array, starts: Uint32Array) {
  const size = starts.length - 1;
  let cap = 1;
  while (cap < size * 2) cap <<= 1;
  const mask = cap - 1;
  const table = new Int32Array(cap).fill(-1);
  const byteRank = new Int32Array(256).fill(-1);
  const pairRank = new Int32Array(65536).fill(-1);
  let maxTokenLength = 0;
  for (let rank = 0; rank < size; rank++) {
    const s = starts[rank]!;
    const e = starts[rank + 1]!;
    const len = e - s;
    if (len === 0) continue;
    if (len > maxTokenLength) maxTokenLength = len;
    let slot = hashBytes(bytes, s, e) & mask;
    let duplicate = false;
    for (;;) {
      const other = table[slot]!;
      if (other < 0) break;
      const os = starts[other]!;
      if (starts[other + 1]! - os === len) {
        let i = 0;
        while (i < len && bytes[os + i] === bytes[s + i]) i++;
        if (i === len) { duplicate = true; break; }
      }
      slot = (slot + 1) & mask;
    }
    if (duplicate) continue;
    table[slot] = rank;
    if (len === 1) byteRank[bytes[s]!] = rank;
    else if (len === 2) pairRank[(bytes[s]! << 8) | bytes[s + 1]!] = rank;
  }
  return { table, byteRank, pairRank, maxTokenLength };
}

/** FNV-1a, 32 bit. Short tokens dominate, so a simple byte loop beats word-at-a-time hashing here. */
export function hashBytes(buf: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i]!, 0x01000193);
  return h;
}

/**
 * Parses tokenlab's compact vocabulary file: for each rank in order, [u8 length][bytes];
 * length 0 marks a rank without a token. See docs/encodings-format.md.
 */
export function byteVocabFromCompact(data: Uint8Array, source = 'vocabulary'): ByteVocab {
  let count = 0;
  for (let p = 0; p < data.length; p += 1 + data[p]!) count++;
  const starts = new Uint32Array(count + 1);
  const bytes = new Uint8Array(data.length - count);
  let p = 0;
  let out = 0;
  for (let rank = 0; rank < count; rank++) {
    const len = data[p]!;
    if (p + 1 + len > data.length) {
      throw new TokenlabError(`truncated vocabulary: rank ${rank} needs ${len} bytes`, { file: source, byteOffset: p });
    }
    starts[rank] = out;
    for (let k = 1; k <= len; k++) bytes[out++] = data[p + k]!;
    p += 1 + len;
  }
  starts[count] = out;
  return new ByteVocab(bytes, starts);
}
