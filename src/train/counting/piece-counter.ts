/**
 * Per-batch counts of raw pieces (strings) for the counting workers: an open-addressing table whose
 * keys are copied as UTF-16 code units into one reused Uint16Array. `reset` empties it for the next
 * batch without allocating.
 *
 * Why not a Map<string, number> per batch: its keys are slices that pin the batch text, and its
 * backing store (a few hundred KB at ~20k pieces) lands in V8's large-object space, which only a
 * full GC frees. A new one every batch grew each worker's heap by tens of MB between full GCs.
 * Complexity: O(piece length) expected per add.
 */
import { buildSlots } from '../../util/hash-slots.js';

export class PieceCounter {
  /** Code units of all keys; key i is units[start[i] .. start[i] + length[i]). */
  units = new Uint16Array(1 << 16);
  start = new Int32Array(1 << 12);
  length = new Int32Array(1 << 12);
  counts = new Float64Array(1 << 12);
  private hashes = new Int32Array(1 << 12);
  size = 0;
  private used = 0;
  private slots = new Int32Array(1 << 13).fill(-1);
  private mask = (1 << 13) - 1;

  add(s: string): void {
    const n = s.length;
    let h = 0x811c9dc5 ^ n;
    for (let i = 0; i < n; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    h ^= h >>> 15;
    const mask = this.mask;
    let slot = h & mask;
    for (;; slot = (slot + 1) & mask) {
      const e = this.slots[slot]!;
      if (e < 0) break;
      if (this.hashes[e] === h && this.length[e] === n && this.sameKey(e, s)) {
        this.counts[e] = this.counts[e]! + 1;
        return;
      }
    }
    const e = this.size++;
    if (e === this.start.length) this.growEntries();
    if (this.used + n > this.units.length) this.growUnits(this.used + n);
    const u = this.units;
    const at = this.used;
    for (let i = 0; i < n; i++) u[at + i] = s.charCodeAt(i);
    this.used = at + n;
    this.start[e] = at;
    this.length[e] = n;
    this.hashes[e] = h;
    this.counts[e] = 1;
    this.slots[slot] = e;
    if (this.size * 2 > this.slots.length) this.rehash();
  }

  /** Empties the table, keeping its arrays. */
  reset(): void {
    if (this.size > 0) this.slots.fill(-1);
    this.size = 0;
    this.used = 0;
  }

  /** Key i as a string (for callers that need strings; the packer reads the code units). */
  key(i: number): string {
    const from = this.start[i]!;
    const to = from + this.length[i]!;
    let out = '';
    for (let at = from; at < to; at += 8192) out += String.fromCharCode(...this.units.subarray(at, Math.min(to, at + 8192)));
    return out;
  }

  private sameKey(e: number, s: string): boolean {
    const u = this.units;
    const at = this.start[e]!;
    for (let i = 0; i < s.length; i++) if (u[at + i] !== s.charCodeAt(i)) return false;
    return true;
  }

  private growEntries(): void {
    const n = this.start.length * 2;
    const st = new Int32Array(n); st.set(this.start); this.start = st;
    const ln = new Int32Array(n); ln.set(this.length); this.length = ln;
    const c = new Float64Array(n); c.set(this.counts); this.counts = c;
    const hs = new Int32Array(n); hs.set(this.hashes); this.hashes = hs;
  }

  private growUnits(need: number): void {
    let n = this.units.length * 2;
    while (n < need) n *= 2;
    const u = new Uint16Array(n); u.set(this.units.subarray(0, this.used)); this.units = u;
  }

  private rehash(): void {
    const cap = this.slots.length * 2;
    this.slots = buildSlots(this.hashes, this.size, cap);
    this.mask = cap - 1;
  }
}
