/**
 * A byte trie for greedy longest-prefix matching over UTF-8. One Map keyed by `node * 256 + byte`
 * holds every edge, so tens of thousands of entries cost one hash table rather than one per node.
 */
export class ByteTrie {
  private readonly edges = new Map<number, number>();
  /** Value per node, -1 when no entry ends there. */
  private readonly values: number[] = [-1];

  /** Adds `bytes` → `value`; an existing entry keeps its value (first writer wins). Returns whether added. */
  insert(bytes: Uint8Array, value: number): boolean {
    let node = 0;
    for (const b of bytes) {
      const key = node * 256 + b;
      let next = this.edges.get(key);
      if (next === undefined) {
        next = this.values.length;
        this.values.push(-1);
        this.edges.set(key, next);
      }
      node = next;
    }
    if (node === 0 || this.values[node] !== -1) return false;
    this.values[node] = value;
    return true;
  }

  /** The longest entry that is a prefix of `bytes[from, end)`: its length and value, or undefined. */
  longest(bytes: Uint8Array, from: number, end: number): { length: number; value: number } | undefined {
    let node = 0;
    let best: { length: number; value: number } | undefined;
    for (let i = from; i < end; i++) {
      const next = this.edges.get(node * 256 + bytes[i]!);
      if (next === undefined) break;
      node = next;
      const v = this.values[node]!;
      if (v !== -1) best = { length: i - from + 1, value: v };
    }
    return best;
  }
}
