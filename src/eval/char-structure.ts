/**
 * CharBench / CUTE-style character structure (Uzan & Pinter 2025; spec §5): how tokens carve words
 * into characters, the features that predict character-level task errors.
 *
 * Words: unique maximal letter runs (\p{L}+, CharBench's \b[a-zA-Z]+\b generalized to all scripts)
 * of 4–10 code points, in order of first appearance, at most `perLength` of each length.
 * Each word is tokenized alone (bare, no special tokens, CharBench's convention; see word-pieces.ts).
 *
 *   charsPerToken[L]  = mean over words of length L of  L / tokens(word)     (compression_rate)
 *   tokensPerWord[L]  = mean of tokens(word)
 *   tokenLengthAt[i]  = mean over words with > i characters of the length (in characters) of the
 *                       token covering character i                           (target_token_length)
 *
 * CharBench finds index-task accuracy falls as target_token_length grows.
 */
import type { EvalTokenizer } from './adapter.js';
import { wordPieceLengths } from './word-pieces.js';

export const MIN_WORD = 4;
export const MAX_WORD = 10;

export interface CharStructure {
  words: number;
  /** Keys are word lengths 4…10 with at least one word. */
  charsPerToken: Record<number, number>;
  tokensPerWord: Record<number, number>;
  wordsPerLength: Record<number, number>;
  /** Keys are character positions 0…9. */
  tokenLengthAt: Record<number, number>;
}

/** Unique letter-run words of 4–10 code points, at most `perLength` per length, first-seen order. */
export function charBenchWords(text: string, perLength = 200): string[] {
  const seen = new Set<string>();
  const perLen = new Map<number, number>();
  const out: string[] = [];
  for (const m of text.matchAll(/\p{L}+/gu)) {
    const w = m[0];
    if (seen.has(w)) continue;
    seen.add(w);
    const len = [...w].length;
    if (len < MIN_WORD || len > MAX_WORD) continue;
    const n = perLen.get(len) ?? 0;
    if (n >= perLength) continue;
    perLen.set(len, n + 1);
    out.push(w);
  }
  return out;
}

/** The statistics from each word's token lengths (in code points). */
export function charStructureFromPieces(pieces: readonly (readonly number[])[]): CharStructure {
  const cpt = new Map<number, [number, number, number]>(); // L → [Σ L/n, Σ n, count]
  const at = new Map<number, [number, number]>(); // i → [Σ len, count]
  for (const lens of pieces) {
    const L = lens.reduce((a, b) => a + b, 0);
    if (L === 0) continue;
    const row = cpt.get(L) ?? [0, 0, 0];
    row[0] += L / lens.length;
    row[1] += lens.length;
    row[2]++;
    cpt.set(L, row);
    let pos = 0;
    for (const len of lens) {
      for (let k = 0; k < len; k++) {
        const i = pos + k;
        if (i > MAX_WORD - 1) continue;
        const r = at.get(i) ?? [0, 0];
        r[0] += len;
        r[1]++;
        at.set(i, r);
      }
      pos += len;
    }
  }
  const out: CharStructure = { words: 0, charsPerToken: {}, tokensPerWord: {}, wordsPerLength: {}, tokenLengthAt: {} };
  for (const [L, [sumRate, sumN, n]] of [...cpt].sort((a, b) => a[0] - b[0])) {
    out.charsPerToken[L] = sumRate / n;
    out.tokensPerWord[L] = sumN / n;
    out.wordsPerLength[L] = n;
    out.words += n;
  }
  for (const [i, [sum, n]] of [...at].sort((a, b) => a[0] - b[0])) out.tokenLengthAt[i] = sum / n;
  return out;
}

export function charStructure(tok: EvalTokenizer, words: readonly string[]): CharStructure {
  return charStructureFromPieces(words.map((w) => wordPieceLengths(tok, w, false)));
}
