/**
 * PairCounts: the word types of one category sample, their current symbol sequences, and the
 * count of every adjacent symbol pair, updated incrementally as forced merges are applied.
 * Spec: docs/algorithms/mixture-inference.md §Replay (Hayase et al. step A).
 *
 * - Counts are naive, like the HF trainer: "aaa" holds the pair (a,a) twice. A word of count c adds c
 *   per adjacent position.
 * - Merging is left to right, non-overlapping, in every word that holds the pair (HF `Word::merge`).
 * - Pairs are interned to dense local ids (the shared PairInterner).
 * - Each pair keeps an occurrence list of words that may hold it (a singly linked list in flat
 *   arrays; stale entries are skipped when the word no longer holds the pair). Only pairs that contain
 *   the new symbol gain entries after a merge: every other pair of a word was already listed.
 *
 * Complexity: applying merge t costs O(Σ length of the words holding the pair): each such word's old
 * pairs are subtracted and its new pairs added (simpler than HF's local update and the same order,
 * since pieces are short). Memory: O(total symbols + occurrences + pairs).
 */
import { PairInterner } from '../../util/pair-interner.js';
import { ensureFloat64, ensureInt32, GrowableInt32 } from './growable.js';

export interface PairChange {
  /** Local pair id. */
  pair: number;
  /** Count change caused by the merge (non-zero). */
  delta: number;
}

export class PairCounts {
  // Words: symbols of word w are sym[start[w] .. start[w] + len[w]).
  private readonly sym: Int32Array;
  private readonly start: Int32Array;
  private readonly len: Int32Array;
  private readonly wordCount: Float64Array;
  private readonly stamp: Int32Array;
  private stampNow = 0;

  // Pairs: (left, right) -> local id; per-pair columns below are indexed by it.
  private readonly pairs = new PairInterner(1024);
  count = new Float64Array(1024);

  // Occurrence lists: head per pair, then (word, next) nodes.
  private head = new Int32Array(1024).fill(-1);
  private lastWord = new Int32Array(1024).fill(-1);
  private readonly occWord = new GrowableInt32(1 << 16);
  private readonly occNext = new GrowableInt32(1 << 16);

  // Per-merge delta accumulation.
  private delta = new Float64Array(1024);
  private readonly touched = new GrowableInt32(1024);
  private touchedMark = new Int32Array(1024);

  /** Number of adjacent pairs (weighted) at construction: the denominator D of the paper. */
  readonly initialTotal: number;

  /**
   * @param words symbol sequences (bytes for a fresh sample), one per word type
   * @param counts occurrence count of each word type
   */
  constructor(words: readonly Int32Array[], counts: ArrayLike<number>) {
    let total = 0;
    for (const w of words) total += w.length;
    this.sym = new Int32Array(total);
    this.start = new Int32Array(words.length);
    this.len = new Int32Array(words.length);
    this.wordCount = new Float64Array(words.length);
    this.stamp = new Int32Array(words.length);
    let at = 0;
    let pairs = 0;
    for (let w = 0; w < words.length; w++) {
      const word = words[w]!;
      const c = counts[w]!;
      this.sym.set(word, at);
      this.start[w] = at;
      this.len[w] = word.length;
      this.wordCount[w] = c;
      for (let i = 0; i + 1 < word.length; i++) {
        const p = this.intern(word[i]!, word[i + 1]!);
        this.count[p]! += c;
        pairs += c;
        this.addOccurrence(p, w);
      }
      at += word.length;
    }
    this.initialTotal = pairs;
  }

  /** Left symbol of each pair, by local id. */
  get left(): Int32Array {
    return this.pairs.left;
  }

  /** Right symbol of each pair, by local id. */
  get right(): Int32Array {
    return this.pairs.right;
  }

  /** Number of distinct pairs seen. */
  get size(): number {
    return this.pairs.size;
  }

  /** Local id of pair (a,b), or -1 if it was never seen. */
  get(a: number, b: number): number {
    return this.pairs.get(a, b);
  }

  private intern(a: number, b: number): number {
    const p = this.pairs.intern(a, b);
    if (p >= this.count.length) this.growPairs(p + 1);
    return p;
  }

  private growPairs(n: number): void {
    this.count = ensureFloat64(this.count, n);
    this.head = ensureInt32(this.head, n, -1);
    this.lastWord = ensureInt32(this.lastWord, n, -1);
    this.delta = ensureFloat64(this.delta, n);
    this.touchedMark = ensureInt32(this.touchedMark, n);
  }

  private addOccurrence(p: number, w: number): void {
    if (this.lastWord[p] === w) return;
    this.lastWord[p] = w;
    const node = this.occWord.push(w);
    this.occNext.push(this.head[p]!);
    this.head[p] = node;
  }

  private addDelta(p: number, d: number, mark: number): void {
    if (this.touchedMark[p] !== mark) {
      this.touchedMark[p] = mark;
      this.delta[p] = 0;
      this.touched.push(p);
    }
    this.delta[p]! += d;
  }

  /**
   * Applies the merge (a,b) -> z to every word, updates the counts, and calls `onChange(pair, delta)`
   * for every pair whose count changed (in first-touched order). A pair that never occurs is a no-op.
   */
  applyMerge(a: number, b: number, z: number, onChange: (pair: number, delta: number) => void): void {
    const p = this.get(a, b);
    if (p < 0 || this.head[p] === -1) return;
    const mark = ++this.stampNow;
    this.touched.length = 0;
    const sym = this.sym;
    const occWord = this.occWord.data;
    for (let node = this.head[p]!; node !== -1; node = this.occNext.data[node]!) {
      const w = occWord[node]!;
      if (this.stamp[w] === mark) continue;
      this.stamp[w] = mark;
      const s = this.start[w]!;
      const n = this.len[w]!;
      let found = false;
      for (let i = s; i + 1 < s + n; i++) if (sym[i] === a && sym[i + 1] === b) { found = true; break; }
      if (!found) continue;
      const c = this.wordCount[w]!;
      for (let i = s; i + 1 < s + n; i++) this.addDelta(this.get(sym[i]!, sym[i + 1]!), -c, mark);
      let j = s;
      for (let i = s; i < s + n; ) {
        if (i + 1 < s + n && sym[i] === a && sym[i + 1] === b) {
          sym[j++] = z;
          i += 2;
        } else sym[j++] = sym[i++]!;
      }
      this.len[w] = j - s;
      for (let i = s; i + 1 < j; i++) {
        const x = sym[i]!;
        const y = sym[i + 1]!;
        const q = this.intern(x, y);
        this.addDelta(q, c, mark);
        if (x === z || y === z) this.addOccurrence(q, w);
      }
    }
    this.head[p] = -1;
    const touched = this.touched.data;
    for (let k = 0; k < this.touched.length; k++) {
      const q = touched[k]!;
      const d = this.delta[q]!;
      if (d !== 0) {
        this.count[q]! += d;
        onChange(q, d);
      }
    }
  }

  /** Current symbol sequence of word w (a copy; for tests). */
  word(w: number): Int32Array {
    return this.sym.slice(this.start[w]!, this.start[w]! + this.len[w]!);
  }
}
