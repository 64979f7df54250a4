/**
 * Patterns for NormalizedString.split/replace, with HF's `find_matches` semantics:
 * matches and the gaps between them tile the string as [start, end, isMatch] triples.
 * - RegexPattern iterates like the onig crate's find_iter: an empty match that starts where the
 *   previous match ended is skipped (the search moves on one char), unlike JS matchAll.
 * - An empty input gives one empty non-match [0, 0, false].
 * Complexity: one regex scan; O(n) extra.
 */
import type { MatchList, Pattern } from '../core/normalized-string.js';
import { charLen } from '../core/normalized-string.js';
import { translateOnigRegex } from './onig-regex.js';

/** A `{String: s}` or `{Regex: r}` pattern as tokenizer.json writes it. */
export type JsonPattern = { String: string } | { Regex: string };

export class RegexPattern implements Pattern {
  readonly re: RegExp;
  constructor(re: RegExp) {
    this.re = re.global ? re : new RegExp(re.source, re.flags + 'g');
  }

  /** From an Oniguruma pattern (`where` = JSON path for errors). */
  static fromOnig(pattern: string, where: string): RegexPattern {
    const t = translateOnigRegex(pattern, where);
    return new RegexPattern(new RegExp(t.source, t.flags));
  }

  /** A literal string, matched as HF does: the escaped string compiled as a regex. */
  static literal(s: string): RegexPattern {
    return new RegexPattern(new RegExp(s.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&'), 'gu'));
  }

  findMatches(text: string): MatchList {
    if (text.length === 0) return [[0, 0, false]];
    const out: MatchList = [];
    const re = this.re;
    let prev = 0;
    let searchFrom = 0;
    let lastMatchEnd = -1;
    while (searchFrom <= text.length) {
      re.lastIndex = searchFrom;
      const m = re.exec(text);
      if (m === null) break;
      const s = m.index;
      const e = s + m[0].length;
      if (s === e && e === lastMatchEnd) {
        searchFrom = s < text.length ? s + charLen(text, s) : text.length + 1;
        continue;
      }
      if (prev !== s) out.push([prev, s, false]);
      out.push([s, e, true]);
      prev = e;
      lastMatchEnd = e;
      // After an empty match the next search starts at the same place; the rule above moves it on.
      searchFrom = e;
    }
    if (prev !== text.length) out.push([prev, text.length, false]);
    return out;
  }
}

/** Each char satisfying `pred` is a match of its own (HF's `Fn(char) -> bool` pattern). */
export class CharPredicatePattern implements Pattern {
  constructor(readonly pred: (c: string) => boolean) {}

  findMatches(text: string): MatchList {
    if (text.length === 0) return [[0, 0, false]];
    const out: MatchList = [];
    let last = 0;
    for (let i = 0; i < text.length; ) {
      const n = charLen(text, i);
      const c = n === 1 ? text[i]! : text.slice(i, i + n);
      if (this.pred(c)) {
        if (last < i) out.push([last, i, false]);
        out.push([i, i + n, true]);
        last = i + n;
      }
      i += n;
    }
    if (text.length > last) out.push([last, text.length, false]);
    return out;
  }
}

/** Matches of one char (HF `impl Pattern for char`). */
export function charPattern(ch: string): CharPredicatePattern {
  return new CharPredicatePattern((c) => c === ch);
}

/** Flips which parts are matches (HF `Invert`). */
export class InvertPattern implements Pattern {
  constructor(readonly inner: Pattern) {}
  findMatches(text: string): MatchList {
    return this.inner.findMatches(text).map(([s, e, m]) => [s, e, !m]);
  }
}
