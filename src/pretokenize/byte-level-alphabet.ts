/**
 * GPT-2's `bytes_to_unicode` table: every byte value maps to one printable char so byte strings
 * can live in a string vocabulary. Bytes 33–126, 161–172 and 174–255 map to themselves; the other
 * 68 bytes, in increasing order, map to U+0100, U+0101, … (space → Ġ, \n → Ċ).
 * `BYTE_TO_CHAR[b]` is the char for byte b; `CHAR_TO_BYTE` is the inverse.
 */
export const BYTE_TO_CHAR: readonly string[] = (() => {
  const table: string[] = new Array<string>(256);
  let next = 0x100;
  for (let b = 0; b < 256; b++) {
    const keep = (b >= 33 && b <= 126) || (b >= 161 && b <= 172) || (b >= 174 && b <= 255);
    table[b] = String.fromCharCode(keep ? b : next++);
  }
  return table;
})();

export const CHAR_TO_BYTE: ReadonlyMap<string, number> = new Map(BYTE_TO_CHAR.map((c, b) => [c, b]));
