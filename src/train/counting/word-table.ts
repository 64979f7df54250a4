/**
 * A compact counting table keyed by byte strings: all keys in one Uint8Array, one entry per distinct
 * key in insertion order (key end offset, hash, count), and an open-addressing index (linear probing,
 * load <= 1/2) of entry numbers.
 *
 * Why: a Map<string, number> of 478k training words held ~1 KB per word in V8 (string headers, map
 * entries, and sliced strings pinning whole corpus chunks); this table needs about
 * key bytes + 24 bytes per word, and no garbage collection work.
 * Complexity: O(key length) expected per add/find; growth by doubling (amortized O(1)).
 */
import { buildSlots } from '../../util/hash-slots.js';

export class WordTable {
  /** Key bytes of all entries, concatenated; entry i is keys[keyStart(i) .. keyEnd[i]). */
  keys = new Uint8Array(1 << 12);
  keyEnd = new Int32Array(256);
  counts = new Float64Array(256);
  private hashes = new Int32Array(256);
  size = 0;
  private slots = new Int32Array(512).fill(-1);
  private mask = 511;

  keyStart(i: number): number {
    return i === 0 ? 0 : this.keyEnd[i - 1]!;
  }

  /** Bytes used by all keys. */
  get keyBytes(): number {
    return this.size === 0 ? 0 : this.keyEnd[this.size - 1]!;
  }

  private static hash(b: Uint8Array, start: number, end: number): number {
    // FNV-1a, then a final mix so the low bits (the slot) depend on every byte.
    let h = 0x811c9dc5 ^ (end - start);
    for (let i = start; i < end; i++) h = Math.imul(h ^ b[i]!, 0x01000193);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    return h ^ (h >>> 13);
  }

  private sameKey(e: number, b: Uint8Array, start: number, end: number): boolean {
    const k = this.keys;
    let s = e === 0 ? 0 : this.keyEnd[e - 1]!;
    if (this.keyEnd[e]! - s !== end - start) return false;
    for (let i = start; i < end; i++, s++) if (k[s] !== b[i]) return false;
    return true;
  }

  /** The entry of key b[start..end), or -1. */
  find(b: Uint8Array, start: number, end: number): number {
    const h = WordTable.hash(b, start, end);
    for (let i = h & this.mask; ; i = (i + 1) & this.mask) {
      const e = this.slots[i]!;
      if (e < 0) return -1;
      if (this.hashes[e] === h && this.sameKey(e, b, start, end)) return e;
    }
  }

  /** The entry of key b[start..end), created with count 0 when new. */
  intern(b: Uint8Array, start: number, end: number): number {
    const h = WordTable.hash(b, start, end);
    let i = h & this.mask;
    for (;; i = (i + 1) & this.mask) {
      const e = this.slots[i]!;
      if (e < 0) break;
      if (this.hashes[e] === h && this.sameKey(e, b, start, end)) return e;
    }
    const e = this.size++;
    if (e >= this.keyEnd.length) this.growEntries(this.keyEnd.length * 2);
    const from = this.keyStart(e);
    const to = from + (end - start);
    if (to > this.keys.length) this.growKeys(from, to);
    this.keys.set(b.subarray(start, end), from);
    this.keyEnd[e] = to;
    this.hashes[e] = h;
    this.counts[e] = 0;
    this.slots[i] = e;
    if (this.size * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    return e;
  }

  /** Shrinks every array to what the entries use (and the index to the smallest power of two that fits). */
  trim(): void {
    this.keys = this.keys.slice(0, this.keyBytes);
    this.growEntries(Math.max(1, this.size));
    let cap = 32;
    while (cap < this.size * 2) cap *= 2;
    if (cap < this.slots.length) this.rehash(cap);
  }

  private growEntries(n: number): void {
    const ke = new Int32Array(n); ke.set(this.keyEnd.subarray(0, Math.min(n, this.size))); this.keyEnd = ke;
    const c = new Float64Array(n); c.set(this.counts.subarray(0, Math.min(n, this.size))); this.counts = c;
    const hs = new Int32Array(n); hs.set(this.hashes.subarray(0, Math.min(n, this.size))); this.hashes = hs;
  }

  /** Room for `need` key bytes, keeping the first `used`. */
  private growKeys(used: number, need: number): void {
    let n = Math.max(16, this.keys.length * 2);
    while (n < need) n *= 2;
    const k = new Uint8Array(n); k.set(this.keys.subarray(0, used)); this.keys = k;
  }

  private rehash(cap: number): void {
    this.slots = buildSlots(this.hashes, this.size, cap);
    this.mask = cap - 1;
  }
}
