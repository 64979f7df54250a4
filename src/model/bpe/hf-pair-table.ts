/**
 * The BPE merge table: (left id, right id) -> (rank, new id). Pairs are interned by the shared
 * PairInterner (open addressing over typed arrays); rank and new id are columns by pair index.
 * Why not a Map: a packed key `left * vocab + right` exceeds the small-integer range for 100k+
 * vocabularies, and V8 then hashes heap numbers — lookups were the top cost of `mergeWord` and
 * building the Map the top cost of loading (gemma3: 515k merges).
 * Complexity: O(1) expected per lookup (load factor <= 0.5, linear probing).
 */
import { PairInterner } from '../../util/pair-interner.js';

export class PairTable {
  private readonly pairs: PairInterner;
  private ranks: Int32Array;
  private ids: Int32Array;

  constructor(expected: number) {
    this.pairs = new PairInterner(expected);
    this.ranks = new Int32Array(this.pairs.left.length);
    this.ids = new Int32Array(this.pairs.left.length);
  }

  get size(): number {
    return this.pairs.size;
  }

  /** Inserts or overwrites (a later duplicate merge replaces an earlier one, as HF's map does). */
  set(a: number, b: number, rank: number, newId: number): void {
    const p = this.pairs.intern(a, b);
    if (p >= this.ranks.length) {
      const n = this.pairs.left.length;
      const r = new Int32Array(n); r.set(this.ranks); this.ranks = r;
      const d = new Int32Array(n); d.set(this.ids); this.ids = d;
    }
    this.ranks[p] = rank;
    this.ids[p] = newId;
  }

  /** Index of the pair, or -1; read its fields with `rankAt` / `idAt`. */
  find(a: number, b: number): number {
    return this.pairs.get(a, b);
  }

  rankAt(slot: number): number { return this.ranks[slot]!; }
  idAt(slot: number): number { return this.ids[slot]!; }
}
