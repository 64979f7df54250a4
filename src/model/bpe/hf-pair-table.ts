/**
 * The BPE merge table: (left id, right id) -> (rank, new id), as an open-addressing hash table
 * over typed arrays. Why not a Map: a packed key `left * vocab + right` exceeds the small-integer
 * range for 100k+ vocabularies, and V8 then hashes heap numbers — lookups were the top cost of
 * `mergeWord` and building the Map the top cost of loading (gemma3: 515k merges).
 * Complexity: O(1) expected per lookup (load factor <= 0.5, linear probing).
 */
export class PairTable {
  private readonly mask: number;
  private readonly left: Int32Array;
  private readonly right: Int32Array;
  private readonly ranks: Int32Array;
  private readonly ids: Int32Array;
  size = 0;

  constructor(expected: number) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.mask = cap - 1;
    this.left = new Int32Array(cap).fill(-1);
    this.right = new Int32Array(cap);
    this.ranks = new Int32Array(cap);
    this.ids = new Int32Array(cap);
  }

  private slot(a: number, b: number): number {
    return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77)) & this.mask;
  }

  /** Inserts or overwrites (a later duplicate merge replaces an earlier one, as HF's map does). */
  set(a: number, b: number, rank: number, newId: number): void {
    let i = this.slot(a, b);
    for (;;) {
      const l = this.left[i]!;
      if (l === -1) {
        this.left[i] = a; this.right[i] = b; this.ranks[i] = rank; this.ids[i] = newId;
        this.size++;
        return;
      }
      if (l === a && this.right[i] === b) { this.ranks[i] = rank; this.ids[i] = newId; return; }
      i = (i + 1) & this.mask;
    }
  }

  /** Slot of the pair, or -1; read its fields with `rankAt` / `idAt`. */
  find(a: number, b: number): number {
    let i = this.slot(a, b);
    for (;;) {
      const l = this.left[i]!;
      if (l === -1) return -1;
      if (l === a && this.right[i] === b) return i;
      i = (i + 1) & this.mask;
    }
  }

  rankAt(slot: number): number { return this.ranks[slot]!; }
  idAt(slot: number): number { return this.ids[slot]!; }
}
