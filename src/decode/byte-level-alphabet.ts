/**
 * GPT-2's byte <-> character table (HF `bytes_char`): bytes 33–126, 161–172 and 174–255 map to the
 * same code point; the other 68 bytes, in increasing order, map to U+0100, U+0101, ….
 * `CHAR_TO_BYTE` maps each of the 256 characters (as a code point) back to its byte.
 */
export const BYTE_TO_CHAR: readonly string[] = (() => {
  const out: string[] = new Array(256);
  let n = 0;
  for (let b = 0; b < 256; b++) {
    const keep = (b >= 33 && b <= 126) || (b >= 161 && b <= 172) || (b >= 174 && b <= 255);
    out[b] = String.fromCodePoint(keep ? b : 256 + n++);
  }
  return out;
})();

export const CHAR_TO_BYTE: ReadonlyMap<number, number> = new Map(BYTE_TO_CHAR.map((c, b) => [c.codePointAt(0)!, b]));
