/**
 * BPE training set-up (spec §1.1 steps 3–5): special tokens first, then the alphabet in code-point
 * order, then every word as a linked list of symbols in flat typed arrays.
 *
 * Symbol arrays (index = position, over all words concatenated, in the counts' order):
 *   sym[p]    token id at p, or -1 once merged away;
 *   nxt/prv   next/previous live position in the same word, -1 at a word edge;
 *   wordOf[p] index of p's word into `wordCount`.
 * Deterministic where HF is not: limit_alphabet ties drop the higher code point first; prefixed or
 * suffixed char variants get ids in UTF-16 string order (HF: hash-map order).
 * Chars outside the alphabet: hfCompat drops them (neighbours become adjacent, as HF); otherwise the
 * word is cut there, so no token spans an unknown char.
 */
import { codePointAt, codePointBytes } from '../counting/word-bytes.js';
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
  counts.forEachWordBytes((b, start, end, c) => {
    for (let i = start; i < end; ) {
      const lead = b[i]!;
      if (lead < 0x80) {
        bmp[lead] = bmp[lead]! + c;
        i++;
        continue;
      }
      const cp = codePointAt(b, i);
      i += codePointBytes(lead);
      if (cp < 0x10000) bmp[cp] = bmp[cp]! + c;
      else freq.set(cp, (freq.get(cp) ?? 0) + c);
    }
  });
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

/**
 * Words as symbol lists, in the counts' iteration order (the merges do not depend on word order:
 * only the order of symbols inside a word matters). Prefixed/suffixed char variants are added to the
 * vocab first, in UTF-16 string order, so their ids do not depend on word order either.
 */
export function buildWords(counts: WordCounts, v: BpeVocab, o: BpeTrainerOptions): BpeWords {
  const total = symbolBound(counts, v);
  const prefix = o.continuingSubwordPrefix;
  const suffix = o.endOfWordSuffix;
  const affixes = prefix !== undefined || suffix !== undefined;
  // Plain char ids: a table for the BMP (-2: not looked up yet, -1: not in the alphabet), a Map above.
  const bmp = new Int32Array(0x10000).fill(-2);
  const astral = new Map<number, number>();
  const plainId = (cp: number): number => {
    if (cp < 0x10000) {
      let id = bmp[cp]!;
      if (id === -2) bmp[cp] = id = v.ids.get(String.fromCharCode(cp)) ?? -1;
      return id;
    }
    let id = astral.get(cp);
    if (id === undefined) astral.set(cp, (id = v.ids.get(String.fromCodePoint(cp)) ?? -1));
    return id;
  };
  const variant = (cp: number, first: boolean, last: boolean): string => {
    let s = String.fromCodePoint(cp);
    if (!first && prefix !== undefined) s = prefix + s;
    if (last && suffix !== undefined) s = s + suffix;
    return s;
  };
  if (affixes) {
    const needed = new Set<string>();
    counts.forEachWordBytes((b, start, end) => {
      for (let i = start; i < end; ) {
        const cp = codePointAt(b, i);
        const first = i === start;
        i += codePointBytes(b[i]!);
        if (plainId(cp) >= 0) needed.add(variant(cp, first, i === end));
      }
    });
    for (const s of [...needed].sort()) addToken(v, s, 1);
  }
  // Sized exactly (symbolBound counted the symbols that get an id), so no slack is kept.
  const sym = new Int32Array(total);
  const nxt = new Int32Array(total).fill(-1);
  const prv = new Int32Array(total).fill(-1);
  const wordOf = new Int32Array(total);
  const wordCount = new Float64Array(counts.size);
  let n = 0;
  counts.forEachWordBytes((b, start, end, c, wi) => {
    wordCount[wi] = c;
    let last = -1;
    for (let i = start; i < end; ) {
      const lead = b[i]!;
      let cp = lead;
      if (lead < 0x80) i++;
      else {
        cp = codePointAt(b, i);
        i += codePointBytes(lead);
      }
      let id = cp < 0x10000 ? bmp[cp]! : -2;
      if (id === -2) id = plainId(cp);
      if (id < 0) {
        if (!o.hfCompat) last = -1; // cut the word: no pair spans an unknown char
        continue;
      }
      if (affixes) id = v.ids.get(variant(cp, i - codePointBytes(lead) === start, i === end))!;
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
  if (n !== total) throw new Error(`internal: BPE symbol count ${n} differs from the ${total} counted up front`);
  return { sym, nxt, prv, wordOf, wordCount, words: counts.size };
}

/** Number of symbols the words will have: code points that are in the alphabet. */
function symbolBound(counts: WordCounts, v: BpeVocab): number {
  const known = new Uint8Array(0x10000);
  for (let id = 0; id < v.tokens.length; id++) {
    const t = v.tokens[id]!;
    if (t.length === 1) known[t.charCodeAt(0)] = 1;
  }
  const astral = new Map<number, boolean>();
  let total = 0;
  counts.forEachWordBytes((b, start, end) => {
    for (let i = start; i < end; ) {
      const lead = b[i]!;
      if (lead < 0x80) {
        total += known[lead]!;
        i++;
        continue;
      }
      const cp = codePointAt(b, i);
      i += codePointBytes(lead);
      if (cp < 0x10000) total += known[cp]!;
      else {
        let k = astral.get(cp);
        if (k === undefined) astral.set(cp, (k = v.ids.has(String.fromCodePoint(cp))));
        if (k) total++;
      }
    }
  });
  return total;
}
