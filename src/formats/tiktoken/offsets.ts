/**
 * Character spans of the tokens of one piece. Tokens are byte strings, so a token can hold part of
 * a multi-byte character; its span then covers the whole character, and neighbouring tokens that
 * share a character have overlapping spans (what tiktoken's decode_with_offsets implies).
 * Linear in the piece length; only used by encodeWithOffsets, not on the hot path.
 */
import type { ByteVocab } from '../../model/bpe/byte-vocab.js';

/** UTF-8 length of the code unit at i (a surrogate pair counts 4 on its high half, 0 on its low half). */
function utf8LengthAt(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x80) return 1;
  if (c < 0x800) return 2;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 4;
  }
  if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
    const h = text.charCodeAt(i - 1);
    if (h >= 0xd800 && h <= 0xdbff) return 0;
  }
  return 3;
}

/**
 * Appends to `offsets` the span (shifted by `base`) of each token ids[first..] that encodes
 * text[start..end).
 */
export function tokenCharSpans(
  text: string,
  start: number,
  end: number,
  ids: readonly number[],
  first: number,
  vocab: ByteVocab,
  base: number,
  offsets: [number, number][],
): void {
  // byteToUnit[b] = the code unit whose character holds byte b of the piece.
  const byteToUnit: number[] = [];
  for (let i = start; i < end; i++) {
    const len = utf8LengthAt(text, i, end);
    for (let k = 0; k < len; k++) byteToUnit.push(i);
  }
  let b = 0;
  for (let t = first; t < ids.length; t++) {
    const len = vocab.tokenLength(ids[t]!);
    const s = byteToUnit[b]!;
    const lastUnit = byteToUnit[b + len - 1]!;
    const e = lastUnit + (utf8LengthAt(text, lastUnit, end) === 4 ? 2 : 1);
    offsets.push([base + s, base + e]);
    b += len;
  }
}
