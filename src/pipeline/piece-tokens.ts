/** What the tokenizer.json fast paths cache per piece, and how they append a token to an encoding. */
import type { HfEncoding } from '../postprocess/index.js';

/** A piece's tokens: ids, strings, and UTF-16 offsets relative to the piece. */
export interface PieceTokens { ids: number[]; values: string[]; starts: number[]; ends: number[] }

/** Appends one ordinary (not special) token of sequence `typeId`, word `word`. */
export function pushToken(e: HfEncoding, id: number, value: string, start: number, end: number, typeId: number, word: number): void {
  e.ids.push(id);
  e.tokens.push(value);
  e.offsets.push([start, end]);
  e.typeIds.push(typeId);
  e.specialTokensMask.push(0);
  e.attentionMask.push(1);
  e.wordIds.push(word);
}
