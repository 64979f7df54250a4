/**
 * Words as bytes for the compact word-count table: UTF-8, except that a lone surrogate (a JS string
 * may hold one) is kept as its own 3-byte sequence (WTF-8), so every string round-trips and two
 * different strings never share a key. Words from decoded text never contain lone surrogates, so
 * their bytes are plain UTF-8.
 */

/** Upper bound of the encoded size of `s` (3 bytes per UTF-16 unit). */
export function maxWordBytes(s: string): number {
  return s.length * 3;
}

/** Writes `s` at `out[at..]` (room for `maxWordBytes(s)` needed); returns the end offset. */
export function encodeWord(s: string, out: Uint8Array, at: number): number {
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      out[at++] = c;
    } else if (c < 0x800) {
      out[at++] = 0xc0 | (c >> 6);
      out[at++] = 0x80 | (c & 0x3f);
    } else {
      if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
        const d = s.charCodeAt(i + 1);
        if (d >= 0xdc00 && d < 0xe000) {
          c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          i++;
          out[at++] = 0xf0 | (c >> 18);
          out[at++] = 0x80 | ((c >> 12) & 0x3f);
          out[at++] = 0x80 | ((c >> 6) & 0x3f);
          out[at++] = 0x80 | (c & 0x3f);
          continue;
        }
      }
      out[at++] = 0xe0 | (c >> 12);
      out[at++] = 0x80 | ((c >> 6) & 0x3f);
      out[at++] = 0x80 | (c & 0x3f);
    }
  }
  return at;
}

/**
 * The code point starting at `b[i]` of well-formed `encodeWord` output (surrogate code points for
 * lone surrogates); its length in bytes is `codePointBytes(b[i])`.
 */
export function codePointAt(b: Uint8Array, i: number): number {
  const c = b[i]!;
  if (c < 0x80) return c;
  if (c < 0xe0) return ((c & 0x1f) << 6) | (b[i + 1]! & 0x3f);
  if (c < 0xf0) return ((c & 0x0f) << 12) | ((b[i + 1]! & 0x3f) << 6) | (b[i + 2]! & 0x3f);
  return ((c & 0x07) << 18) | ((b[i + 1]! & 0x3f) << 12) | ((b[i + 2]! & 0x3f) << 6) | (b[i + 3]! & 0x3f);
}

/** Length in bytes of the sequence whose lead byte is `lead`. */
export function codePointBytes(lead: number): number {
  return lead < 0x80 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
}

/** The string encoded in `b[start..end)`. */
export function decodeWord(b: Uint8Array, start: number, end: number): string {
  let s = '';
  let units: number[] = [];
  for (let i = start; i < end; ) {
    const cp = codePointAt(b, i);
    i += codePointBytes(b[i]!);
    if (cp < 0x10000) units.push(cp);
    else units.push(0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff));
    if (units.length >= 4096) {
      s += String.fromCharCode(...units);
      units = [];
    }
  }
  return units.length > 0 ? s + String.fromCharCode(...units) : s;
}

/** Length in UTF-16 units of the string encoded in `b[start..end)`. */
export function utf16Length(b: Uint8Array, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = b[i]!;
    if ((c & 0xc0) !== 0x80) n += c >= 0xf0 ? 2 : 1;
  }
  return n;
}
