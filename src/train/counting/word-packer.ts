/**
 * Packs the distinct words of a counted batch (Map word -> count) into PackedWords, either as they
 * are or through the GPT-2 byte-level mapping (each UTF-8 byte of the raw piece becomes its printable
 * char), without making the mapped strings.
 * The scratch arrays are reused across batches; the result is copied into one buffer (allocPacked),
 * reusing the caller's spare buffer when it is big enough.
 */
import { BYTE_TO_CHAR } from '../../pretokenize/byte-level-alphabet.js';
import { allocPacked, type PackedWords } from './packed-words.js';
import type { PieceCounter } from './piece-counter.js';
import { encodeWord, maxWordBytes } from './word-bytes.js';

/** UTF-8 of each byte's byte-level char (1 or 2 bytes: the chars are below U+0800), as b0 | b1 << 8 | len << 16. */
const BYTE_LEVEL_UTF8 = Int32Array.from(BYTE_TO_CHAR, (ch) => {
  const c = ch.charCodeAt(0);
  return c < 0x80 ? c | (1 << 16) : (0xc0 | (c >> 6)) | ((0x80 | (c & 0x3f)) << 8) | (2 << 16);
});

export class WordPacker {
  private out = new Uint8Array(1 << 16);
  private raw = new Uint8Array(1 << 10);
  private ends = new Int32Array(1 << 10);
  private counts = new Float64Array(1 << 10);

  pack(words: Map<string, number>, byteLevel: boolean, reuse?: ArrayBuffer): PackedWords {
    if (words.size > this.ends.length) {
      this.ends = new Int32Array(words.size * 2);
      this.counts = new Float64Array(words.size * 2);
    }
    const ends = this.ends;
    const counts = this.counts;
    let at = 0;
    let i = 0;
    for (const [w, c] of words) {
      // Byte-level: up to 3 UTF-8 bytes per UTF-16 unit, each mapped to up to 2 bytes.
      const need = at + (byteLevel ? 2 : 1) * maxWordBytes(w);
      if (need > this.out.length) this.growOut(need);
      at = byteLevel ? this.byteLevelInto(w, at) : encodeWord(w, this.out, at);
      ends[i] = at;
      counts[i++] = c;
    }
    const r = allocPacked(i, at, reuse);
    r.bytes.set(this.out.subarray(0, at));
    r.ends.set(ends.subarray(0, i));
    r.counts.set(counts.subarray(0, i));
    return r;
  }

  /** The same as `pack`, from a PieceCounter (reading its code units: no strings are made). */
  packCounter(c: PieceCounter, byteLevel: boolean, reuse?: ArrayBuffer): PackedWords {
    let need = 0;
    for (let i = 0; i < c.size; i++) need += c.length[i]!;
    need *= byteLevel ? 6 : 3;
    if (need > this.out.length) this.growOut(need);
    if (c.size > this.ends.length) {
      this.ends = new Int32Array(c.size * 2);
      this.counts = new Float64Array(c.size * 2);
    }
    const ends = this.ends;
    let at = 0;
    for (let i = 0; i < c.size; i++) {
      at = this.unitsInto(c.units, c.start[i]!, c.start[i]! + c.length[i]!, at, byteLevel);
      ends[i] = at;
    }
    const packed = allocPacked(c.size, at, reuse);
    packed.bytes.set(this.out.subarray(0, at));
    packed.ends.set(ends.subarray(0, c.size));
    packed.counts.set(c.counts.subarray(0, c.size));
    return packed;
  }

  /**
   * Writes code units u[from..to) at out[at..] as UTF-8: byte-level mapped (lone surrogates as
   * U+FFFD, as TextEncoder does) or as word-bytes.ts keys (lone surrogates kept). Returns the end.
   */
  private unitsInto(u: Uint16Array, from: number, to: number, at: number, byteLevel: boolean): number {
    const bl = byteLevel;
    for (let i = from; i < to; i++) {
      let c = u[i]!;
      if (c < 0x80) {
        at = this.put(c, at, bl);
        continue;
      }
      if (c < 0x800) {
        at = this.put(0xc0 | (c >> 6), at, bl);
        at = this.put(0x80 | (c & 0x3f), at, bl);
        continue;
      }
      if (c >= 0xd800 && c < 0xe000) {
        const d = i + 1 < to ? u[i + 1]! : 0;
        if (c < 0xdc00 && d >= 0xdc00 && d < 0xe000) {
          c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          i++;
          at = this.put(0xf0 | (c >> 18), at, bl);
          at = this.put(0x80 | ((c >> 12) & 0x3f), at, bl);
          at = this.put(0x80 | ((c >> 6) & 0x3f), at, bl);
          at = this.put(0x80 | (c & 0x3f), at, bl);
          continue;
        }
        if (bl) c = 0xfffd;
      }
      at = this.put(0xe0 | (c >> 12), at, bl);
      at = this.put(0x80 | ((c >> 6) & 0x3f), at, bl);
      at = this.put(0x80 | (c & 0x3f), at, bl);
    }
    return at;
  }

  /** Writes UTF-8 byte b at out[at..], byte-level mapped or as is; returns the end. */
  private put(b: number, at: number, byteLevel: boolean): number {
    const out = this.out;
    if (!byteLevel) {
      out[at] = b;
      return at + 1;
    }
    const m = BYTE_LEVEL_UTF8[b]!;
    out[at++] = m & 0xff;
    if (m >>> 16 === 2) out[at++] = (m >>> 8) & 0xff;
    return at;
  }

  private growOut(need: number): void {
    let n = this.out.length * 2;
    while (n < need) n *= 2;
    const o = new Uint8Array(n); o.set(this.out); this.out = o;
  }

  /** Writes the byte-level form of `w` at out[at..]; returns the end. */
  private byteLevelInto(w: string, at: number): number {
    const out = this.out;
    let ascii = true;
    for (let i = 0; i < w.length; i++) if (w.charCodeAt(i) >= 0x80) { ascii = false; break; }
    if (ascii) {
      for (let i = 0; i < w.length; i++) {
        const u = BYTE_LEVEL_UTF8[w.charCodeAt(i)]!;
        out[at++] = u & 0xff;
        if (u >>> 16 === 2) out[at++] = (u >>> 8) & 0xff;
      }
      return at;
    }
    if (maxWordBytes(w) > this.raw.length) this.raw = new Uint8Array(Math.max(maxWordBytes(w), this.raw.length * 2));
    // TextEncoder semantics (a lone surrogate becomes U+FFFD), as toByteLevel does.
    const raw = this.raw;
    const n = ENCODER.encodeInto(w, raw).written;
    for (let i = 0; i < n; i++) {
      const u = BYTE_LEVEL_UTF8[raw[i]!]!;
      out[at++] = u & 0xff;
      if (u >>> 16 === 2) out[at++] = (u >>> 8) & 0xff;
    }
    return at;
  }
}

const ENCODER = new TextEncoder();
