/**
 * Pair interning for the BPE trainer: (left id, right id) -> dense pair index, with per-pair columns
 * (left, right, count) in growable typed arrays.
 *
 * Open addressing with linear probing over an Int32Array of pair indices (-1 = empty), load <= 1/2.
 * Performance notes: a Map<number, number> keyed by `left * 2^k + right` was ~2× slower (keys above
 * 2^31 are heap numbers, not Smis) and a Map per left id costs ~100 bytes per id.
 */
export class PairTable {
  left = new Int32Array(1024);
  right = new Int32Array(1024);
  /** Current (weighted) count of each pair; exact while below 2^53. */
  count = new Float64Array(1024);
  size = 0;
  private slots = new Int32Array(2048).fill(-1);
  private mask = 2047;

  private static hash(a: number, b: number): number {
    return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77)) >>> 0;
  }

  /** The pair's index, or -1. */
  get(a: number, b: number): number {
    let i = PairTable.hash(a, b) & this.mask;
    for (;;) {
      const p = this.slots[i]!;
      if (p < 0) return -1;
      if (this.left[p] === a && this.right[p] === b) return p;
      i = (i + 1) & this.mask;
    }
  }

  /** The pair's index, creating it (count 0) when new; `onCreate` lets owners grow their own columns. */
  intern(a: number, b: number): number {
    let i = PairTable.hash(a, b) & this.mask;
    for (;;) {
      const p = this.slots[i]!;
      if (p < 0) break;
      if (this.left[p] === a && this.right[p] === b) return p;
      i = (i + 1) & this.mask;
    }
    const p = this.size++;
    if (p >= this.left.length) this.growColumns();
    this.left[p] = a;
    this.right[p] = b;
    this.count[p] = 0;
    this.slots[i] = p;
    if (this.size * 2 > this.slots.length) this.rehash();
    return p;
  }

  private growColumns(): void {
    const n = this.left.length * 2;
    const l = new Int32Array(n); l.set(this.left); this.left = l;
    const r = new Int32Array(n); r.set(this.right); this.right = r;
    const c = new Float64Array(n); c.set(this.count); this.count = c;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let p = 0; p < this.size; p++) {
      let i = PairTable.hash(this.left[p]!, this.right[p]!) & mask;
      while (slots[i]! >= 0) i = (i + 1) & mask;
      slots[i] = p;
    }
    this.slots = slots;
    this.mask = mask;
  }
}
