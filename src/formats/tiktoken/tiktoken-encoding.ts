/**
 * A tiktoken-style encoding: one pre-tokenization pattern, byte-level BPE by rank, special tokens.
 * The public face of the engine (getEncoding / encodingForModel return it).
 *
 * Contracts (checked by test/tiktoken/*.test.ts):
 * - ids equal the reference `tiktoken` package's for every string (lone surrogates encode as U+FFFD);
 * - decode(encode(s)) === s for every well-formed string;
 * - countTokens(s) === encode(s).length, and countUpTo(s, k) === min(count, k + 1).
 */
import { TokenlabError } from '../../core/errors.js';
import type { PieceScanner } from '../../pretokenize/scanners/types.js';
import type { ByteVocab } from '../../model/bpe/byte-vocab.js';
import { ByteRankEncoder } from '../../model/bpe/byte-rank-encoder.js';
import { SpecialTokens, type SpecialOptions } from './special-tokens.js';
import { tokenCharSpans } from './offsets.js';
import { findInvalidUtf8 } from '../../util/utf8.js';

export type { SpecialOptions } from './special-tokens.js';

export interface TokenOffsets {
  ids: number[];
  /** [start, end) UTF-16 spans in the input; a token that holds part of a character covers the whole character. */
  offsets: [number, number][];
}

/** Incremental decoder: returns text as soon as it is complete UTF-8, holding back a partial character. */
export interface StreamDecoder {
  write(ids: number | readonly number[]): string;
  /** Flushes what is held back (an incomplete character becomes U+FFFD). */
  end(): string;
}

const utf8Encoder = new TextEncoder();
// ignoreBOM: a leading U+FEFF is text, not a byte-order mark to strip.
const utf8Decoder = new TextDecoder('utf-8', { ignoreBOM: true });

export class TiktokenEncoding {
  readonly name: string;
  readonly pattern: string;
  readonly special: SpecialTokens;
  private readonly engine: ByteRankEncoder;
  private readonly specialBytes = new Map<number, Uint8Array>();

  constructor(init: { name: string; pattern: string; vocab: ByteVocab; scanner: PieceScanner; specialTokens: Record<string, number> }) {
    this.name = init.name;
    this.pattern = init.pattern;
    this.engine = new ByteRankEncoder(init.vocab, init.scanner);
    this.special = new SpecialTokens(init.specialTokens);
    for (const [s, id] of this.special.byString) this.specialBytes.set(id, utf8Encoder.encode(s));
    // Pre-sized so random-id writes keep fast elements (a growing sparse array turns into a dictionary).
    this.tokenStrings = new Array<string | null | undefined>(this.nVocab).fill(undefined);
  }

  get vocab(): ByteVocab {
    return this.engine.vocab;
  }

  /** One more than the largest token id (ordinary or special). */
  get nVocab(): number {
    let max = this.engine.vocab.size - 1;
    for (const id of this.special.byId.keys()) if (id > max) max = id;
    return max + 1;
  }

  /** Encodes text; special-token strings are an error unless allowed (see SpecialOptions). */
  encode(text: string, opts: SpecialOptions = {}): number[] {
    const out: number[] = [];
    this.encodeWithSpecials(requireString(text, 'encode'), opts, out, Infinity, 'encode');
    return out;
  }

  /** Encodes text treating special-token strings as ordinary text. */
  encodeOrdinary(text: string): number[] {
    const out: number[] = [];
    this.engine.run(requireString(text, 'encodeOrdinary'), out);
    return out;
  }

  /** The number of tokens `encode(text, opts)` would return, without building the id array. */
  countTokens(text: string, opts: SpecialOptions = {}): number {
    return this.encodeWithSpecials(requireString(text, 'countTokens'), opts, null, Infinity, 'countTokens');
  }

  /**
   * The token count if it is at most `limit`, otherwise `limit + 1` — found without encoding past the
   * piece where the limit is crossed (BPE counts are not monotone under appending, so the whole piece
   * that crosses the limit is always encoded).
   */
  countUpTo(text: string, limit: number, opts: SpecialOptions = {}): number {
    if (!Number.isInteger(limit) || limit < 0) throw new TokenlabError(`countUpTo: limit must be a non-negative integer, got ${limit}`);
    const n = this.encodeWithSpecials(requireString(text, 'countUpTo'), opts, null, limit, 'countUpTo');
    return Math.min(n, limit + 1);
  }

  /** gpt-tokenizer-style: the count if within the limit, else false. */
  isWithinTokenLimit(text: string, limit: number, opts: SpecialOptions = {}): number | false {
    const n = this.countUpTo(text, limit, opts);
    return n > limit ? false : n;
  }

  /** Ids plus the character span of every token. */
  encodeWithOffsets(text: string, opts: SpecialOptions = {}): TokenOffsets {
    requireString(text, 'encodeWithOffsets');
    const ids: number[] = [];
    const offsets: [number, number][] = [];
    const { allowed, disallowed } = this.special.resolve(opts, 'encodeWithOffsets');
    this.special.check(text, disallowed, this.name);
    let pos = 0;
    for (;;) {
      const m = allowed.size ? this.special.find(text, pos, (t) => allowed.has(t)) : null;
      const segEnd = m ? m.start : text.length;
      if (segEnd > pos) {
        const segment = text.slice(pos, segEnd);
        let p = 0;
        while (p < segment.length) {
          const e = this.engine.scanner(segment, p);
          const first = ids.length;
          this.engine.encodePiece(segment, p, e, ids);
          tokenCharSpans(segment, p, e, ids, first, this.engine.vocab, pos, offsets);
          p = e;
        }
      }
      if (!m) break;
      ids.push(this.special.byString.get(m.token)!);
      offsets.push([m.start, m.end]);
      pos = m.end;
    }
    return { ids, offsets };
  }

  /** Bytes of the tokens, concatenated. Unknown ids throw, naming the id and its index. */
  decodeBytes(ids: readonly number[]): Uint8Array {
    if (!isIdList(ids)) throw new TokenlabError(`decode: expected an array of token ids, got ${describe(ids)}`);
    const { bytes, starts } = this.engine.vocab;
    const size = starts.length - 1;
    let total = 0;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      const len = id >= 0 && id < size ? starts[id + 1]! - starts[id]! : 0;
      total += len > 0 && Number.isInteger(id) ? len : this.specialLength(id, i);
    }
    const out = new Uint8Array(total);
    let p = 0;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      const s0 = id < size ? starts[id]! : 0;
      const e0 = id < size ? starts[id + 1]! : 0;
      if (e0 > s0) {
        for (let k = s0; k < e0; k++) out[p++] = bytes[k]!;
      } else {
        const special = this.specialBytes.get(id)!;
        out.set(special, p);
        p += special.length;
      }
    }
    return out;
  }

  /**
   * Decodes to text; bytes that are not valid UTF-8 become U+FFFD (as tiktoken's `errors="replace"`).
   * A leading U+FEFF is kept: it is part of the text (TextDecoder would strip it as a BOM by default).
   *
   * Fast path: most tokens are whole characters, so their strings are cached per id and joined. A run
   * of tokens that hold parts of characters is decoded from its bytes. Splitting the byte stream just
   * before a whole-character token is exact: such a token starts with a lead byte, where a UTF-8
   * decoder holds no state (a pending incomplete sequence becomes U+FFFD either way).
   */
  decode(ids: readonly number[]): string {
    if (!isIdList(ids)) throw new TokenlabError(`decode: expected an array of token ids, got ${describe(ids)}`);
    const cache = this.tokenStrings;
    let text = '';
    for (let i = 0; i < ids.length; ) {
      const id = ids[i]!;
      let piece = cache[id];
      if (piece === undefined) piece = this.cacheTokenString(id, i);
      if (piece !== null) {
        text += piece;
        i++;
        continue;
      }
      let j = i + 1;
      while (j < ids.length) {
        let next = cache[ids[j]!];
        if (next === undefined) next = this.cacheTokenString(ids[j]!, j);
        if (next !== null) break;
        j++;
      }
      text += utf8Decoder.decode(this.decodeBytes(i === 0 && j === ids.length ? ids : ids.slice(i, j)));
      i = j;
    }
    return text;
  }

  /** Per id: the token's text if its bytes are valid UTF-8 on their own, null if not, undefined until seen. */
  private tokenStrings: (string | null | undefined)[] = [];

  private cacheTokenString(id: number, index: number): string | null {
    const len = this.engine.vocab.tokenLength(id);
    const bytes = len > 0 ? this.engine.vocab.tokenBytes(id) : this.specialBytes.get(id);
    if (!bytes) this.specialLength(id, index); // throws, naming the id
    // Validate without exceptions (a fatal TextDecoder throwing per partial token is slow).
    let ascii = true;
    for (let k = 0; k < bytes!.length; k++) if (bytes![k]! >= 0x80) { ascii = false; break; }
    // ASCII tokens (most of them) skip TextDecoder, whose per-call cost dominates for short inputs.
    const piece = ascii ? String.fromCharCode.apply(null, bytes as unknown as number[]) : findInvalidUtf8(bytes!) < 0 ? utf8Decoder.decode(bytes) : null;
    if (Number.isInteger(id) && id >= 0) this.tokenStrings[id] = piece;
    return piece;
  }

  /** The bytes of one token. */
  decodeTokenBytes(id: number): Uint8Array {
    return this.decodeBytes([id]);
  }

  createDecoder(): StreamDecoder {
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true }); // a leading U+FEFF is text, not a BOM
    return {
      write: (ids) => decoder.decode(this.decodeBytes(typeof ids === 'number' ? [ids] : ids), { stream: true }),
      end: () => decoder.decode(),
    };
  }

  /** Byte length of a special token id; throws for an id that is no token. */
  private specialLength(id: number, index: number): number {
    const special = this.specialBytes.get(id);
    if (special) return special.length;
    throw new TokenlabError(`decode: id ${id} at index ${index} is not a token id of ${this.name} (ids are 0..${this.nVocab - 1}, with gaps)`);
  }

  private encodeWithSpecials(text: string, opts: SpecialOptions, out: number[] | null, limit: number, where: string): number {
    const { allowed, disallowed } = this.special.resolve(opts, where);
    this.special.check(text, disallowed, this.name);
    if (allowed.size === 0) return this.engine.run(text, out, limit);
    let count = 0;
    let pos = 0;
    for (;;) {
      const m = this.special.find(text, pos, (t) => allowed.has(t));
      const segEnd = m ? m.start : text.length;
      if (segEnd > pos) {
        count += this.engine.run(pos === 0 && segEnd === text.length ? text : text.slice(pos, segEnd), out, limit - count);
        if (count > limit) return count;
      }
      if (!m) return count;
      if (out) out.push(this.special.byString.get(m.token)!);
      count++;
      pos = m.end;
    }
  }
}

function requireString(text: unknown, where: string): string {
  if (typeof text !== 'string') throw new TokenlabError(`${where}: expected a string, got ${describe(text)}`);
  return text;
}

function isIdList(ids: unknown): ids is readonly number[] {
  return Array.isArray(ids) || ArrayBuffer.isView(ids);
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? (v as object).constructor?.name ?? 'an object' : typeof v;
}
