/** Character (code point) and UTF-8 byte counts of a text, as shown next to each token count. O(n). */
export function textStats(text: string): { chars: number; bytes: number } {
  let chars = 0;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    chars++;
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) { bytes += 4; i++; }
    else bytes += 3; // BMP character, or a lone surrogate (encoded as U+FFFD, 3 bytes)
  }
  return { chars, bytes };
}
