/**
 * Word counts: how often each pre-tokenized "word" occurs in a corpus (HF `BpeTrainer::words`).
 * Spec: docs/algorithms/bpe-training.md §Counting.
 *
 * Counts are JS numbers, exact up to 2^53 − 1 (Number.MAX_SAFE_INTEGER): far beyond HF's old u32 word
 * counts (issue #437) and its i32 pair counts (issue #2058). Adding past 2^53 − 1 throws instead of
 * silently rounding. Iteration order is insertion order, which depends on worker timing; anything that
 * must be deterministic uses `sortedEntries()` (count descending, then word by UTF-16 code units).
 *
 * Storage: a compact byte-keyed table (word-table.ts; words as UTF-8, word-bytes.ts), not a
 * Map<string, number>: on 100 MB of English (478k words) the Map and the strings it pinned were the
 * largest part of training's peak memory. Strings are made on demand by `entries()`; trainers that
 * only need code points read the bytes directly (`forEachWordBytes`).
 */
import { TokenlabError } from '../../core/errors.js';
import type { PackedWords } from './packed-words.js';
import { decodeWord, encodeWord, maxWordBytes, utf16Length } from './word-bytes.js';
import { WordTable } from './word-table.js';

export class WordCounts {
  private readonly table = new WordTable();
  private totalCount = 0;
  private scratch = new Uint8Array(256);

  private encode(word: string): number {
    const need = maxWordBytes(word);
    if (need > this.scratch.length) this.scratch = new Uint8Array(Math.max(need, this.scratch.length * 2));
    return encodeWord(word, this.scratch, 0);
  }

  /** Adds `n` (a non-negative safe integer) occurrences of `word`. */
  add(word: string, n = 1): void {
    const end = this.encode(word);
    this.addBytes(this.scratch, 0, end, n, word);
  }

  /** Adds `n` occurrences of the word whose bytes (word-bytes.ts) are b[start..end). */
  addBytes(b: Uint8Array, start: number, end: number, n: number, word?: string): void {
    const t = this.table;
    const e = t.intern(b, start, end);
    const next = t.counts[e]! + n;
    if (!Number.isSafeInteger(next) || n < 0) {
      const w = word ?? decodeWord(b, start, end);
      throw new TokenlabError(`word count of ${JSON.stringify(w.slice(0, 40))} is not a safe integer (${n} added): counts are exact only below 2^53`);
    }
    t.counts[e] = next;
    this.totalCount += n;
  }

  /** Adds a batch of counted words (the result of counting one batch, count-batch.ts). */
  addPacked(p: PackedWords): void {
    let start = 0;
    for (let i = 0; i < p.counts.length; i++) {
      const end = p.ends[i]!;
      this.addBytes(p.bytes, start, end, p.counts[i]!);
      start = end;
    }
  }

  /** Adds every count of `other` into this one (merging shards is a sum, so order does not matter). */
  merge(other: WordCounts | Iterable<[string, number]>): this {
    if (other instanceof WordCounts) {
      other.forEachWordBytes((b, s, e, c) => this.addBytes(b, s, e, c));
      return this;
    }
    for (const [w, c] of other) this.add(w, c);
    return this;
  }

  get(word: string): number {
    const end = this.encode(word);
    const e = this.table.find(this.scratch, 0, end);
    return e < 0 ? 0 : this.table.counts[e]!;
  }

  /** Number of distinct words. */
  get size(): number {
    return this.table.size;
  }

  /** Sum of all counts (number of word occurrences). */
  get total(): number {
    return this.totalCount;
  }

  /** Bytes of all words (word-bytes.ts encoding): an upper bound of their total length in code points. */
  get wordBytes(): number {
    return this.table.keyBytes;
  }

  /** Length of the longest word in UTF-16 units (0 when empty). */
  longestWord(): number {
    let longest = 0;
    this.forEachWordBytes((b, s, e) => {
      if (e - s > longest) longest = Math.max(longest, utf16Length(b, s, e));
    });
    return longest;
  }

  /**
   * Calls `fn` with each word's bytes b[start..end) (word-bytes.ts: decode with `codePointAt`) and
   * count, in insertion order. `b` is shared storage: read it during the call only.
   */
  forEachWordBytes(fn: (b: Uint8Array, start: number, end: number, count: number, index: number) => void): void {
    const t = this.table;
    const keys = t.keys;
    let start = 0;
    for (let i = 0; i < t.size; i++) {
      const end = t.keyEnd[i]!;
      fn(keys, start, end, t.counts[i]!, i);
      start = end;
    }
  }

  *entries(): IterableIterator<[string, number]> {
    const t = this.table;
    let start = 0;
    for (let i = 0; i < t.size; i++) {
      const end = t.keyEnd[i]!;
      yield [decodeWord(t.keys, start, end), t.counts[i]!];
      start = end;
    }
  }

  /** Deterministic order: count descending, then word ascending (UTF-16 code units). */
  sortedEntries(): [string, number][] {
    return [...this.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  }

  /** Releases the table's spare capacity (call when counting is done). */
  trim(): void {
    this.table.trim();
  }

  static from(entries: Iterable<[string, number]>): WordCounts {
    return new WordCounts().merge(entries);
  }
}
