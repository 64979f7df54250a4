/**
 * BPE training set-up (spec §1.1 steps 3–5): special tokens first, then the alphabet in code-point
 * order, then every word as a linked list of symbols in flat typed arrays.
 *
 * Symbol arrays (index = position, over all words concatenated; words in sorted order):
 *   sym[p]    token id at p, or -1 once merged away;
 *   nxt/prv   next/previous live position in the same word, -1 at a word edge;
 *   wordOf[p] index of p's word into `wordCount`.
 * Deterministic where HF is not: limit_alphabet ties drop the higher code point first; prefixed or
 * suffixed char variants get ids in order of first appearance over the sorted words (HF: hash order).
 * Chars outside the alphabet: hfCompat drops them (neighbours become adjacent, as HF); otherwise the
 * word is cut there, so no token spans an unknown char.
 */
import type { WordCounts } from '../counting/word-counts.js';
import type { BpeTrainerOptions } from './bpe-options.js';

export interface BpeVocab {
  tokens: string[];
  ids: Map<string, number>;
  /** Length of each token in chars of the word (prefix/suffix not counted), as HF's `Symbol.len`. */
  tokenLen: number[];
}

export interface BpeWords {
  sym: Int32Array;
  nxt: Int32Array;
  prv: Int32Array;
  wordOf: Int32Array;
  wordCount: Float64Array;
  words: number;
}

export function addToken(v: BpeVocab, s: string, len: number): number {
  const have = v.ids.get(s);
  if (have !== undefined) return have;
  v.ids.set(s, v.tokens.length);
  v.tokens.push(s);
  v.tokenLen.push(len);
  return v.tokens.length - 1;
}

/** Specials, then the (limited) alphabet in code-point order. */
export function initialVocab(counts: WordCounts, o: BpeTrainerOptions): BpeVocab {
  const v: BpeVocab = { tokens: [], ids: new Map(), tokenLen: [] };
  for (const s of o.specialTokens ?? []) addToken(v, s, [...s].length);
  const freq = new Map<number, number>();
  const bmp = new Float64Array(0x10000); // counts of BMP code points (the common case), folded into freq below
  for (const [w, c] of counts.entries()) {
    for (let i = 0; i < w.length; i++) {
      const cp = w.codePointAt(i)!;
      if (cp < 0x10000) bmp[cp] = bmp[cp]! + c;
      else {
        freq.set(cp, (freq.get(cp) ?? 0) + c);
        i++;
      }
    }
  }
  for (let cp = 0; cp < 0x10000; cp++) if (bmp[cp]! > 0) freq.set(cp, bmp[cp]!);
  for (const ch of o.initialAlphabet ?? []) freq.set(ch.codePointAt(0)!, Infinity);
  let kept = [...freq.entries()];
  if (o.limitAlphabet !== undefined && kept.length > o.limitAlphabet) {
    kept.sort((x, y) => x[1] - y[1] || y[0] - x[0]);
    kept = kept.slice(kept.length - o.limitAlphabet);
  }
  kept.sort((x, y) => x[0] - y[0]);
  for (const [cp] of kept) addToken(v, String.fromCodePoint(cp), 1);
  return v;
}

/** Words as symbol lists; adds prefixed/suffixed char variants to the vocab as needed. */
export function buildWords(counts: WordCounts, v: BpeVocab, o: BpeTrainerOptions): BpeWords {
  const entries = [...counts.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  let total = 0;
  for (const [w] of entries) total += w.length; // >= number of code points
  const sym = new Int32Array(total);
  const nxt = new Int32Array(total).fill(-1);
  const prv = new Int32Array(total).fill(-1);
  const wordOf = new Int32Array(total);
  const wordCount = new Float64Array(entries.length);
  const prefix = o.continuingSubwordPrefix;
  const suffix = o.endOfWordSuffix;
  let n = 0;
  // Plain char ids by code point (-2: not looked up yet, -1: not in the alphabet).
  const plain = new Map<number, number>();
  const plainId = (cp: number): number => {
    let id = plain.get(cp);
    if (id === undefined) {
      id = v.ids.get(String.fromCodePoint(cp)) ?? -1;
      plain.set(cp, id);
    }
    return id;
  };
  const affixes = prefix !== undefined || suffix !== undefined;
  entries.forEach(([w, c], wi) => {
    wordCount[wi] = c;
    let last = -1;
    for (let i = 0; i < w.length; i++) {
      const cp = w.codePointAt(i)!;
      const first = i === 0;
      if (cp >= 0x10000) i++;
      let id = plainId(cp);
      if (id < 0) {
        if (!o.hfCompat) last = -1; // cut the word: no pair spans an unknown char
        continue;
      }
      if (affixes) {
        let s = String.fromCodePoint(cp);
        if (!first && prefix !== undefined) s = prefix + s;
        if (i === w.length - 1 && suffix !== undefined) s = s + suffix;
        id = addToken(v, s, 1);
      }
      sym[n] = id;
      wordOf[n] = wi;
      if (last >= 0) {
        nxt[last] = n;
        prv[n] = last;
      }
      last = n;
      n++;
    }
  });
  return { sym: sym.subarray(0, n), nxt: nxt.subarray(0, n), prv: prv.subarray(0, n), wordOf: wordOf.subarray(0, n), wordCount, words: entries.length };
}
