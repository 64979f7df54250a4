/** Fuse decoder: concatenates all tokens into one string (HF `Fuse`). */
import type { Decoder } from '../core/stages.js';
import type { JsonObject } from '../formats/hf-json/json-read.js';

export class FuseDecoder implements Decoder {
  readonly type = 'Fuse';
  decodeChain(tokens: string[]): string[] { return [tokens.join('')]; }
  toJSON(): JsonObject { return { type: 'Fuse' }; }
}
