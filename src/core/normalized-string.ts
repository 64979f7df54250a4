/**
 * NormalizedString: a string under normalization that keeps, for every UTF-16 unit of the
 * normalized text, the span [start, end) of the original text it came from — HF tokenizers'
 * NormalizedString, ported from bytes to UTF-16 units. See docs/algorithms/normalized-string.md.
 *
 * Alignment model (identical to HF's, with units instead of bytes):
 * - `starts[i]`, `ends[i]` are relative to `original`; `shift` is where `original` starts in the
 *   whole input, so absolute offsets are `shift + starts[i]`.
 * - Every edit goes through `transformRange`, which takes a list of (char, change) pairs:
 *   change 0 = this char replaces the next original char (takes its alignment),
 *   change +1 = this char is inserted (takes the alignment of the unit just before it),
 *   change -n = this char replaces the next char and the n chars after it are removed.
 * - All units of one char always carry the same alignment, so unit and char views agree.
 *
 * Complexity: transformRange is O(n) in the size of the range plus a splice of the arrays; split
 * and slice are O(n). Offsets are plain number arrays (splice-friendly); typed arrays were not
 * worth the copies at these sizes.
 */
import { TokenlabError } from './errors.js';
import type { NormalizedText } from './stages.js';

/** A match list over a string: [start, end, isMatch] triples that tile it (HF `Pattern::find_matches`). */
export type MatchList = [number, number, boolean][];

/** Something that can find its matches in a string (regex, single char, predicate, inverted). */
export interface Pattern {
  findMatches(text: string): MatchList;
}

/** HF's SplitDelimiterBehavior. */
export type SplitBehavior = 'Removed' | 'Isolated' | 'MergedWithPrevious' | 'MergedWithNext' | 'Contiguous';

export const SPLIT_BEHAVIORS: readonly SplitBehavior[] = [
  'Removed',
  'Isolated',
  'MergedWithPrevious',
  'MergedWithNext',
  'Contiguous',
];

/** Length in UTF-16 units of the code point starting at `i` (a lone surrogate counts as one char). */
export function charLen(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 2;
  }
  return 1;
}

/** The chars (code points, as strings) of `s`. */
export function charsOf(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; ) {
    const n = charLen(s, i);
    out.push(n === 1 ? s[i]! : s.slice(i, i + n));
    i += n;
  }
  return out;
}

/** A list of (char, change) pairs for `transform`, kept as two parallel arrays. */
export class Changes {
  readonly chars: string[] = [];
  readonly changes: number[] = [];
  push(c: string, change: number): void {
    this.chars.push(c);
    this.changes.push(change);
  }
  get length(): number {
    return this.chars.length;
  }
}

export class NormalizedString implements NormalizedText {
  original: string;
  normalized: string;
  /** Where `original` starts in the whole input (UTF-16 units). */
  shift: number;
  private starts: number[];
  private ends: number[];

  /** A fresh string whose normalized text is `text`; `shift` is its absolute start in the input. */
  constructor(text: string, shift = 0) {
    this.original = text;
    this.normalized = text;
    this.shift = shift;
    this.starts = new Array<number>(text.length);
    this.ends = new Array<number>(text.length);
    for (let i = 0; i < text.length; ) {
      const n = charLen(text, i);
      for (let k = 0; k < n; k++) {
        this.starts[i + k] = i;
        this.ends[i + k] = i + n;
      }
      i += n;
    }
  }

  private static fromParts(
    original: string,
    normalized: string,
    starts: number[],
    ends: number[],
    shift: number,
  ): NormalizedString {
    const ns = new NormalizedString('', shift);
    ns.original = original;
    ns.normalized = normalized;
    ns.starts = starts;
    ns.ends = ends;
    return ns;
  }

  get length(): number {
    return this.normalized.length;
  }

  isEmpty(): boolean {
    return this.normalized.length === 0;
  }

  /** Absolute span of the original input this string covers (HF `offsets_original` + shift). */
  offsetsOriginal(): [number, number] {
    return [this.shift, this.shift + this.original.length];
  }

  /** Alignment of normalized unit `i`, relative to `original`. */
  alignmentAt(i: number): [number, number] {
    return [this.starts[i]!, this.ends[i]!];
  }

  /**
   * Relative original range for normalized [start, end) (HF `convert_offsets(Range::Normalized)`):
   * an empty range is returned unchanged, an empty string maps 0..0 to the whole original,
   * an out-of-bounds range gives undefined.
   */
  convertOffsets(start: number, end: number): [number, number] | undefined {
    if (start === end) {
      if (this.normalized.length === 0 && start === 0) return [0, this.original.length];
      return [start, end];
    }
    if (start > end || end > this.normalized.length || start < 0) return undefined;
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = start; i < end; i++) {
      if (this.starts[i]! < lo) lo = this.starts[i]!;
      if (this.ends[i]! > hi) hi = this.ends[i]!;
    }
    return [lo, hi];
  }

  /** Absolute original-input range for the normalized range [start, end). */
  toOriginal(start: number, end: number): [number, number] {
    const r = this.convertOffsets(start, end);
    if (r === undefined) {
      throw new TokenlabError(`normalized range [${start}, ${end}) is outside a string of length ${this.length}`);
    }
    return [this.shift + r[0], this.shift + r[1]];
  }

  /**
   * HF `transform_range` over normalized [start, end): the first `initialOffset` chars of the range are
   * removed, then each (char, change) pair is applied as described in the file header.
   */
  transformRange(start: number, end: number, chars: readonly string[], changes: readonly number[], initialOffset: number): void {
    const old = this.normalized;
    let offset = start;
    for (let k = 0; k < initialOffset; k++) {
      if (offset >= end) break;
      offset += charLen(old, offset);
    }
    const newStarts: number[] = [];
    const newEnds: number[] = [];
    let text = '';
    for (let j = 0; j < chars.length; j++) {
      const c = chars[j]!;
      const change = changes[j]!;
      let s: number;
      let e: number;
      if (change > 0) {
        if (offset < 1) {
          s = 0;
          e = 0;
        } else {
          s = this.starts[offset - 1]!;
          e = this.ends[offset - 1]!;
        }
      } else {
        if (offset >= end) {
          throw new TokenlabError(`transform: no character left to replace at normalized offset ${offset}`);
        }
        s = this.starts[offset]!;
        e = this.ends[offset]!;
        offset += charLen(old, offset);
        for (let k = 0; k < -change && offset < end; k++) offset += charLen(old, offset);
      }
      for (let k = 0; k < c.length; k++) {
        newStarts.push(s);
        newEnds.push(e);
      }
      text += c;
    }
    this.normalized = old.slice(0, start) + text + old.slice(end);
    this.starts.splice(start, end - start, ...newStarts);
    this.ends.splice(start, end - start, ...newEnds);
  }

  /** HF `transform` over the whole string. */
  transform(t: Changes, initialOffset = 0): void {
    const res = this.applyWhole(t.chars, t.changes, initialOffset);
    this.normalized = res.text;
    this.starts = res.starts;
    this.ends = res.ends;
  }

  private applyWhole(chars: readonly string[], changes: readonly number[], initialOffset: number): { text: string; starts: number[]; ends: number[] } {
    const old = this.normalized;
    const end = old.length;
    let offset = 0;
    for (let k = 0; k < initialOffset && offset < end; k++) offset += charLen(old, offset);
    const starts: number[] = [];
    const ends: number[] = [];
    const parts: string[] = [];
    for (let j = 0; j < chars.length; j++) {
      const c = chars[j]!;
      const change = changes[j]!;
      let s: number;
      let e: number;
      if (change > 0) {
        if (offset < 1) {
          s = 0;
          e = 0;
        } else {
          s = this.starts[offset - 1]!;
          e = this.ends[offset - 1]!;
        }
      } else {
        if (offset >= end) {
          throw new TokenlabError(`transform: no character left to replace at normalized offset ${offset}`);
        }
        s = this.starts[offset]!;
        e = this.ends[offset]!;
        offset += charLen(old, offset);
        for (let k = 0; k < -change && offset < end; k++) offset += charLen(old, offset);
      }
      for (let k = 0; k < c.length; k++) {
        starts.push(s);
        ends.push(e);
      }
      parts.push(c);
    }
    return { text: parts.join(''), starts, ends };
  }

  /** Keeps only the chars for which `keep` is true; kept chars keep their alignment (HF `filter`). */
  filter(keep: (c: string) => boolean): void {
    const s = this.normalized;
    // Find the first char to drop; most calls drop nothing and allocate nothing.
    let first = -1;
    for (let i = 0; i < s.length; ) {
      const n = charLen(s, i);
      if (!keep(n === 1 ? s[i]! : s.slice(i, i + n))) {
        first = i;
        break;
      }
      i += n;
    }
    if (first < 0) return;
    const starts = this.starts.slice(0, first);
    const ends = this.ends.slice(0, first);
    const parts: string[] = [s.slice(0, first)];
    for (let i = first; i < s.length; ) {
      const n = charLen(s, i);
      const c = n === 1 ? s[i]! : s.slice(i, i + n);
      if (i !== first && keep(c)) {
        parts.push(c);
        for (let k = 0; k < n; k++) {
          starts.push(this.starts[i + k]!);
          ends.push(this.ends[i + k]!);
        }
      }
      i += n;
    }
    this.normalized = parts.join('');
    this.starts = starts;
    this.ends = ends;
  }

  /**
   * Replaces the text by `text` of the same UTF-16 length where unit i of the new text comes from
   * unit i of the old one (a 1:1 map between single-unit chars, e.g. ASCII to byte-level chars):
   * alignments are unchanged. Used by hot paths instead of a full transform.
   */
  mapUnitsSameShape(text: string): void {
    if (text.length !== this.normalized.length) {
      throw new TokenlabError(`internal: same-shape map changed the length (${this.normalized.length} -> ${text.length})`);
    }
    this.normalized = text;
  }

  /** Replaces each char by one char (HF `map`). */
  map(f: (c: string) => string): void {
    this.mapExpand(f);
  }

  /**
   * Maps each char to a string: first char of the result replaces it, the rest are insertions.
   * When every char maps to one char of the same UTF-16 length the alignments are unchanged, so
   * only the text is rebuilt.
   */
  private mapExpand(f: (c: string) => string): void {
    const s = this.normalized;
    const parts: string[] = [];
    let changed = false;
    let sameShape = true;
    for (let i = 0; i < s.length; ) {
      const n = charLen(s, i);
      const c = n === 1 ? s[i]! : s.slice(i, i + n);
      const r = f(c);
      if (r !== c) {
        changed = true;
        if (r.length !== n || (n === 1 && charLen(r, 0) !== 1)) sameShape = false;
      }
      parts.push(r);
      i += n;
    }
    if (!changed) return;
    if (sameShape) {
      this.normalized = parts.join('');
      return;
    }
    const t = new Changes();
    for (const r of parts) {
      let first = true;
      for (const d of charsOf(r)) {
        t.push(d, first ? 0 : 1);
        first = false;
      }
      if (first) throw new TokenlabError('internal: a char mapped to the empty string');
    }
    this.transform(t);
  }

  /** Lowercases char by char, as Rust's `char::to_lowercase` (no context rules). */
  lowercase(): void {
    const s = this.normalized;
    if (!/[^\x00-\x7f]/.test(s)) {
      this.normalized = s.toLowerCase();
      return;
    }
    // Only Σ lowercases by context, and it changes either way: unchanged as a whole means
    // unchanged char by char.
    if (s.toLowerCase() === s) return;
    this.mapExpand((c) => c.toLowerCase());
  }

  /** Uppercases char by char, as Rust's `char::to_uppercase`. */
  uppercase(): void {
    this.mapExpand((c) => c.toUpperCase());
  }

  /** Inserts `s` before the first char; the new chars share its alignment (HF `prepend`). */
  prepend(s: string): void {
    if (this.normalized.length === 0 || s.length === 0) return;
    const n = charLen(this.normalized, 0);
    const first = this.normalized.slice(0, n);
    const t = new Changes();
    charsOf(s).forEach((c, i) => t.push(c, i === 0 ? 0 : 1));
    t.push(first, 1);
    this.transformRange(0, n, t.chars, t.changes, 0);
  }

  /** Appends `s` after the last char; the new chars share its alignment (HF `append`). */
  append(s: string): void {
    const len = this.normalized.length;
    if (len === 0 || s.length === 0) return;
    let b = len - 1;
    const lo = this.normalized.charCodeAt(b);
    if (b > 0 && lo >= 0xdc00 && lo <= 0xdfff && charLen(this.normalized, b - 1) === 2) b--;
    const t = new Changes();
    t.push(this.normalized.slice(b), 0);
    for (const c of charsOf(s)) t.push(c, 1);
    this.transformRange(b, len, t.chars, t.changes, 0);
  }

  /**
   * Replaces every match of `pattern` by `content` (HF `replace`): the content chars are insertions
   * after the removed match, so they take the alignment of the match's last char.
   */
  replace(pattern: Pattern, content: string): void {
    const old = this.normalized;
    const matches = pattern.findMatches(old);
    if (!matches.some((m) => m[2])) return;
    const starts: number[] = [];
    const ends: number[] = [];
    const parts: string[] = [];
    for (const [s, e, isMatch] of matches) {
      if (!isMatch) {
        parts.push(old.slice(s, e));
        for (let i = s; i < e; i++) {
          starts.push(this.starts[i]!);
          ends.push(this.ends[i]!);
        }
        continue;
      }
      // Inserted chars copy the alignment of the unit just before them in the current text:
      // the match's last unit, or (empty match) whatever was emitted last; (0, 0) at the very start.
      let as = 0;
      let ae = 0;
      if (e > s) {
        as = this.starts[e - 1]!;
        ae = this.ends[e - 1]!;
      } else if (starts.length > 0) {
        as = starts[starts.length - 1]!;
        ae = ends[ends.length - 1]!;
      }
      parts.push(content);
      for (let k = 0; k < content.length; k++) {
        starts.push(as);
        ends.push(ae);
      }
    }
    this.normalized = parts.join('');
    this.starts = starts;
    this.ends = ends;
  }

  /** Removes leading and/or trailing White_Space chars (HF `lrstrip`). */
  strip(left: boolean, right: boolean): void {
    const s = this.normalized;
    let a = 0;
    let b = s.length;
    if (left) {
      while (a < b) {
        const n = charLen(s, a);
        if (!isWhiteSpace(s.slice(a, a + n))) break;
        a += n;
      }
    }
    if (right) {
      while (b > a) {
        let n = 1;
        const lo = s.charCodeAt(b - 1);
        if (b - 2 >= a && lo >= 0xdc00 && lo <= 0xdfff && charLen(s, b - 2) === 2) n = 2;
        if (!isWhiteSpace(s.slice(b - n, b))) break;
        b -= n;
      }
    }
    if (a === 0 && b === s.length) return;
    this.normalized = s.slice(a, b);
    this.starts = this.starts.slice(a, b);
    this.ends = this.ends.slice(a, b);
  }

  /**
   * The sub-string for normalized [start, end), with its own `original` (the original span it
   * covers) and alignments re-based on it (HF `slice(Range::Normalized)`). Undefined when the range
   * is out of bounds.
   */
  slice(start: number, end: number): NormalizedString | undefined {
    const r = this.convertOffsets(start, end);
    if (r === undefined || end > this.normalized.length) return undefined;
    const [os, oe] = r;
    const starts = this.starts.slice(start, end);
    const ends = this.ends.slice(start, end);
    for (let i = 0; i < starts.length; i++) {
      starts[i] = starts[i]! - os;
      ends[i] = ends[i]! - os;
    }
    return NormalizedString.fromParts(this.original.slice(os, oe), this.normalized.slice(start, end), starts, ends, this.shift + os);
  }

  /** Splits on `pattern` with HF's delimiter behaviours; pieces keep absolute alignments. */
  split(pattern: Pattern, behavior: SplitBehavior): NormalizedString[] {
    const matches = pattern.findMatches(this.normalized);
    const spans = applyBehavior(matches, behavior);
    const out: NormalizedString[] = [];
    for (const [s, e, remove] of spans) {
      if (remove) continue;
      const piece = this.slice(s, e);
      if (piece === undefined) throw new TokenlabError(`internal: bad split [${s}, ${e})`);
      out.push(piece);
    }
    return out;
  }
}

/** Number of chars in s[start, end). */
export function countChars(s: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i += charLen(s, i)) n++;
  return n;
}

/** Unicode White_Space (Rust `char::is_whitespace`). */
export function isWhiteSpace(c: string): boolean {
  return WHITE_SPACE.test(c);
}
const WHITE_SPACE = /^[\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/;

/** HF's behaviour fold over a match list: returns [start, end, remove] spans. */
function applyBehavior(matches: MatchList, behavior: SplitBehavior): [number, number, boolean][] {
  switch (behavior) {
    case 'Isolated':
      return matches.map(([s, e]) => [s, e, false]);
    case 'Removed':
      return matches.map(([s, e, m]) => [s, e, m]);
    case 'Contiguous': {
      const acc: [number, number, boolean][] = [];
      let prev = false;
      for (const [s, e, m] of matches) {
        const last = acc[acc.length - 1];
        if (m === prev && last !== undefined) last[1] = e;
        else acc.push([s, e, false]);
        prev = m;
      }
      return acc;
    }
    case 'MergedWithPrevious': {
      const acc: [number, number, boolean][] = [];
      let prev = false;
      for (const [s, e, m] of matches) {
        const last = acc[acc.length - 1];
        if (m && !prev && last !== undefined) last[1] = e;
        else acc.push([s, e, false]);
        prev = m;
      }
      return acc;
    }
    case 'MergedWithNext': {
      const acc: [number, number, boolean][] = [];
      let prev = false;
      for (let i = matches.length - 1; i >= 0; i--) {
        const [s, e, m] = matches[i]!;
        const last = acc[acc.length - 1];
        if (m && !prev && last !== undefined) last[0] = s;
        else acc.push([s, e, false]);
        prev = m;
      }
      return acc.reverse();
    }
  }
}
