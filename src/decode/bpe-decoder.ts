/**
 * BPEDecoder: the end-of-word suffix (`</w>`) becomes a space, except in the last token where it is
 * removed (HF `BPEDecoder`).
 */
import type { Decoder } from '../core/stages.js';
import type { JsonObject } from '../formats/hf-json/json-read.js';

export class BpeDecoder implements Decoder {
  readonly type = 'BPEDecoder';
  constructor(readonly suffix = '</w>') {}

  decodeChain(tokens: string[]): string[] {
    const last = tokens.length - 1;
    return tokens.map((t, i) => (this.suffix === '' ? t : t.replaceAll(this.suffix, i === last ? '' : ' ')));
  }

  toJSON(): JsonObject { return { type: 'BPEDecoder', suffix: this.suffix }; }
}
