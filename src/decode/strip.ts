/**
 * Strip decoder: removes up to `start` leading and `stop` trailing occurrences of the character
 * `content` from each token (HF `Strip`; counts are in characters).
 */
import type { Decoder } from '../core/stages.js';
import type { JsonObject } from '../formats/hf-json/json-read.js';

export class StripDecoder implements Decoder {
  readonly type = 'Strip';
  constructor(readonly content: string, readonly start: number, readonly stop: number) {}

  decodeChain(tokens: string[]): string[] {
    return tokens.map((t) => {
      const chars = [...t];
      let startCut = 0;
      for (let i = 0; i < Math.min(this.start, chars.length); i++) {
        if (chars[i] === this.content) startCut = i + 1; else break;
      }
      let stopCut = chars.length;
      for (let i = 0; i < this.stop; i++) {
        const index = chars.length - i - 1;
        if (index < 0) break;
        if (chars[index] === this.content) stopCut = index; else break;
      }
      return stopCut <= startCut ? '' : chars.slice(startCut, stopCut).join('');
    });
  }

  toJSON(): JsonObject { return { type: 'Strip', content: this.content, start: this.start, stop: this.stop }; }
}
