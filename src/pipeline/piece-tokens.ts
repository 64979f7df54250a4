/** What the tokenizer.json fast paths cache per piece, and how they append a token to an encoding. */
import type { Token } from '../core/stages.js';
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

/** A model's tokens as cached arrays; `span` maps a token's model offsets to offsets in the piece. */
export function pieceTokens(tokens: readonly Token[], span: (start: number, end: number) => [number, number] = (a, b) => [a, b]): PieceTokens {
  const out: PieceTokens = { ids: [], values: [], starts: [], ends: [] };
  for (const tok of tokens) {
    const [s, e] = span(tok.offsets[0], tok.offsets[1]);
    out.ids.push(tok.id);
    out.values.push(tok.value);
    out.starts.push(s);
    out.ends.push(e);
  }
  return out;
}
