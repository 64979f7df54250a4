/**
 * A prefix trie over UTF-16 code units for Unigram's common-prefix search. Edges live in one Map
 * keyed by `node * 65536 + unit` (no per-node objects), terminals in an Int32Array of ids.
 * Because pieces are valid strings, matching code units gives the same matches as HF's byte trie.
 * Complexity: O(k) per search for a match of k units.
 */
export class PrefixTrie {
  private readonly edges = new Map<number, number>();
  private terminal: Int32Array = new Int32Array(1).fill(-1);
  private nodes = 1;

  insert(key: string, id: number): void {
    let node = 0;
    for (let i = 0; i < key.length; i++) {
      const e = node * 65536 + key.charCodeAt(i);
      let child = this.edges.get(e);
      if (child === undefined) {
        child = this.nodes++;
        this.edges.set(e, child);
        if (child >= this.terminal.length) {
          const t = new Int32Array(this.terminal.length * 2).fill(-1);
          t.set(this.terminal);
          this.terminal = t;
        }
      }
      node = child;
    }
    this.terminal[node] = id;
  }

  /** Calls `visit(id, end)` for every key that is a prefix of text[start..], shortest first. */
  forEachPrefix(text: string, start: number, visit: (id: number, end: number) => void): void {
    let node = 0;
    for (let i = start; i < text.length; i++) {
      const child = this.edges.get(node * 65536 + text.charCodeAt(i));
      if (child === undefined) return;
      node = child;
      const id = this.terminal[node]!;
      if (id >= 0) visit(id, i + 1);
    }
  }
}
