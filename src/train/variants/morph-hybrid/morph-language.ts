/**
 * The language rules the morphology-aware hybrid tokenizer needs, kept behind one interface so a
 * language other than Turkish only has to supply its own casing, allomorphs and surface realizer
 * (spec §5, open question "pluggable surface realizer"). Turkish is turkish-language.ts.
 */

/** What the realizer may look at when it picks the surface of a shared id. */
export interface RealizeContext {
  /** The text just before the token (its last `CONTEXT_CHARS` UTF-16 units at most). */
  before: string;
  /** Whether the next token starts with a vowel (for softened forms such as kitab/kitap). */
  nextVowelInitial: boolean;
}

/** How much preceding text the realizer sees; the encoder and decoder both cut at this length. */
export const CONTEXT_CHARS = 32;

export interface MorphLanguage {
  /** A short code written into the vocabulary file (`tr`). */
  readonly code: string;
  /** Lowercase one code point, keeping it one code point (Turkish: I→ı, İ→i). */
  toLower(ch: string): string;
  /** Uppercase one code point, keeping it one code point (Turkish: i→İ, ı→I). */
  toUpper(ch: string): string;
  isVowel(ch: string): boolean;
  /**
   * The surfaces a root is written with, the root first (Turkish: kitap → [kitap, kitab]).
   * `pos` is the lexicon's part-of-speech tag when it has one; `isWord`, when given, says whether a
   * word form is attested (a spelling dictionary), to prefer evidence over the rule.
   */
  rootAllomorphs(root: string, pos?: string, isWord?: (w: string) => boolean): string[];
  /** Affix allomorph sets; each set shares one id. Surfaces in a set must start alike (all vowels or all consonants). */
  suffixSets(): readonly (readonly string[])[];
  /** Picks one surface of `surfaces` (an allomorph set, canonical form first) for this context. */
  realize(surfaces: readonly string[], ctx: RealizeContext): string;
}

/**
 * Whether `ch` counts as an uppercase letter to be written as `<uppercase>` + its lowercase: only
 * when lowercasing and uppercasing again gives it back, with the same UTF-16 length, so the marker
 * never loses text (ǅ, K-as-Kelvin-sign and the like stay literal).
 */
export function isRoundTripUpper(lang: MorphLanguage, ch: string): boolean {
  const lower = lang.toLower(ch);
  return lower !== ch && lower.length === ch.length && lang.toUpper(lower) === ch;
}
