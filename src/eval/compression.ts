/**
 * Token counts and compression (spec §4; Needle Threading's rule: always keep characters and bytes
 * next to tokens).
 *
 *   bytes/token = B / N        chars/token = C / N
 *
 * N = tokens, C = Unicode code points of the text as given (no normalization), B = its UTF-8 bytes.
 * Higher means more compression. With N = 0 both are reported as 0.
 */

export interface TextSize {
  tokens: number;
  chars: number;
  bytes: number;
}

export interface Compression {
  bytesPerToken: number;
  charsPerToken: number;
}

/** Code points of a string (a surrogate pair counts once; a lone surrogate counts once). */
export function countCodePoints(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** UTF-8 length of a string (lone surrogates count as U+FFFD, 3 bytes). */
export function countUtf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

export function compression(s: TextSize): Compression {
  return {
    bytesPerToken: s.tokens === 0 ? 0 : s.bytes / s.tokens,
    charsPerToken: s.tokens === 0 ? 0 : s.chars / s.tokens,
  };
}

export function addSizes(a: TextSize, b: TextSize): TextSize {
  return { tokens: a.tokens + b.tokens, chars: a.chars + b.chars, bytes: a.bytes + b.bytes };
}
