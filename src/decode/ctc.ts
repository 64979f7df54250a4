/**
 * CTC decoder: collapses consecutive duplicate tokens, removes the pad token and, with `cleanup`,
 * applies WordPiece cleanup and turns the word delimiter into a space; empty results are dropped
 * (HF `CTC`).
 */
import type { Decoder } from '../core/stages.js';
import type { JsonObject } from '../formats/hf-json/json-read.js';
import { cleanupText } from './wordpiece.js';

export class CtcDecoder implements Decoder {
  readonly type = 'CTC';
  constructor(readonly padToken = '<pad>', readonly wordDelimiterToken = '|', readonly cleanup = true) {}

  decodeChain(tokens: string[]): string[] {
    const out: string[] = [];
    tokens.forEach((t, i) => {
      if (i > 0 && tokens[i - 1] === t) return;
      let s = this.padToken === '' ? t : t.replaceAll(this.padToken, '');
      if (this.cleanup) s = this.wordDelimiterToken === '' ? cleanupText(s) : cleanupText(s).replaceAll(this.wordDelimiterToken, ' ');
      if (s !== '') out.push(s);
    });
    return out;
  }

  toJSON(): JsonObject {
    return { type: 'CTC', pad_token: this.padToken, word_delimiter_token: this.wordDelimiterToken, cleanup: this.cleanup };
  }
}
