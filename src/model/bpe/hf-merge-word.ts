/**
 * HF BPE's `Word::merge_all`: merge a word's symbols by learned pair rank with a min-heap keyed by
 * (rank, position) — the lowest rank wins, and among equal ranks the leftmost position
 * (docs/algorithms/hf-bpe.md, spec: training-algorithms.md §1.4).
 *
 * Symbols live in a doubly linked list over typed arrays; pairs are looked up in a `PairTable`. A heap entry is stale when the pair now at
 * its position no longer produces the entry's new id (exactly HF's check, which compares new ids, not
 * ranks: a different pair that yields the same token is still merged at the stale entry's rank).
 *
 * Complexity: O(n log n) for a piece of n symbols — every merge pushes at most two entries.
 * Performance notes: rank and position are kept in parallel typed arrays and compared as two keys.
 * Packing them into one float64 (rank * 2^32 + pos) saves a compare but is exact only for
 * rank < 2^21, so it was not used.
 */

import type { PairTable } from './hf-pair-table.js';

/** A growable binary min-heap of (rank, pos, newId) triples, ordered by (rank, pos). */
class MergeHeap {
  private rank: Float64Array;
  private pos: Int32Array;
  private nid: Int32Array;
  size = 0;

  constructor(capacity: number) {
    const c = Math.max(4, capacity);
    this.rank = new Float64Array(c);
    this.pos = new Int32Array(c);
    this.nid = new Int32Array(c);
  }

  private less(i: number, j: number): boolean {
    const a = this.rank[i]!, b = this.rank[j]!;
    return a < b || (a === b && this.pos[i]! < this.pos[j]!);
  }

  private swap(i: number, j: number): void {
    const r = this.rank[i]!, p = this.pos[i]!, n = this.nid[i]!;
    this.rank[i] = this.rank[j]!; this.pos[i] = this.pos[j]!; this.nid[i] = this.nid[j]!;
    this.rank[j] = r; this.pos[j] = p; this.nid[j] = n;
  }

  push(rank: number, pos: number, nid: number): void {
    if (this.size === this.rank.length) this.grow();
    let i = this.size++;
    this.rank[i] = rank; this.pos[i] = pos; this.nid[i] = nid;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  /** Removes the top; its fields are left in topRank/topPos/topNid. */
  topRank = 0; topPos = 0; topNid = 0;
  pop(): void {
    this.topRank = this.rank[0]!; this.topPos = this.pos[0]!; this.topNid = this.nid[0]!;
    const last = --this.size;
    if (last > 0) {
      this.rank[0] = this.rank[last]!; this.pos[0] = this.pos[last]!; this.nid[0] = this.nid[last]!;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1, r = l + 1;
        let m = i;
        if (l < last && this.less(l, m)) m = l;
        if (r < last && this.less(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
  }

  private grow(): void {
    const c = this.rank.length * 2;
    const r = new Float64Array(c); r.set(this.rank); this.rank = r;
    const p = new Int32Array(c); p.set(this.pos); this.pos = p;
    const n = new Int32Array(c); n.set(this.nid); this.nid = n;
  }
}

interface Scratch { c: Int32Array; len: Int32Array; prev: Int32Array; next: Int32Array; heap: MergeHeap }

function newScratch(n: number): Scratch {
  const cap = Math.max(64, 2 ** Math.ceil(Math.log2(n)));
  return { c: new Int32Array(cap), len: new Int32Array(cap), prev: new Int32Array(cap), next: new Int32Array(cap), heap: new MergeHeap(cap) };
}

let scratch = newScratch(64);

/**
 * Merges in place. `ids[i]`/`lens[i]` are the initial symbols (lens in UTF-16 units of the piece);
 * returns the surviving symbols as parallel arrays.
 */
export function mergeWord(ids: number[], lens: number[], table: PairTable): { ids: number[]; lens: number[] } {
  const n = ids.length;
  if (n < 2) return { ids, lens };
  // Scratch arrays are reused across calls: most pieces are short, and allocating eight typed arrays
  // per cache miss cost more than the merging itself.
  if (scratch.c.length < n) scratch = newScratch(n);
  const { c, len, prev, next, heap } = scratch;
  heap.size = 0;
  for (let i = 0; i < n; i++) { c[i] = ids[i]!; len[i] = lens[i]!; prev[i] = i - 1; next[i] = i + 1 < n ? i + 1 : -1; }
  for (let i = 0; i + 1 < n; i++) {
    const slot = table.find(c[i]!, c[i + 1]!);
    if (slot >= 0) heap.push(table.rankAt(slot), i, table.idAt(slot));
  }
  while (heap.size > 0) {
    heap.pop();
    const pos = heap.topPos;
    if (len[pos] === 0) continue;
    const nx = next[pos]!;
    if (nx === -1) continue;
    const cur = table.find(c[pos]!, c[nx]!);
    if (cur < 0 || table.idAt(cur) !== heap.topNid) continue;
    const nid = heap.topNid;
    // Merge the right symbol into the left one.
    c[pos] = nid;
    len[pos] = len[pos]! + len[nx]!;
    len[nx] = 0;
    const nn = next[nx]!;
    next[pos] = nn;
    if (nn !== -1) prev[nn] = pos;
    const pv = prev[pos]!;
    if (pv >= 0) {
      const k = table.find(c[pv]!, nid);
      if (k >= 0) heap.push(table.rankAt(k), pv, table.idAt(k));
    }
    if (nn !== -1) {
      const k = table.find(nid, c[nn]!);
      if (k >= 0) heap.push(table.rankAt(k), pos, table.idAt(k));
    }
  }
  const outIds: number[] = [];
  const outLens: number[] = [];
  for (let i = 0; i !== -1; i = next[i]!) { outIds.push(c[i]!); outLens.push(len[i]!); }
  return { ids: outIds, lens: outLens };
}
