/**
 * RobertaProcessing: `<s> A </s>` and `<s> A </s></s> B </s>`, every type id 0; with
 * `trim_offsets`, offsets are first moved past spaces as the ByteLevel post-processor does
 * (HF `RobertaProcessing`).
 */
import type { JsonObject } from '../formats/hf-json/json-read.js';
import { BaseProcessor, trimOffsets } from './processor-base.js';
import { wrap, type SpecialPair } from './bert.js';
import type { HfEncoding } from './hf-encoding.js';

export class RobertaProcessor extends BaseProcessor {
  readonly type = 'RobertaProcessing';
  constructor(readonly sep: SpecialPair, readonly cls: SpecialPair, readonly trimOffsetsFlag = true, readonly addPrefixSpace = true) { super(); }

  addedTokens(isPair: boolean): number { return isPair ? 4 : 2; }

  processEncodings(encodings: HfEncoding[], addSpecialTokens: boolean): HfEncoding[] {
    if (this.trimOffsetsFlag) {
      for (const e of encodings) {
        trimOffsets(e, this.addPrefixSpace);
        for (const o of e.overflowing) trimOffsets(o, this.addPrefixSpace);
      }
    }
    // "Roberta is weird, and every encoding is type_id=0": the top-level encodings here, and every
    // part (overflowing ones too) once special tokens are added.
    for (const e of encodings) e.typeIds = new Array(e.ids.length).fill(0);
    if (!addSpecialTokens) return encodings;
    return encodings.map((e, i) => (i === 0 ? wrap(e, [this.cls], [this.sep], 0, 0, 0, 0) : wrap(e, [this.sep], [this.sep], 0, 0, 1, 0)));
  }

  toJSON(): JsonObject {
    return { type: 'RobertaProcessing', sep: [...this.sep], cls: [...this.cls], trim_offsets: this.trimOffsetsFlag, add_prefix_space: this.addPrefixSpace };
  }
}
