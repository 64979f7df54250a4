/**
 * %valid-word and %pure per language: the Turkish %TR / %Pure procedure of Bayram et al. 2025
 * (spec §3), with the ITU web services replaced by a pluggable `LanguageValidator` (offline).
 *
 * Over *unique* tokens, never occurrences:
 * 1. Take the unique token strings the tokenizer produced on the language's text.
 * 2. Join them with spaces and re-split on whitespace (what the reference does by sending them to
 *    the web service): " ev" and "ev" become one key, whitespace-only tokens disappear.
 * 3. keys = the set of resulting strings.
 *    %valid = |{k ∈ keys : isValidWord(k)}| / |keys|
 *    %pure  = |{k ∈ keys : rootOf(k) = k}| / |keys|   (a key that is its own root: not decomposable)
 * Punctuation, digits and word pieces count in the denominator and are (usually) not valid words.
 */

export interface LanguageValidator {
  /** ISO 639-3 code of the language checked. */
  language: string;
  /** Where the lexicon comes from (reported with the numbers). */
  source: string;
  isValidWord(word: string): boolean;
  /** The root of a word, or undefined when it has none in the lexicon. */
  rootOf(word: string): string | undefined;
}

export interface ValidityResult {
  /** Always "unique": the per-type variant (spec §3 asks to say which one was used). */
  variant: 'unique';
  uniqueTokens: number;
  keys: number;
  valid: number;
  pure: number;
  validShare: number;
  pureShare: number;
  source: string;
}

/** Step 2: the key set of a set of unique token strings. */
export function tokenKeys(tokens: Iterable<string>): Set<string> {
  const keys = new Set<string>();
  for (const t of tokens) for (const k of t.split(/\s+/u)) if (k !== '') keys.add(k);
  return keys;
}

export function wordValidity(uniqueTokens: ReadonlySet<string>, v: LanguageValidator): ValidityResult {
  const keys = tokenKeys(uniqueTokens);
  let valid = 0;
  let pure = 0;
  for (const k of keys) {
    if (v.isValidWord(k)) valid++;
    if (v.rootOf(k) === k) pure++;
  }
  return {
    variant: 'unique',
    uniqueTokens: uniqueTokens.size,
    keys: keys.size,
    valid,
    pure,
    validShare: keys.size === 0 ? 0 : valid / keys.size,
    pureShare: keys.size === 0 ? 0 : pure / keys.size,
    source: v.source,
  };
}

/** A validator from a word list: valid = in the list (exact, case-sensitive), root = itself if listed. */
export function lexiconValidator(language: string, words: Iterable<string>, source = 'lexicon'): LanguageValidator {
  const set = new Set(words);
  return {
    language,
    source,
    isValidWord: (w) => set.has(w),
    rootOf: (w) => (set.has(w) ? w : undefined),
  };
}
