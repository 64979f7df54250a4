/**
 * WordPiece decoder: a token starting with the prefix (`##`) is glued to the previous one, any other
 * non-first token gets a leading space; with `cleanup`, HF's English detokenization rules are
 * applied to each token (`cleanupText`, shared with the CTC decoder).
 */
import type { Decoder } from '../core/stages.js';
import type { JsonObject } from '../formats/hf-json/json-read.js';

/** HF `wordpiece::cleanup`: undoes spaces before punctuation and English contractions. */
export function cleanupText(s: string): string {
  return s
    .replaceAll(' .', '.')
    .replaceAll(' ?', '?')
    .replaceAll(' !', '!')
    .replaceAll(' ,', ',')
    .replaceAll(" ' ", "'")
    .replaceAll(" n't", "n't")
    .replaceAll(" 'm", "'m")
    .replaceAll(' do not', " don't")
    .replaceAll(" 's", "'s")
    .replaceAll(" 've", "'ve")
    .replaceAll(" 're", "'re");
}

export class WordPieceDecoder implements Decoder {
  readonly type = 'WordPiece';
  constructor(readonly prefix = '##', readonly cleanup = true) {}

  decodeChain(tokens: string[]): string[] {
    return tokens.map((t, i) => {
      let s = t;
      if (i !== 0) s = s.startsWith(this.prefix) ? s.replace(this.prefix, '') : ' ' + s;
      return this.cleanup ? cleanupText(s) : s;
    });
  }

  toJSON(): JsonObject { return { type: 'WordPiece', prefix: this.prefix, cleanup: this.cleanup }; }
}
