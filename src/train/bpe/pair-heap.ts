/**
 * Indexed binary max-heap of pair indices for the BPE trainer. Order (HF's `Merge` ordering,
 * spec §1.1 step 7): higher count first; ties: smaller left id, then smaller right id.
 * Because counts are kept exact and every change re-sifts its pair, popping the top equals HF's
 * lazily refreshed heap (an entry is only merged once its stored count is current).
 * `pos[p]` is p's slot or -1. Complexity: O(log n) per insert/update/remove.
 */
import type { PairTable } from './pair-table.js';

export class PairHeap {
  private heap = new Int32Array(1024);
  private pos = new Int32Array(1024).fill(-1);
  size = 0;

  constructor(private readonly pairs: PairTable) {}

  has(p: number): boolean {
    return p < this.pos.length && this.pos[p]! >= 0;
  }

  top(): number {
    return this.size > 0 ? this.heap[0]! : -1;
  }

  /** Inserts p, or restores heap order after p's count changed. */
  update(p: number): void {
    if (p >= this.pos.length) {
      const np = new Int32Array(Math.max(p + 1, this.pos.length + (this.pos.length >> 1))).fill(-1);
      np.set(this.pos);
      this.pos = np;
    }
    const i = this.pos[p]!;
    if (i < 0) {
      if (this.size >= this.heap.length) {
        const nh = new Int32Array(this.heap.length + (this.heap.length >> 1));
        nh.set(this.heap);
        this.heap = nh;
      }
      this.heap[this.size] = p;
      this.pos[p] = this.size++;
      this.up(this.size - 1);
      return;
    }
    this.up(i);
    this.down(this.pos[p]!);
  }

  remove(p: number): void {
    if (!this.has(p)) return;
    const i = this.pos[p]!;
    const last = this.heap[--this.size]!;
    this.pos[p] = -1;
    if (i === this.size) return;
    this.heap[i] = last;
    this.pos[last] = i;
    this.up(i);
    this.down(this.pos[last]!);
  }

  /** True when pair x should pop before pair y. */
  private before(x: number, y: number): boolean {
    const t = this.pairs;
    const cx = t.count[x]!;
    const cy = t.count[y]!;
    if (cx !== cy) return cx > cy;
    const lx = t.left[x]!;
    const ly = t.left[y]!;
    if (lx !== ly) return lx < ly;
    return t.right[x]! < t.right[y]!;
  }

  private up(i: number): void {
    const h = this.heap;
    const p = h[i]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const q = h[parent]!;
      if (!this.before(p, q)) break;
      h[i] = q;
      this.pos[q] = i;
      i = parent;
    }
    h[i] = p;
    this.pos[p] = i;
  }

  private down(i: number): void {
    const h = this.heap;
    const n = this.size;
    const p = h[i]!;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && this.before(h[c + 1]!, h[c]!)) c++;
      const q = h[c]!;
      if (!this.before(q, p)) break;
      h[i] = q;
      this.pos[q] = i;
      i = c;
    }
    h[i] = p;
    this.pos[p] = i;
  }
}
