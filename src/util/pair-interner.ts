/**
 * Interning of integer pairs: (left, right) -> dense index 0, 1, 2, … in creation order, with the
 * pairs in two columns (`left[p]`, `right[p]`). Owners keep their per-pair data (counts, ranks, new
 * ids, occurrence heads) in their own typed arrays indexed by p, growing them when p passes their
 * length. Used by the BPE trainer, the HF BPE model's merge table and mixture inference's replay.
 *
 * Open addressing with linear probing over an Int32Array of pair indices (-1 = empty), load <= 1/2;
 * pairs are never removed. Why not a Map: a packed key `left * 2^k + right` is a heap number above
 * 2^31 (V8 hashes those slowly: ~2× slower), and a Map per left id costs ~100 bytes per id.
 * Complexity: O(1) expected per get/intern; rehash O(pairs) on doubling.
 */
export class PairInterner {
  left: Int32Array;
  right: Int32Array;
  /** Number of pairs interned (the next pair gets this index). */
  size = 0;
  private slots: Int32Array;
  private mask: number;

  /** @param expected pairs to make room for up front (columns grow by doubling beyond it) */
  constructor(expected = 1024) {
    const n = Math.max(16, expected);
    this.left = new Int32Array(n);
    this.right = new Int32Array(n);
    let cap = 32;
    while (cap < n * 2) cap *= 2;
    this.slots = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
  }

  private static hash(a: number, b: number): number {
    return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77)) >>> 0;
  }

  /** The pair's index, or -1 when it was never interned. */
  get(a: number, b: number): number {
    const mask = this.mask;
    let i = PairInterner.hash(a, b) & mask;
    for (;;) {
      const p = this.slots[i]!;
      if (p < 0) return -1;
      if (this.left[p] === a && this.right[p] === b) return p;
      i = (i + 1) & mask;
    }
  }

  /** The pair's index, creating it (index `size`) when new. */
  intern(a: number, b: number): number {
    const mask = this.mask;
    let i = PairInterner.hash(a, b) & mask;
    for (;;) {
      const p = this.slots[i]!;
      if (p < 0) break;
      if (this.left[p] === a && this.right[p] === b) return p;
      i = (i + 1) & mask;
    }
    const p = this.size++;
    if (p >= this.left.length) this.growColumns();
    this.left[p] = a;
    this.right[p] = b;
    this.slots[i] = p;
    if (this.size * 2 > this.slots.length) this.rehash();
    return p;
  }

  /** Grows the columns by 1.5× (not 2×): owners size their columns to match, so slack costs them too. */
  private growColumns(): void {
    const n = this.left.length + (this.left.length >> 1);
    const l = new Int32Array(n); l.set(this.left); this.left = l;
    const r = new Int32Array(n); r.set(this.right); this.right = r;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let p = 0; p < this.size; p++) {
      let i = PairInterner.hash(this.left[p]!, this.right[p]!) & mask;
      while (slots[i]! >= 0) i = (i + 1) & mask;
      slots[i] = p;
    }
    this.slots = slots;
    this.mask = mask;
  }
}
