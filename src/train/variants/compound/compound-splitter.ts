/**
 * The pluggable decompounder of compound-aware training (spec §6; docs/algorithms/compound-aware.md):
 * any `word → constituents` function. Contract: surface-preserving — the constituents concatenate
 * back to the word exactly (linking elements stay on a side; the dictionaries put them on the left),
 * a split has no empty constituent, and a word that is not a compound comes back as `[word]`.
 */
import { TokenlabError } from '../../../core/errors.js';

export interface CompoundSplitter {
  /** Short name for reports (e.g. `dictionary:de`, `hyphen`). */
  readonly name: string;
  split(word: string): string[];
}

/** Wraps a splitter with a per-word cache and a check of the surface contract. */
export function cachedSplitter(inner: CompoundSplitter, maxEntries = 1 << 20): CompoundSplitter {
  const cache = new Map<string, string[]>();
  return {
    name: inner.name,
    split(word: string): string[] {
      const hit = cache.get(word);
      if (hit !== undefined) return hit;
      const parts = inner.split(word);
      // `[word]` is always allowed (also for ""); a real split has no empty part.
      if (parts.join('') !== word || parts.length === 0 || (parts.length > 1 && parts.some((p) => p === ''))) {
        throw new TokenlabError(`compound splitter ${inner.name} broke the surface of ${JSON.stringify(word)}: ${JSON.stringify(parts)}`);
      }
      if (cache.size >= maxEntries) cache.clear();
      cache.set(word, parts);
      return parts;
    },
  };
}

/** Whether a word is eligible for decompounding: letters (and combining marks) only, as §6.2 skips
 * words with hyphens, digits or punctuation. */
export function isDecompoundable(word: string): boolean {
  return /^[\p{L}\p{M}]+$/u.test(word);
}
