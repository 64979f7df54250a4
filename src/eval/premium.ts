/**
 * Token premium and parity on parallel text (Petrov et al. 2023; spec §4), and the UNK share.
 *
 *   premium(lang) = N(lang, A) / N(ref, A)
 *
 * where ref is the reference language (English) and A the aligned units (UDHR articles, FLORES
 * sentences) present in both documents — for a complete translation A is the whole text, so this
 * is Petrov's N(lang) / N(eng); for a partial one it compares like with like. Parity ⇔ premium ≈ 1.
 *
 *   UNK share = characters covered by UNK tokens / characters;   invalid ⇔ UNK share > 0.1
 *
 * (Petrov marks language–tokenizer pairs with more than 10% UNK characters invalid: their low token
 * count is an artefact of throwing text away.)
 */

export const UNK_INVALID_THRESHOLD = 0.1;

export interface PremiumResult {
  premium: number;
  /** Units used (present in both documents). */
  alignedUnits: number;
  tokens: number;
  referenceTokens: number;
}

/**
 * Premium from per-unit token counts of a language and of the reference. Returns undefined when no
 * unit is shared or the reference has no tokens on the shared units.
 */
export function premium(lang: ReadonlyMap<string, number>, reference: ReadonlyMap<string, number>): PremiumResult | undefined {
  let tokens = 0;
  let referenceTokens = 0;
  let alignedUnits = 0;
  for (const [unit, n] of lang) {
    const r = reference.get(unit);
    if (r === undefined) continue;
    tokens += n;
    referenceTokens += r;
    alignedUnits++;
  }
  if (alignedUnits === 0 || referenceTokens === 0) return undefined;
  return { premium: tokens / referenceTokens, alignedUnits, tokens, referenceTokens };
}

export function unkShare(unkChars: number, chars: number): number {
  return chars === 0 ? 0 : unkChars / chars;
}

export function isInvalid(share: number): boolean {
  return share > UNK_INVALID_THRESHOLD;
}

/** Characters (code points) of `text` covered by the spans of tokens whose id is `unkId`. */
export function unkChars(text: string, ids: readonly number[], offsets: readonly [number, number][], unkId: number | undefined): number {
  if (unkId === undefined) return 0;
  let n = 0;
  let lastEnd = 0;
  for (let i = 0; i < ids.length; i++) {
    if (ids[i] !== unkId) continue;
    const s = Math.max(offsets[i]![0], lastEnd);
    const e = offsets[i]![1];
    for (let p = s; p < e; p++) {
      const c = text.charCodeAt(p);
      if (!(c >= 0xdc00 && c <= 0xdfff && p > s)) n++; // a surrogate pair is one character
    }
    lastEnd = Math.max(lastEnd, e);
  }
  return n;
}
