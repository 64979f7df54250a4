/** Sequence decoder: runs each decoder's decode_chain on the previous one's output (HF `Sequence`). */
import type { Decoder } from '../core/stages.js';
import type { JsonObject } from '../formats/hf-json/json-read.js';

export class SequenceDecoder implements Decoder {
  readonly type = 'Sequence';
  constructor(readonly decoders: Decoder[]) {}

  decodeChain(tokens: string[]): string[] {
    let t = tokens;
    for (const d of this.decoders) t = d.decodeChain(t);
    return t;
  }

  toJSON(): JsonObject { return { type: 'Sequence', decoders: this.decoders.map((d) => d.toJSON()) }; }
}
