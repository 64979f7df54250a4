/**
 * Unicode character properties as HF's Rust crates see them: the engine's (newer) Unicode data,
 * corrected by the generated difference tables in generated/hf-unicode-gaps.ts (rebuilt with
 * test/normalize/tools/gen-hf-unicode-gaps.ts). Each predicate is a regex test plus a binary
 * search in a short range list — O(log k).
 */
import {
  BERT_OTHER_FLIP,
  MARK_FLIP,
  MN_FLIP,
  NFD_OVERRIDE,
  NFKD_OVERRIDE,
  ONIG_UNASSIGNED,
  PUNCT_FLIP,
  STARTER_IN_HF,
} from './generated/hf-unicode-gaps.js';

type Ranges = readonly (number | readonly number[])[];

/** Whether `cp` lies in one of the (sorted, inclusive) ranges. */
export function inRanges(cp: number, ranges: Ranges): boolean {
  if (ranges.length === 0) return false;
  const first = ranges[0]!;
  if (cp < (typeof first === 'number' ? first : first[0]!)) return false;
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid]!;
    const a = typeof r === 'number' ? r : r[0]!;
    const b = typeof r === 'number' ? r : r[1]!;
    if (cp < a) hi = mid - 1;
    else if (cp > b) lo = mid + 1;
    else return true;
  }
  return false;
}

/** A regex class body for the ranges (for whole-string pre-checks). */
function classOf(ranges: Ranges): string {
  const hex = (n: number) => `\\u{${n.toString(16)}}`;
  return ranges.map((r) => (typeof r === 'number' ? hex(r) : `${hex(r[0]!)}-${hex(r[1]!)}`)).join('');
}

/** Whether `s` may contain a char BERT clean_text removes (false means certainly none). */
export const mayHaveOther = (s: string): boolean => MAY_OTHER.test(s);
/** Whether `s` may contain a nonspacing mark for HF (false means certainly none). */
export const mayHaveNonspacingMark = (s: string): boolean => MAY_MN.test(s);

const OTHER = /^[\p{Cc}\p{Cf}\p{Co}]$/u;
const MARK = /^\p{M}$/u;
const MN = /^\p{Mn}$/u;
const MAY_OTHER = new RegExp(`[\\p{Cc}\\p{Cf}\\p{Co}\\ufffd${classOf(BERT_OTHER_FLIP)}]`, 'u');
const MAY_MN = new RegExp(`[\\p{Mn}${classOf(MN_FLIP)}]`, 'u');
const PUNCT = /^[!-/:-@[-`{-~\p{P}]$/u;

/** BERT clean_text's "control" test (Rust `is_other` as HF builds it), for chars other than \t \n \r. */
export function hfIsOther(c: string): boolean {
  return OTHER.test(c) !== inRanges(c.codePointAt(0)!, BERT_OTHER_FLIP);
}

/** `is_combining_mark` (StripAccents). */
export function hfIsCombiningMark(c: string): boolean {
  return MARK.test(c) !== inRanges(c.codePointAt(0)!, MARK_FLIP);
}

/** `is_mark_nonspacing` (BERT strip_accents). */
export function hfIsNonspacingMark(c: string): boolean {
  return MN.test(c) !== inRanges(c.codePointAt(0)!, MN_FLIP);
}

/** ASCII punctuation or Unicode P* (BERT / Punctuation pre-tokenizers). */
export function hfIsPunctuation(c: string): boolean {
  return PUNCT.test(c) !== inRanges(c.codePointAt(0)!, PUNCT_FLIP);
}

/** A char JS thinks has ccc > 0 that HF treats as a starter. */
export function hfForcedStarter(cp: number): boolean {
  return inRanges(cp, STARTER_IN_HF);
}

/** HF's full decomposition of one char. */
export function hfDecompose(c: string, compat: boolean): string {
  const o = (compat ? NFKD_OVERRIDE : NFD_OVERRIDE)[c.codePointAt(0)!];
  return o ?? c.normalize(compat ? 'NFKD' : 'NFD');
}

/** Chars assigned for JS but unknown to HF's regex engine (Oniguruma) — tests avoid them. */
export function onigUnassigned(cp: number): boolean {
  return inRanges(cp, ONIG_UNASSIGNED);
}
