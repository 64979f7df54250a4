/**
 * The Hugging Face BPE model (tokenizer.json `"type": "BPE"`): splits a pre-token into characters
 * and merges them by learned pair rank (docs/algorithms/hf-bpe.md; spec training-algorithms.md §1.4).
 *
 * Matches HF's `BPE::tokenize` exactly: `ignore_merges` (a whole piece in the vocab is one token),
 * `continuing_subword_prefix` / `end_of_word_suffix` on the initial characters, `byte_fallback` to
 * `<0xXX>` tokens, UNK (fused when `fuse_unk`; dropped silently when there is no unk token), and
 * pair-rank merging (`mergeWord`). `dropout` must be null: sampling is not supported.
 *
 * Offsets are UTF-16 units of the piece. Byte-fallback tokens of one character all get that
 * character's span (what HF's byte offsets become once mapped to the original text).
 * Complexity: O(n log n) per piece of n characters; pieces under 256 units are cached.
 */
import type { Model, Token } from '../../core/stages.js';
import { TokenlabError } from '../../core/errors.js';
import {
  asArray, asBool, asString, fail, optField, optString, reqField, sub, type JsonObject,
} from '../../formats/hf-json/json-read.js';
import { readVocabMap, requireInVocab, reverseVocab, writeVocabMap } from '../../formats/hf-json/vocab.js';
import { mergeWord, type MergeTable } from './hf-merge-word.js';
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
}

interface Cached { ids: number[]; lens: number[] }

const BYTE_TOKENS = Array.from({ length: 256 }, (_, b) => `<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`);
const encoder = new TextEncoder();

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
  private readonly table: MergeTable;
  private readonly cache = new PieceCache<Cached>();
  private readonly unkId: number | undefined;

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

  tokenToId(token: string): number | undefined { return this.vocab.get(token); }
  idToToken(id: number): string | undefined { return this.vocabR.get(id); }
  getVocabSize(): number { return this.vocab.size; }

  tokenize(piece: string): Token[] {
    if (piece.length === 0) return [];
    if (this.ignoreMerges) {
      const id = this.vocab.get(piece);
      if (id !== undefined) return [{ id, value: piece, offsets: [0, piece.length] }];
    }
    let word = this.cache.get(piece);
    if (word === undefined) {
      word = this.mergePiece(piece);
      this.cache.set(piece, word);
    }
    const out: Token[] = new Array(word.ids.length);
    let pos = 0;
    for (let i = 0; i < word.ids.length; i++) {
      const id = word.ids[i]!;
      const l = word.lens[i]!;
      // A negative length marks a byte-fallback token: it spans -l units but does not advance.
      if (l < 0) {
        out[i] = { id, value: this.vocabR.get(id)!, offsets: [pos, pos - l] };
        continue;
      }
      out[i] = { id, value: this.vocabR.get(id)!, offsets: [pos, pos + l] };
      pos += l;
    }
    return out;
  }

  /** HF `merge_word`: initial symbols, then pair-rank merging. */
  private mergePiece(w: string): Cached {
    const ids: number[] = [];
    const lens: number[] = [];
    let unk: { id: number; len: number } | null = null;
    const prefix = this.continuingSubwordPrefix;
    const suffix = this.endOfWordSuffix;
    for (let i = 0; i < w.length;) {
      const cp = w.codePointAt(i)!;
      const charLen = cp > 0xffff ? 2 : 1;
      let s = w.slice(i, i + charLen);
      if (i > 0 && prefix !== null) s = prefix + s;
      if (i + charLen >= w.length && suffix !== null) s = s + suffix;
      i += charLen;
      const id = this.vocab.get(s);
      if (id !== undefined) {
        if (unk !== null) { ids.push(unk.id); lens.push(unk.len); unk = null; }
        ids.push(id); lens.push(charLen);
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
          // All bytes of one character span the whole character; only the last advances.
          for (let k = 0; k < byteIds.length; k++) {
            ids.push(byteIds[k]!);
            lens.push(k + 1 === byteIds.length ? charLen : -charLen);
          }
          continue;
        }
      }
      if (this.unkToken !== null) {
        if (this.unkId === undefined) {
          throw new TokenlabError(`unk_token ${JSON.stringify(this.unkToken)} is not in the vocabulary`, { path: 'model.unk_token' });
        }
        if (unk !== null && this.fuseUnk) unk = { id: unk.id, len: unk.len + charLen };
        else {
          if (unk !== null) { ids.push(unk.id); lens.push(unk.len); }
          unk = { id: this.unkId, len: charLen };
        }
      }
    }
    if (unk !== null) { ids.push(unk.id); lens.push(unk.len); }
    return mergeAroundFallback(ids, lens, this.table);
  }
}

/**
 * Runs `mergeWord` while keeping byte-fallback markers (negative lengths) attached to their
 * symbols: merging treats every symbol as advancing, then the signs are restored for symbols that
 * survived unmerged (a merged symbol is never a byte-fallback token of a partial character).
 */
function mergeAroundFallback(ids: number[], lens: number[], table: MergeTable): Cached {
  const hasFallback = lens.some((l) => l < 0);
  if (!hasFallback) return mergeWord(ids, lens, table);
  // Give each symbol an index-based length so we can recover which ones survived.
  const n = ids.length;
  const unit = lens.map(() => 1);
  const merged = mergeWord(ids, unit, table);
  const outLens: number[] = [];
  let k = 0;
  for (const u of merged.lens) {
    if (u === 1) outLens.push(lens[k]!);
    else {
      let total = 0;
      for (let j = k; j < k + u; j++) total += Math.max(0, lens[j]!);
      // Bytes of one character merged without its last byte still span that character.
      outLens.push(total === 0 ? lens[k]! : total);
    }
    k += u;
  }
  if (k !== n) throw new Error('internal: merge lengths do not cover the piece');
  return { ids: merged.ids, lens: outLens };
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

function buildMergeTable(vocab: Map<string, number>, merges: [string, string][], prefix: string | null, path: string): MergeTable {
  let maxId = 0;
  for (const id of vocab.values()) if (id > maxId) maxId = id;
  const stride = maxId + 1;
  const rank = new Map<number, number>();
  const newId = new Map<number, number>();
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
    const key = aId * stride + bId;
    rank.set(key, i);
    newId.set(key, nId);
  }
  return { stride, rank, newId };
}
