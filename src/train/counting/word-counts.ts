/**
 * Word counts: how often each pre-tokenized "word" occurs in a corpus (HF `BpeTrainer::words`).
 * Spec: docs/algorithms/bpe-training.md §Counting.
 *
 * Counts are JS numbers, exact up to 2^53 − 1 (Number.MAX_SAFE_INTEGER): far beyond HF's old u32 word
 * counts (issue #437) and its i32 pair counts (issue #2058). Adding past 2^53 − 1 throws instead of
 * silently rounding. Iteration order is insertion order, which depends on worker timing; anything that
 * must be deterministic uses `sortedEntries()` (count descending, then word by UTF-16 code units).
 */
import { TokenlabError } from '../../core/errors.js';

export class WordCounts {
  private readonly map = new Map<string, number>();
  private totalCount = 0;

  /** Adds `n` (a non-negative safe integer) occurrences of `word`. */
  add(word: string, n = 1): void {
    const next = (this.map.get(word) ?? 0) + n;
    if (!Number.isSafeInteger(next) || n < 0) {
      throw new TokenlabError(`word count of ${JSON.stringify(word.slice(0, 40))} is not a safe integer (${n} added): counts are exact only below 2^53`);
    }
    this.map.set(word, next);
    this.totalCount += n;
  }

  /** Adds every count of `other` into this one (merging shards is a sum, so order does not matter). */
  merge(other: WordCounts | Iterable<[string, number]>): this {
    const entries = other instanceof WordCounts ? other.entries() : other;
    for (const [w, c] of entries) this.add(w, c);
    return this;
  }

  get(word: string): number {
    return this.map.get(word) ?? 0;
  }

  /** Number of distinct words. */
  get size(): number {
    return this.map.size;
  }

  /** Sum of all counts (number of word occurrences). */
  get total(): number {
    return this.totalCount;
  }

  entries(): IterableIterator<[string, number]> {
    return this.map.entries();
  }

  /** Deterministic order: count descending, then word ascending (UTF-16 code units). */
  sortedEntries(): [string, number][] {
    return [...this.map.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  }

  static from(entries: Iterable<[string, number]>): WordCounts {
    return new WordCounts().merge(entries);
  }
}
