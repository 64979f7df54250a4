/**
 * The byte-rank BPE engine for ordinary text (no special tokens): scan pieces, then per piece
 *   1. UTF-8 encode it into a reusable buffer (lone surrogates become U+FFFD, as tiktoken receives them);
 *   2. if its bytes are one token, emit it (most pieces: no allocation at all);
 *   3. else look the piece up in a bounded piece → ids cache;
 *   4. else merge (byte-rank-merge.ts) and cache the result.
 *
 * One loop serves encode, count and count-up-to-a-limit (`run`): with `out` null nothing is
 * allocated for the ids, and with a finite `limit` it stops after the first piece that passes it.
 *
 * Performance notes:
 * - The cache is keyed by the piece's JS substring. It is cleared when full (simple and, measured on
 *   1 MB of unseen text, as good as an LRU because the vocabulary lookup catches the frequent pieces).
 * - Single-token pieces are cached as a number, multi-token ones as an Int32Array.
 * - Only pieces up to MAX_CACHED_PIECE bytes are cached: longer ones (CJK/Thai runs) almost never
 *   repeat, and the key substring + entry allocation cost more than they save. 16/24/32/64 were
 *   measured on FLORES eng/zho/jpn/rus/tha: 16–24 best for non-Latin text, equal for English.
 */
import type { PieceScanner } from '../../pretokenize/scanners/types.js';
import type { ByteVocab } from './byte-vocab.js';
import { MergeScratch, mergeByteRanks } from './byte-rank-merge.js';

const CACHE_LIMIT = 1 << 16;
const MAX_CACHED_PIECE = 24;

export class ByteRankEncoder {
  private buf = new Uint8Array(1024);
  private readonly scratch = new MergeScratch();
  private cache = new Map<string, number | Int32Array>();
  /** UTF-16 offset where the last `run` stopped (text end, or the end of the piece that passed the limit). */
  stoppedAt = 0;

  constructor(
    readonly vocab: ByteVocab,
    readonly scanner: PieceScanner,
  ) {}

  /**
   * Encodes `text` as ordinary text, appending ids to `out` when given, and returns the number of
   * tokens. Stops early once more than `limit` tokens were produced (see `stoppedAt`). The scanner
   * sees exactly `text`, so callers pass the segment between special tokens as its own string:
   * lookaheads like `\s+(?!\S)` must see the segment's end, as tiktoken's slice does.
   */
  run(text: string, out: number[] | null, limit = Infinity): number {
    const vocab = this.vocab;
    const scanner = this.scanner;
    const end = text.length;
    let count = 0;
    let pos = 0;
    while (pos < end) {
      const pieceEnd = scanner(text, pos);
      count += this.encodePiece(text, pos, pieceEnd, out, vocab);
      pos = pieceEnd;
      if (count > limit) break;
    }
    this.stoppedAt = pos;
    return count;
  }

  /** Encodes one piece text[start..end); returns its token count. */
  encodePiece(text: string, start: number, end: number, out: number[] | null, vocab = this.vocab): number {
    const n = this.utf8(text, start, end);
    const buf = this.buf;
    const whole = vocab.lookup(buf, 0, n);
    if (whole >= 0) {
      if (out) out.push(whole);
      return 1;
    }
    if (n > MAX_CACHED_PIECE) return mergeByteRanks(vocab, buf, 0, n, out, this.scratch);
    const key = text.slice(start, end);
    const hit = this.cache.get(key);
    if (hit !== undefined) {
      if (typeof hit === 'number') {
        if (out) out.push(hit);
        return 1;
      }
      if (out) for (let i = 0; i < hit.length; i++) out.push(hit[i]!);
      return hit.length;
    }
    const ids: number[] = [];
    mergeByteRanks(vocab, buf, 0, n, ids, this.scratch);
    if (this.cache.size >= CACHE_LIMIT) this.cache = new Map();
    this.cache.set(key, ids.length === 1 ? ids[0]! : Int32Array.from(ids));
    if (out) for (let i = 0; i < ids.length; i++) out.push(ids[i]!);
    return ids.length;
  }

  /** Writes the UTF-8 bytes of text[start..end) into this.buf; returns the byte length. */
  private utf8(text: string, start: number, end: number): number {
    if (this.buf.length < (end - start) * 3) this.buf = new Uint8Array((end - start) * 3 + 16);
    const buf = this.buf;
    let n = 0;
    for (let i = start; i < end; i++) {
      let c = text.charCodeAt(i);
      if (c < 0x80) {
        buf[n++] = c;
      } else if (c < 0x800) {
        buf[n++] = 0xc0 | (c >> 6);
        buf[n++] = 0x80 | (c & 0x3f);
      } else if (c >= 0xd800 && c <= 0xdfff) {
        const d = c <= 0xdbff && i + 1 < end ? text.charCodeAt(i + 1) : 0;
        if (d >= 0xdc00 && d <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          i++;
          buf[n++] = 0xf0 | (c >> 18);
          buf[n++] = 0x80 | ((c >> 12) & 0x3f);
          buf[n++] = 0x80 | ((c >> 6) & 0x3f);
          buf[n++] = 0x80 | (c & 0x3f);
        } else {
          // Lone surrogate: U+FFFD, exactly what TextEncoder (and so tiktoken's WASM build) produces.
          buf[n++] = 0xef;
          buf[n++] = 0xbf;
          buf[n++] = 0xbd;
        }
      } else {
        buf[n++] = 0xe0 | (c >> 12);
        buf[n++] = 0x80 | ((c >> 6) & 0x3f);
        buf[n++] = 0x80 | (c & 0x3f);
      }
    }
    return n;
  }
}
