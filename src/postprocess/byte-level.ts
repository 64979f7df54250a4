/**
 * ByteLevel post-processor: optionally trims offsets of tokens past their spaces (`trim_offsets`);
 * adds no tokens (HF `ByteLevel` as a post-processor).
 */
import type { JsonObject } from '../formats/hf-json/json-read.js';
import { BaseProcessor, trimOffsets } from './processor-base.js';
import { setSequenceId, type HfEncoding } from './hf-encoding.js';

export class ByteLevelProcessor extends BaseProcessor {
  readonly type = 'ByteLevel';
  constructor(readonly addPrefixSpace = true, readonly trimOffsetsFlag = true, readonly useRegex = true) { super(); }

  addedTokens(): number { return 0; }

  processEncodings(encodings: HfEncoding[]): HfEncoding[] {
    if (this.trimOffsetsFlag) {
      for (const e of encodings) {
        trimOffsets(e, this.addPrefixSpace);
        for (const o of e.overflowing) trimOffsets(o, this.addPrefixSpace);
      }
    }
    encodings.forEach((e, i) => setSequenceId(e, i));
    return encodings;
  }

  toJSON(): JsonObject {
    return { type: 'ByteLevel', add_prefix_space: this.addPrefixSpace, trim_offsets: this.trimOffsetsFlag, use_regex: this.useRegex };
  }
}
