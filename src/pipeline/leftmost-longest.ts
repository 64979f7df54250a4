/**
 * Multi-pattern search with leftmost-longest semantics (what HF gets from aho-corasick with
 * `MatchKind::LeftmostLongest`): scanning left to right, the match that starts earliest wins, and
 * among those the longest; the search resumes after it (non-overlapping).
 *
 * A trie over UTF-16 code units, walked from every candidate start (positions whose first unit
 * starts some pattern). Patterns are valid strings, so unit matching equals HF's byte matching.
 * Complexity: O(n * d) for text length n and trie depth d (added tokens are short); a full
 * Aho-Corasick automaton would be O(n) but is not worth it at these sizes.
 */
interface Node { next: Map<number, Node>; pattern: number }

export interface Match { start: number; end: number; pattern: number }

export class LeftmostLongest {
  private readonly root: Node = { next: new Map(), pattern: -1 };

  /** `patterns[i]` is reported as pattern i; empty patterns never match; a duplicate keeps the first index. */
  constructor(patterns: readonly string[]) {
    patterns.forEach((p, i) => {
      if (p.length === 0) return;
      let node = this.root;
      for (let k = 0; k < p.length; k++) {
        const u = p.charCodeAt(k);
        let child = node.next.get(u);
        if (child === undefined) { child = { next: new Map(), pattern: -1 }; node.next.set(u, child); }
        node = child;
      }
      if (node.pattern === -1) node.pattern = i;
    });
  }

  get isEmpty(): boolean { return this.root.next.size === 0; }

  findAll(text: string): Match[] {
    const out: Match[] = [];
    if (this.isEmpty) return out;
    for (let i = 0; i < text.length;) {
      let node: Node | undefined = this.root;
      let best: Match | null = null;
      for (let k = i; k < text.length; k++) {
        node = node.next.get(text.charCodeAt(k));
        if (node === undefined) break;
        if (node.pattern >= 0) best = { start: i, end: k + 1, pattern: node.pattern };
      }
      if (best !== null) { out.push(best); i = best.end; } else i++;
    }
    return out;
  }
}
