/**
 * The Unigram trainer's input: the word counts cut into *segments* that no piece may cross, merged
 * and encoded as one Int32Array of char ids, each segment followed by the separator 0.
 *
 * SentencePiece's `IsValidSentencePiece` forbids pieces that mix Unicode scripts
 * (`split_by_unicode_script`, see unicode-script.ts), that have `▁` anywhere but first, or, with
 * `split_digits`, that hold a digit and anything else. A piece can then never cross such a boundary,
 * so every lattice of a word is the concatenation of its segments' lattices: training on the
 * segments, each weighted by the summed count of the words it occurs in, gives the same expected
 * counts and Viterbi paths as training on the words, with fewer and shorter units.
 *
 * Each segment is stored with its *context*, the symbol after it: the next segment's first char, or
 * one shared end-of-word symbol. The seed search (unigram-seeds.ts) needs it to tell, as
 * SentencePiece's suffix array over whole sentences does, whether a substring ending a segment is
 * followed by varied text (a tree node, so a seed) or always by the same char. The same segment with
 * two contexts is two units; the E-step does not care.
 *
 * Layout of `text`: per unit, its char ids (1 .. contextBase − 1), its context symbol (contextBase +
 * char id, or contextBase for end of word), then the separator 0.
 * Deterministic: units are sorted (UTF-16 order), char ids follow code-point order.
 */
import type { WordCounts } from '../counting/word-counts.js';
import { runSync, type Steps } from './steps.js';
import { isDecimalDigit, SCRIPT_INHERITED, SCRIPT_NONE, scriptClass } from './unicode-script.js';

export interface SegmentRules {
  /** SentencePiece `split_by_unicode_script` (default true). */
  splitByUnicodeScript?: boolean;
  /** SentencePiece `split_by_number` (default true): digits are Common; false lets them join any script. */
  splitByNumber?: boolean;
  /** SentencePiece `split_digits` (default false): every digit is a piece of its own. */
  splitDigits?: boolean;
}

export interface SegmentTable {
  /** Per unit: char ids, context symbol, 0. */
  text: Int32Array;
  /** Start of unit k in `text` (k = 0..count); its chars end at segStart[k + 1] − 2. */
  segStart: Int32Array;
  /** Summed count of the words each segment occurs in (× occurrences per word). */
  segCount: Float64Array;
  /** Code point of each char id (index 0, the separator, unused). */
  codePoints: Int32Array;
  /** Weighted frequency of each char id. */
  charFreq: Float64Array;
  /** Symbols from here up are contexts, not chars (= codePoints.length). */
  contextBase: number;
}

/** Number of chars of unit k. */
export function segLength(t: SegmentTable, k: number): number {
  return t.segStart[k + 1]! - t.segStart[k]! - 2;
}

const END = -1;

const WS = 0x2581;

/** Cuts one word into segments (UTF-16 [start, end) pairs, appended to `out`). */
export function cutWord(word: string, rules: SegmentRules, classOf: (cp: number) => number, out: number[]): void {
  const byScript = rules.splitByUnicodeScript ?? true;
  const digits = rules.splitDigits ?? false;
  let start = 0;
  let prev = SCRIPT_NONE; // < 0: no script yet, anything may follow
  let cutNext = false;
  for (let i = 0; i < word.length; ) {
    const cp = word.codePointAt(i)!;
    const size = cp > 0xffff ? 2 : 1;
    let cut = cutNext;
    cutNext = false;
    let s: number;
    if (cp === WS) {
      if (i > 0) cut = true;
      s = SCRIPT_NONE;
    } else {
      s = classOf(cp);
      if (s === SCRIPT_INHERITED) s = prev;
      if (digits && isDecimalDigit(cp)) {
        if (i > 0) cut = true;
        cutNext = true;
      }
      if (byScript && s >= 0 && prev >= 0 && s !== prev) cut = true;
    }
    if (cut && i > start) {
      out.push(start, i);
      start = i;
      prev = SCRIPT_NONE;
    }
    if (cp !== WS) prev = s;
    i += size;
  }
  if (word.length > start) out.push(start, word.length);
}

export function buildSegments(counts: WordCounts, rules: SegmentRules = {}): SegmentTable {
  return runSync(segmentSteps(counts, rules));
}

/** buildSegments, yielding every 50,000 words. */
export function* segmentSteps(counts: WordCounts, rules: SegmentRules = {}): Steps<SegmentTable> {
  const classes = new Map<number, number>();
  const byNumber = rules.splitByNumber ?? true;
  const classOf = (cp: number): number => {
    let c = classes.get(cp);
    if (c === undefined) { c = scriptClass(cp, byNumber); classes.set(cp, c); }
    return c;
  };
  const segs = new Map<string, number>();
  const cuts: number[] = [];
  let seen = 0;
  for (const [word, c] of counts.entries()) {
    if (++seen % 50_000 === 0) yield;
    if (word.length === 0 || c <= 0) continue;
    cuts.length = 0;
    cutWord(word, rules, classOf, cuts);
    for (let k = 0; k < cuts.length; k += 2) {
      const end = cuts[k + 1]!;
      const key = word.slice(cuts[k], end) + '\u0000' + (end < word.length ? word.codePointAt(end)! : END);
      segs.set(key, (segs.get(key) ?? 0) + c);
    }
  }
  yield;
  const keys = [...segs.keys()].sort();
  yield;
  const cps = new Set<number>();
  let n = 0;
  for (const k of keys) {
    const cut = k.lastIndexOf('\u0000');
    for (const ch of k.slice(0, cut)) { cps.add(ch.codePointAt(0)!); n++; }
    n += 2;
  }
  const codePoints = Int32Array.from([0, ...[...cps].sort((a, b) => a - b)]);
  const contextBase = codePoints.length;
  const idOf = new Map<number, number>();
  codePoints.forEach((cp, id) => { if (id > 0) idOf.set(cp, id); });
  const text = new Int32Array(n);
  const segStart = new Int32Array(keys.length + 1);
  const segCount = new Float64Array(keys.length);
  const charFreq = new Float64Array(codePoints.length);
  let pos = 0;
  keys.forEach((k, i) => {
    segStart[i] = pos;
    const c = segs.get(k)!;
    segCount[i] = c;
    const cut = k.lastIndexOf('\u0000');
    for (const ch of k.slice(0, cut)) {
      const id = idOf.get(ch.codePointAt(0)!)!;
      text[pos++] = id;
      charFreq[id] = charFreq[id]! + c;
    }
    const ctx = Number(k.slice(cut + 1));
    // A context char that starts no segment of its own cannot occur (every char is in some segment).
    text[pos++] = contextBase + (ctx === END ? 0 : idOf.get(ctx)!);
    text[pos++] = 0;
  });
  segStart[keys.length] = pos;
  return { text, segStart, segCount, codePoints, charFreq, contextBase };
}

/** The string of `len` chars at `pos` in the segment text. */
export function pieceString(t: SegmentTable, pos: number, len: number): string {
  let s = '';
  for (let i = pos; i < pos + len; i++) s += String.fromCodePoint(t.codePoints[t.text[i]!]!);
  return s;
}
