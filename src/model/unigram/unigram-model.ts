/**
 * The Unigram model (tokenizer.json `"type": "Unigram"`): Viterbi search for the most likely
 * segmentation of a piece, exactly as HF's `Unigram::encode_optimized` (docs/algorithms/unigram.md).
 *
 * - A character no piece starts with gets the unk score `min_score - 10` (HF's K_UNK_PENALTY);
 *   consecutive unk characters are fused into one token whose value is the raw text.
 * - Ties keep the earlier candidate (strict `>`), candidates visited shortest first.
 * - With `byte_fallback`, a token not in the vocabulary becomes its `<0xXX>` byte tokens (each
 *   spanning the whole token) when all exist; otherwise the unk id.
 *
 * Complexity: O(n * k) per piece of n units, k = average number of pieces matching at a position.
 */
import type { Model, Token } from '../../core/stages.js';
import { TokenlabError } from '../../core/errors.js';
import { asArray, asBool, asNumber, asString, asUint, fail, optField, sub, type JsonObject } from '../../formats/hf-json/json-read.js';
import { PrefixTrie } from './trie.js';

const UNK_PENALTY = 10;
const encoder = new TextEncoder();

export class UnigramModel implements Model {
  readonly type = 'Unigram';
  private readonly tokenToIds = new Map<string, number>();
  private readonly trie = new PrefixTrie();
  private readonly minScore: number;

  constructor(readonly vocab: [string, number][], readonly unkId: number | null, readonly byteFallback = false, path = 'model') {
    if (unkId !== null && unkId >= vocab.length) fail(sub(path, 'unk_id'), `unk_id ${unkId} is outside the vocabulary (size ${vocab.length})`);
    let min = Infinity;
    vocab.forEach(([piece, score], id) => {
      this.tokenToIds.set(piece, id);
      this.trie.insert(piece, id);
      if (score < min) min = score;
    });
    this.minScore = min;
  }

  static fromJSON(json: JsonObject, path: string): UnigramModel {
    const vp = sub(path, 'vocab');
    const vocab = asArray(json['vocab'] ?? fail(vp, 'missing required field'), vp).map((e, i): [string, number] => {
      const p = sub(vp, i);
      const pair = asArray(e, p);
      if (pair.length !== 2) fail(p, `expected a [piece, score] pair, got an array of ${pair.length}`);
      return [asString(pair[0], sub(p, 0)), asNumber(pair[1], sub(p, 1))];
    });
    const unkId = optField<number | null>(json, 'unk_id', path, asUint, null);
    return new UnigramModel(vocab, unkId, optField(json, 'byte_fallback', path, asBool, false), path);
  }

  toJSON(): JsonObject {
    return { type: 'Unigram', unk_id: this.unkId, vocab: this.vocab.map(([p, s]) => [p, s]), byte_fallback: this.byteFallback };
  }

  tokenToId(token: string): number | undefined { return this.tokenToIds.get(token); }
  idToToken(id: number): string | undefined { return this.vocab[id]?.[0]; }
  getVocabSize(): number { return this.vocab.length; }

  /** HF `encode`: the best segmentation as strings (unk runs fused). */
  encode(s: string): string[] {
    const n = s.length;
    if (n === 0) return [];
    const unkScore = this.minScore - UNK_PENALTY;
    const score = new Float64Array(n + 1);
    const from = new Int32Array(n + 1).fill(-1);
    const idAt = new Int32Array(n + 1);
    for (let start = 0; start < n;) {
      const base = score[start]!;
      const charLen = isHigh(s.charCodeAt(start)) && start + 1 < n && isLow(s.charCodeAt(start + 1)) ? 2 : 1;
      let single = false;
      this.trie.forEachPrefix(s, start, (id, end) => {
        const cand = this.vocab[id]![1] + base;
        if (from[end] === -1 || cand > score[end]!) { score[end] = cand; from[end] = start; idAt[end] = id; }
        if (end - start === charLen) single = true;
      });
      if (!single) {
        const end = start + charLen;
        const cand = unkScore + base;
        if (from[end] === -1 || cand > score[end]!) {
          if (this.unkId === null) throw new TokenlabError('Unigram model has no unk_id but the input has a character no piece covers', { path: 'model.unk_id' });
          score[end] = cand; from[end] = start; idAt[end] = this.unkId;
        }
      }
      start += charLen;
    }
    const out: string[] = [];
    let pendingUnk: string[] = [];
    for (let end = n; end > 0;) {
      const start = from[end]!;
      const piece = s.slice(start, end);
      if (this.unkId !== null && idAt[end] === this.unkId) pendingUnk.push(piece);
      else {
        if (pendingUnk.length > 0) { out.push(pendingUnk.reverse().join('')); pendingUnk = []; }
        out.push(piece);
      }
      end = start;
    }
    if (pendingUnk.length > 0) out.push(pendingUnk.reverse().join(''));
    return out.reverse();
  }

  tokenize(piece: string): Token[] {
    const tokens: Token[] = [];
    let offset = 0;
    for (const str of this.encode(piece)) {
      const len = str.length;
      const offsets: [number, number] = [offset, offset + len];
      let id = this.tokenToIds.get(str);
      if (id === undefined) {
        if (this.byteFallback) {
          const bytes = encoder.encode(str);
          const ids: number[] = [];
          for (const b of bytes) {
            const bid = this.tokenToIds.get(byteToken(b));
            if (bid === undefined) break;
            ids.push(bid);
          }
          if (ids.length === bytes.length) {
            ids.forEach((bid, k) => tokens.push({ id: bid, value: byteToken(bytes[k]!), offsets: [offsets[0], offsets[1]] }));
            offset += len;
            continue;
          }
        }
        if (this.unkId === null) throw new TokenlabError('Unigram model has no unk_id but a token is not in the vocabulary', { path: 'model.unk_id' });
        id = this.unkId;
      }
      offset += len;
      tokens.push({ id, value: str, offsets });
    }
    return tokens;
  }
}

function byteToken(b: number): string {
  return `<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`;
}
function isHigh(c: number): boolean { return c >= 0xd800 && c <= 0xdbff; }
function isLow(c: number): boolean { return c >= 0xdc00 && c <= 0xdfff; }
