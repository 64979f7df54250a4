/** Sequence post-processor: chains each processor's `processEncodings`; added-token counts add up (HF `Sequence`). */
import type { JsonObject } from '../formats/hf-json/json-read.js';
import { BaseProcessor } from './processor-base.js';
import type { HfEncoding } from './hf-encoding.js';

export class SequenceProcessor extends BaseProcessor {
  readonly type = 'Sequence';
  constructor(readonly processors: BaseProcessor[]) { super(); }

  addedTokens(isPair: boolean): number { return this.processors.reduce((n, p) => n + p.addedTokens(isPair), 0); }

  processEncodings(encodings: HfEncoding[], addSpecialTokens: boolean): HfEncoding[] {
    let e = encodings;
    for (const p of this.processors) e = p.processEncodings(e, addSpecialTokens);
    return e;
  }

  toJSON(): JsonObject { return { type: 'Sequence', processors: this.processors.map((p) => p.toJSON()) }; }
}
