/**
 * The added vocabulary (HF `AddedVocabulary`): tokens added on top of the model's vocabulary, with
 * HF's exact id assignment and matching order (docs/algorithms/hf-added-tokens.md):
 *
 * 1. Non-normalized tokens are cut out of the RAW input (leftmost-longest).
 * 2. Each remaining piece is normalized, then normalized tokens (whose patterns are their content
 *    run through the same normalizer) are cut out of the normalized text.
 * A match is dropped when `single_word` and a word character touches it; `lstrip`/`rstrip` extend
 * it over adjacent whitespace (never back into a previous match). The token's value is the matched
 * text (including stripped whitespace), as HF does.
 *
 * Complexity: adding n tokens is O(n) (equality checks go through a content index, not a scan of
 * all tokens: gemma3 has 6,415); matching is `LeftmostLongest`'s O(text * longest token).
 */
import { NormalizedString } from '../core/normalized-string.js';
import { PreTokenizedString, type PreTokenizedSplit } from '../core/pre-tokenized-string.js';
import type { Model, Normalizer } from '../core/stages.js';
import { sameAddedToken, type AddedToken } from './added-token.js';
import { LeftmostLongest } from './leftmost-longest.js';
import { WORD_CHAR_GAPS } from './generated/word-char-gaps.js';

const WORD_CHAR = /[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\p{Join_Control}]/u;
const WS = /[\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/u;

/**
 * HF's `\w` (Rust `regex`): V8's Unicode properties, corrected by a generated table where the
 * native binding's older Unicode version disagrees (characters assigned since).
 */
function isWordChar(cp: number): boolean {
  let lo = 0;
  let hi = WORD_CHAR_GAPS.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b, isWord] = WORD_CHAR_GAPS[mid]!;
    if (cp < a) hi = mid - 1;
    else if (cp > b) lo = mid + 1;
    else return isWord;
  }
  return WORD_CHAR.test(String.fromCodePoint(cp));
}

/** Rust regex `\w$` on a prefix: is the last char a word character? */
function endsWithWord(s: string): boolean {
  if (s.length === 0) return false;
  const last = s.length - 1;
  const low = s.charCodeAt(last);
  const i = last > 0 && low >= 0xdc00 && low <= 0xdfff && (s.charCodeAt(last - 1) & 0xfc00) === 0xd800 ? last - 1 : last;
  return isWordChar(s.codePointAt(i)!);
}
function startsWithWord(s: string): boolean {
  return s.length > 0 && isWordChar(s.codePointAt(0)!);
}
/** Start of the trailing whitespace run of `s` (Rust `\s*$`). */
function trailingSpaceStart(s: string): number {
  let i = s.length;
  while (i > 0 && WS.test(s[i - 1]!)) i--;
  return i;
}
/** Length of the leading whitespace run of `s` (Rust `^\s*`). */
function leadingSpaceLength(s: string, from: number): number {
  let i = from;
  while (i < s.length && WS.test(s[i]!)) i++;
  return i - from;
}

interface MatchingSet { matcher: LeftmostLongest; ids: number[] }

export class AddedVocabulary {
  /** content -> id, for specials and classic added tokens. */
  private readonly map = new Map<string, number>();
  /** id -> token. */
  private readonly mapR = new Map<number, AddedToken>();
  /** content -> ids in `mapR` whose token has that content (for HF's "already added" check in O(1)). */
  private readonly byContent = new Map<string, Set<number>>();
  private readonly classic: AddedToken[] = [];
  /** id -> normalized content, for `normalized` tokens the normalizer changes. */
  private readonly normalizedCache = new Map<number, string>();
  /** Largest id in `map` (-1 when empty); ids in `map` only ever grow or get reassigned upward. */
  private maxId = -1;
  private readonly specials: AddedToken[] = [];
  private readonly specialSet = new Set<string>();
  private splitRaw: MatchingSet = { matcher: new LeftmostLongest([]), ids: [] };
  private splitNormalized: MatchingSet = { matcher: new LeftmostLongest([]), ids: [] };

  get size(): number { return this.map.size; }

  tokenToId(token: string, model: Model): number | undefined {
    return this.map.get(token) ?? model.tokenToId(token);
  }

  /**
   * The string an added token id decodes from (HF `simple_id_to_token`): its normalized form when
   * the token is `normalized` and the normalizer changes it (so the decoder can invert it), else
   * its content.
   */
  simpleIdToToken(id: number): string | undefined {
    const t = this.mapR.get(id);
    return t === undefined ? undefined : this.normalizedCache.get(id) ?? t.content;
  }
  addedTokenFor(id: number): AddedToken | undefined { return this.mapR.get(id); }
  isSpecial(content: string): boolean { return this.specialSet.has(content); }

  /** All added tokens with their ids, ascending by id (what tokenizer.json stores). */
  entries(): [number, AddedToken][] {
    return [...this.mapR.entries()].sort((a, b) => a[0] - b[0]);
  }

  getVocab(): Map<string, number> { return new Map(this.map); }

  /** HF `add_tokens`: returns how many were added; ids of new tokens follow the model's vocabulary. */
  addTokens(tokens: AddedToken[], model: Model, normalizer: Normalizer | null): number {
    for (const t of tokens) {
      if (t.special && t.content !== '' && !this.specialSet.has(t.content)) {
        this.specials.push(t);
        this.specialSet.add(t.content);
      }
    }
    let ignored = 0;
    for (const t of tokens) {
      if (t.content === '' || this.hasEqual(t)) { ignored++; continue; }
      let id = this.tokenToId(t.content, model);
      if (id === undefined) {
        const size = model.getVocabSize();
        const max = this.maxId;
        id = max < 0 ? size : (max >= size || size === 0 ? max + 1 : size);
      }
      if (t.normalized && normalizer !== null) {
        const ns = new NormalizedString(t.content);
        normalizer.normalize(ns);
        if (ns.normalized !== t.content) this.normalizedCache.set(id, ns.normalized);
      }
      this.map.set(t.content, id);
      if (id > this.maxId) this.maxId = id;
      const replaced = this.mapR.get(id);
      if (replaced !== undefined) this.byContent.get(replaced.content)?.delete(id);
      this.mapR.set(id, t);
      let ids = this.byContent.get(t.content);
      if (ids === undefined) { ids = new Set(); this.byContent.set(t.content, ids); }
      ids.add(id);
      if (!this.specialSet.has(t.content)) this.classic.push(t);
    }
    this.refresh(model, normalizer);
    return tokens.length - ignored;
  }

  /** Is a token equal to `t` (all fields) already among the added tokens? */
  private hasEqual(t: AddedToken): boolean {
    for (const id of this.byContent.get(t.content) ?? []) if (sameAddedToken(this.mapR.get(id)!, t)) return true;
    return false;
  }

  private refresh(model: Model, normalizer: Normalizer | null): void {
    const raw: [string, number][] = [];
    const norm: [string, number][] = [];
    for (const t of [...this.specials, ...this.classic]) {
      const id = this.tokenToId(t.content, model)!;
      if (t.normalized) {
        const ns = new NormalizedString(t.content);
        normalizer?.normalize(ns);
        norm.push([ns.normalized, id]);
      } else raw.push([t.content, id]);
    }
    this.splitRaw = { matcher: new LeftmostLongest(raw.map((r) => r[0])), ids: raw.map((r) => r[1]) };
    this.splitNormalized = { matcher: new LeftmostLongest(norm.map((r) => r[0])), ids: norm.map((r) => r[1]) };
  }

  /** HF `find_matches`: [id or null, start, end] spans tiling `s`. */
  private findMatches(s: string, set: MatchingSet): [number | null, number, number][] {
    if (s.length === 0) return [[null, 0, 0]];
    const out: [number | null, number, number][] = [];
    let startOffset = 0;
    for (const m of set.matcher.findAll(s)) {
      let start = m.start;
      let stop = m.end;
      const id = set.ids[m.pattern]!;
      const tok = this.mapR.get(id)!;
      if (tok.singleWord) {
        const startSpace = start === 0 || !endsWithWord(s.slice(0, start));
        const stopSpace = stop === s.length || !startsWithWord(s.slice(stop));
        if (!startSpace || !stopSpace) continue;
      }
      if (tok.lstrip) start = Math.max(trailingSpaceStart(s.slice(0, start)), startOffset);
      if (tok.rstrip) stop += leadingSpaceLength(s, stop);
      if (startOffset < start) out.push([null, startOffset, start]);
      out.push([id, start, stop]);
      startOffset = stop;
    }
    if (startOffset !== s.length) out.push([null, startOffset, s.length]);
    return out;
  }

  /** [id or null, start, end] spans tiling `s`: non-normalized added tokens cut from raw text. */
  cutRaw(s: string): [number | null, number, number][] { return this.findMatches(s, this.splitRaw); }
  /** The same for normalized added tokens, on already-normalized text. */
  cutNormalized(s: string): [number | null, number, number][] { return this.findMatches(s, this.splitNormalized); }

  /** HF `split_with_indices`: the pieces of `ns`, added-token pieces already tokenized. */
  private splitWith(ns: NormalizedString, set: MatchingSet): PreTokenizedSplit[] {
    const out: PreTokenizedSplit[] = [];
    for (const [id, s, e] of this.findMatches(ns.normalized, set)) {
      const piece = ns.slice(s, e);
      if (piece === undefined || piece.length === 0) continue;
      out.push(id === null ? { text: piece } : { text: piece, tokens: [{ id, value: piece.normalized, offsets: [0, piece.length] }] });
    }
    return out;
  }

  /** HF `extract_and_normalize`. */
  extractAndNormalize(normalizer: Normalizer | null, text: string): PreTokenizedString {
    const pts = new PreTokenizedString(text);
    const pass = (f: (ns: NormalizedString) => PreTokenizedSplit[]): void => {
      const next: PreTokenizedSplit[] = [];
      for (const sp of pts.splits) {
        if (sp.tokens !== undefined) next.push(sp);
        else for (const piece of f(sp.text)) next.push(piece);
      }
      pts.splits = next;
    };
    pass((ns) => this.splitWith(ns, this.splitRaw));
    pass((ns) => {
      normalizer?.normalize(ns);
      return this.splitWith(ns, this.splitNormalized);
    });
    return pts;
  }
}
