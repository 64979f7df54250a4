/**
 * SuperBPE's superword filters (spec §2.1 step 5; tokenizers-superbpe commit a27d8bf), as a merge
 * veto: a candidate is rejected (and dropped for good) when its token
 * - contains a forbidden substring (default `:Ġ`, a colon followed by a space), or
 * - has more than `maxWordsPerToken` "words" (default 4): non-empty segments after splitting the
 *   token on `Ġ`, so punctuation segments count (`.ĠThe` has 2).
 */
import type { MergeCandidate } from '../bpe/bpe-options.js';

export interface SuperwordFilters {
  maxWordsPerToken?: number;
  forbiddenSubstrings?: string[];
}

export const SUPERBPE_DEFAULT_FILTERS: Required<SuperwordFilters> = { maxWordsPerToken: 4, forbiddenSubstrings: [':Ġ'] };

export function wordsInToken(token: string): number {
  let n = 0;
  for (const seg of token.split('Ġ')) if (seg.length > 0) n++;
  return n;
}

export function superwordVeto(f: SuperwordFilters = {}): (c: MergeCandidate) => boolean {
  const max = f.maxWordsPerToken ?? SUPERBPE_DEFAULT_FILTERS.maxWordsPerToken;
  const forbidden = f.forbiddenSubstrings ?? SUPERBPE_DEFAULT_FILTERS.forbiddenSubstrings;
  return (c) => forbidden.some((s) => c.merged.includes(s)) || wordsInToken(c.merged) > max;
}
