/**
 * The Hugging Face BPE model (tokenizer.json `"type": "BPE"`): splits a pre-token into characters
 * and merges them by learned pair rank (docs/algorithms/hf-bpe.md; spec training-algorithms.md §1.4).
 *
 * Matches HF's `BPE::tokenize` exactly: `ignore_merges` (a whole piece in the vocab is one token),
 * `continuing_subword_prefix` / `end_of_word_suffix` on the initial characters, `byte_fallback` to
 * `<0xXX>` tokens, UNK (fused when `fuse_unk`; dropped silently when there is no unk token), and
 * pair-rank merging (`mergeWord`). `dropout` must be null: sampling is not supported.
 *
 * Offsets are UTF-16 units of the piece, computed as HF does — symbol lengths in UTF-8 bytes,
 * then each byte range widened to the characters it touches (so the byte-fallback tokens of one
 * character all get that character's span).
 * Complexity: O(n log n) per piece of n characters; pieces under 256 units are cached.
 */
import type { Model, Token } from '../../core/stages.js';
import { TokenlabError } from '../../core/errors.js';
import {
  asArray, asBool, asString, fail, optField, optString, reqField, sub, type JsonObject,
} from '../../formats/hf-json/json-read.js';
import { readVocabMap, requireInVocab, reverseVocab, writeVocabMap } from '../../formats/hf-json/vocab.js';
import { mergeWord } from './hf-merge-word.js';
import { PairTable } from './hf-pair-table.js';
import { PieceCache } from './hf-piece-cache.js';

export interface HfBpeOptions {
  vocab: Map<string, number>;
  merges: [string, string][];
  unkToken?: string | null;
  continuingSubwordPrefix?: string | null;
  endOfWordSuffix?: string | null;
  fuseUnk?: boolean;
  byteFallback?: boolean;
  ignoreMerges?: boolean;
  /** Merge long pieces in parts cut before '▁' where that is exact (default true; false is for tests). */
  cutAtMetaspace?: boolean;
}

/** A merged piece: token ids and their lengths in UTF-8 bytes of the piece. */
interface Cached { ids: number[]; lens: number[] }

const BYTE_TOKENS = Array.from({ length: 256 }, (_, b) => `<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`);
const encoder = new TextEncoder();
const METASPACE = 0x2581; // '▁'
/** Pieces this short are merged whole (cutting would not pay). */
const CUT_MIN_LENGTH = 24;

export class HfBpeModel implements Model {
  readonly type = 'BPE';
  readonly vocab: Map<string, number>;
  readonly vocabR: Map<number, string>;
  readonly merges: [string, string][];
  readonly unkToken: string | null;
  readonly continuingSubwordPrefix: string | null;
  readonly endOfWordSuffix: string | null;
  readonly fuseUnk: boolean;
  readonly byteFallback: boolean;
  readonly ignoreMerges: boolean;
  private readonly table: PairTable;
  private readonly cache = new PieceCache<Cached>();
  private readonly unkId: number | undefined;
  /** Pieces may be merged in parts cut before '▁' (see `tokenizeInParts`). */
  private readonly cutsAtMetaspace: boolean;
  /** Last UTF-16 units of merge parts that some merge joins to a following '▁…' part: no cut after them. */
  private readonly joinsMetaspace = new Set<number>();

  constructor(o: HfBpeOptions, path = 'model') {
    this.vocab = o.vocab;
    this.vocabR = reverseVocab(o.vocab);
    this.merges = o.merges;
    this.unkToken = o.unkToken ?? null;
    this.continuingSubwordPrefix = o.continuingSubwordPrefix ?? null;
    this.endOfWordSuffix = o.endOfWordSuffix ?? null;
    this.fuseUnk = o.fuseUnk ?? false;
    this.byteFallback = o.byteFallback ?? false;
    this.ignoreMerges = o.ignoreMerges ?? false;
    this.unkId = this.unkToken === null ? undefined : this.vocab.get(this.unkToken);
    this.table = buildMergeTable(o.vocab, o.merges, this.continuingSubwordPrefix, sub(path, 'merges'));
    this.cutsAtMetaspace = o.cutAtMetaspace !== false && !this.hasSubwordAffixes && this.vocab.has('▁');
    for (const [a, b] of o.merges) {
      if (b.charCodeAt(0) === METASPACE && a.charCodeAt(a.length - 1) !== METASPACE) this.joinsMetaspace.add(a.charCodeAt(a.length - 1));
    }
  }

  static fromJSON(json: JsonObject, path: string): HfBpeModel {
    const dropout = json['dropout'];
    if (dropout !== undefined && dropout !== null) {
      fail(sub(path, 'dropout'), `BPE dropout is not supported (got ${String(dropout)}); it must be null`);
    }
    const vocab = reqField(json, 'vocab', path, readVocabMap);
    const merges = reqField(json, 'merges', path, readMerges);
    return new HfBpeModel({
      vocab,
      merges,
      unkToken: optString(json, 'unk_token', path),
      continuingSubwordPrefix: optString(json, 'continuing_subword_prefix', path),
      endOfWordSuffix: optString(json, 'end_of_word_suffix', path),
      fuseUnk: optField(json, 'fuse_unk', path, asBool, false),
      byteFallback: optField(json, 'byte_fallback', path, asBool, false),
      ignoreMerges: optField(json, 'ignore_merges', path, asBool, false),
    }, path);
  }

  toJSON(): JsonObject {
    return {
      type: 'BPE',
      dropout: null,
      unk_token: this.unkToken,
      continuing_subword_prefix: this.continuingSubwordPrefix,
      end_of_word_suffix: this.endOfWordSuffix,
      fuse_unk: this.fuseUnk,
      byte_fallback: this.byteFallback,
      ignore_merges: this.ignoreMerges,
      vocab: writeVocabMap(this.vocab),
      merges: this.merges.map(([a, b]) => [a, b]),
    };
  }

  /** A non-empty continuing_subword_prefix or end_of_word_suffix (an empty one, as Qwen's files have, is none). */
  get hasSubwordAffixes(): boolean {
    return (this.continuingSubwordPrefix ?? '') !== '' || (this.endOfWordSuffix ?? '') !== '';
  }

  tokenToId(token: string): number | undefined { return this.vocab.get(token); }
  idToToken(id: number): string | undefined { return this.vocabR.get(id); }
  getVocabSize(): number { return this.vocab.size; }

  /**
   * `useCache` false: the caller caches results itself (the pipeline's fast paths), so the model's
   * own piece cache would only hold a second copy.
   */
  tokenize(piece: string, useCache = true): Token[] {
    if (piece.length === 0) return [];
    if (this.ignoreMerges) {
      const id = this.vocab.get(piece);
      if (id !== undefined) return [{ id, value: piece, offsets: [0, piece.length] }];
    }
    if (this.cutsAtMetaspace && piece.length > CUT_MIN_LENGTH) return this.tokenizeInParts(piece, useCache);
    return this.toTokens(piece, this.merged(piece, useCache));
  }

  private merged(piece: string, useCache = true): Cached {
    if (!useCache) return this.mergePiece(piece);
    let word = this.cache.get(piece);
    if (word === undefined) {
      word = this.mergePiece(piece);
      this.cache.set(piece, word);
    }
    return word;
  }

  /**
   * A long piece (SentencePiece-style BPE sees a whole sentence as one piece) cut before each '▁'
   * that follows another char, unless some merge joins that char to a '▁…' part (`joinsMetaspace`;
   * Gemma 3 has one: '>' + '▁</'). No merge can join across such a cut, so
   * merging the parts separately gives the same tokens — and each word hits the cache.
   */
  private tokenizeInParts(piece: string, useCache: boolean): Token[] {
    const out: Token[] = [];
    const cuts = this.partBounds(piece);
    for (let k = 0; k + 1 < cuts.length; k++) {
      const start = cuts[k]!;
      const part = piece.slice(start, cuts[k + 1]!);
      for (const t of this.toTokens(part, this.merged(part, useCache))) {
        t.offsets[0] += start;
        t.offsets[1] += start;
        out.push(t);
      }
    }
    return out;
  }

  /**
   * Where `tokenize` may merge a piece in parts with the same result: [0, …cuts…, piece.length]
   * (just [0, length] when it merges the piece whole). A caller that tokenizes each part on its own
   * (`tokenizeIndependent`) gets exactly `tokenize(piece)`.
   */
  partBounds(piece: string): number[] {
    const out = [0];
    if (this.cutsAtMetaspace && piece.length > CUT_MIN_LENGTH) {
      for (let i = 1; i < piece.length; i++) {
        const before = piece.charCodeAt(i - 1);
        if (piece.charCodeAt(i) === METASPACE && before !== METASPACE && !this.joinsMetaspace.has(before)) out.push(i);
      }
    }
    out.push(piece.length);
    return out;
  }

  /** `tokenize` of a part from `partBounds` (no whole-piece vocabulary shortcut, no further cut). */
  tokenizeIndependent(part: string, useCache = true): Token[] {
    return part.length === 0 ? [] : this.toTokens(part, this.merged(part, useCache));
  }

  /**
   * HF `word_to_tokens`: offsets accumulate symbol lengths in UTF-8 BYTES of the piece, then map to
   * the piece's characters (a byte range covers every character it touches). This reproduces HF
   * exactly even when characters were dropped (no unk token) or split into byte-fallback tokens.
   */
  private toTokens(piece: string, word: Cached): Token[] {
    const n = word.ids.length;
    const out: Token[] = new Array(n);
    let ascii = true;
    for (let i = 0; i < piece.length; i++) if (piece.charCodeAt(i) >= 0x80) { ascii = false; break; }
    if (ascii) {
      // Bytes are units: offsets directly.
      let pos = 0;
      for (let i = 0; i < n; i++) {
        const id = word.ids[i]!;
        const end = pos + word.lens[i]!;
        out[i] = { id, value: this.vocabR.get(id)!, offsets: [pos, end] };
        pos = end;
      }
      return out;
    }
    // Usual case: every symbol boundary falls on a character boundary, so walking the characters
    // converts byte lengths to unit lengths without building the byte maps.
    let u = 0;
    let aligned = true;
    for (let i = 0; i < n && aligned; i++) {
      const id = word.ids[i]!;
      const start = u;
      let need = word.lens[i]!;
      while (need > 0 && u < piece.length) {
        const c = piece.charCodeAt(u);
        let bl = 3;
        let ul = 1;
        if (c < 0x80) bl = 1;
        else if (c < 0x800) bl = 2;
        else if (c >= 0xd800 && c <= 0xdbff && u + 1 < piece.length && (piece.charCodeAt(u + 1) & 0xfc00) === 0xdc00) { bl = 4; ul = 2; }
        if (bl > need) break;
        need -= bl;
        u += ul;
      }
      if (need !== 0) aligned = false;
      else out[i] = { id, value: this.vocabR.get(id)!, offsets: [start, u] };
    }
    if (aligned) return out;
    const { startUnit, endUnit } = byteToUnitMaps(piece);
    const total = startUnit.length - 1;
    let pos = 0;
    for (let i = 0; i < n; i++) {
      const id = word.ids[i]!;
      const end = pos + word.lens[i]!;
      const s = startUnit[Math.min(pos, total)]!;
      const e = end > pos ? endUnit[Math.min(end, total) - 1]! : s;
      out[i] = { id, value: this.vocabR.get(id)!, offsets: [s, e] };
      pos = end;
    }
    return out;
  }

  /** HF `merge_word`: initial symbols (lengths in UTF-8 bytes), then pair-rank merging. */
  private mergePiece(w: string): Cached {
    const ids: number[] = [];
    const lens: number[] = [];
    let unk: { id: number; len: number } | null = null;
    const prefix = this.continuingSubwordPrefix;
    const suffix = this.endOfWordSuffix;
    for (let i = 0; i < w.length;) {
      const cp = w.codePointAt(i)!;
      const charLen = cp > 0xffff ? 2 : 1;
      const byteLen = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      let s = w.slice(i, i + charLen);
      if (i > 0 && prefix !== null) s = prefix + s;
      if (i + charLen >= w.length && suffix !== null) s = s + suffix;
      i += charLen;
      const id = this.vocab.get(s);
      if (id !== undefined) {
        if (unk !== null) { ids.push(unk.id); lens.push(unk.len); unk = null; }
        ids.push(id); lens.push(byteLen);
        continue;
      }
      if (this.byteFallback) {
        const bytes = encoder.encode(s);
        const byteIds: number[] = [];
        for (const b of bytes) {
          const bid = this.vocab.get(BYTE_TOKENS[b]!);
          if (bid === undefined) break;
          byteIds.push(bid);
        }
        if (byteIds.length === bytes.length) {
          // One byte each, as HF (bytes of `s`, prefix and suffix included); a pending unk stays pending.
          for (const bid of byteIds) { ids.push(bid); lens.push(1); }
          continue;
        }
      }
      if (this.unkToken !== null) {
        if (this.unkId === undefined) {
          throw new TokenlabError(`unk_token ${JSON.stringify(this.unkToken)} is not in the vocabulary`, { path: 'model.unk_token' });
        }
        if (unk !== null && this.fuseUnk) unk = { id: unk.id, len: unk.len + byteLen };
        else {
          if (unk !== null) { ids.push(unk.id); lens.push(unk.len); }
          unk = { id: this.unkId, len: byteLen };
        }
      }
      // No unk token: the character is dropped (and, as in HF, later offsets do not skip it).
    }
    if (unk !== null) { ids.push(unk.id); lens.push(unk.len); }
    return mergeWord(ids, lens, this.table);
  }
}

/**
 * For a string's UTF-8 encoding: `startUnit[b]` is the UTF-16 start of the character containing
 * byte b, `endUnit[b]` its end (`startUnit[total]` is the string length).
 */
function byteToUnitMaps(s: string): { startUnit: Int32Array; endUnit: Int32Array } {
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) total += 1;
    else if (c < 0x800) total += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) { total += 4; i++; }
    else total += 3;
  }
  const startUnit = new Int32Array(total + 1);
  const endUnit = new Int32Array(total + 1);
  let b = 0;
  for (let i = 0; i < s.length;) {
    const c = s.charCodeAt(i);
    let bl: number;
    let ul = 1;
    if (c < 0x80) bl = 1;
    else if (c < 0x800) bl = 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) { bl = 4; ul = 2; }
    else bl = 3;
    for (let k = 0; k < bl; k++) { startUnit[b + k] = i; endUnit[b + k] = i + ul; }
    b += bl;
    i += ul;
  }
  startUnit[total] = s.length;
  endUnit[total] = s.length;
  return { startUnit, endUnit };
}

function readMerges(v: unknown, path: string): [string, string][] {
  return asArray(v, path).map((m, i): [string, string] => {
    if (typeof m === 'string') {
      const sp = m.indexOf(' ');
      if (sp >= 0) return [m.slice(0, sp), m.slice(sp + 1)];
    } else if (Array.isArray(m) && m.length === 2 && typeof m[0] === 'string' && typeof m[1] === 'string') {
      return [m[0], m[1]];
    }
    // Slow path, only for malformed entries: find what is wrong and name it.
    const p = sub(path, i);
    if (typeof m === 'string') {
      const sp = m.indexOf(' ');
      if (sp < 0) fail(p, `merge ${JSON.stringify(m)} has no space separating its two parts`);
      return [m.slice(0, sp), m.slice(sp + 1)];
    }
    const pair = asArray(m, p);
    if (pair.length !== 2) fail(p, `expected a string "a b" or a [a, b] pair, got an array of ${pair.length}`);
    return [asString(pair[0], sub(p, 0)), asString(pair[1], sub(p, 1))];
  });
}

function buildMergeTable(vocab: Map<string, number>, merges: [string, string][], prefix: string | null, path: string): PairTable {
  const table = new PairTable(merges.length);
  const prefixLen = prefix === null ? 0 : prefix.length;
  for (let i = 0; i < merges.length; i++) {
    const [a, b] = merges[i]!;
    const merged = prefixLen === 0 ? a + b : a + b.slice(prefixLen);
    const aId = vocab.get(a);
    const bId = vocab.get(b);
    const nId = vocab.get(merged);
    if (aId === undefined || bId === undefined || nId === undefined) {
      const p = (): string => sub(path, i);
      requireInVocab(vocab, a, p, 'merge part');
      requireInVocab(vocab, b, p, 'merge part');
      requireInVocab(vocab, merged, p, 'merged token');
      continue;
    }
    table.set(aId, bId, i, nId);
  }
  return table;
}
