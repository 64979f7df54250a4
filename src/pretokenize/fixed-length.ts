/** The `FixedLength` pre-tokenizer: cuts each split into pieces of `length` chars (last may be shorter). */
import { TokenlabError } from '../core/errors.js';
import { charLen, type NormalizedString } from '../core/normalized-string.js';
import type { PreTokenizedText, PreTokenizer } from '../core/stages.js';
import { readObject, readUint } from '../normalize/json-fields.js';
import { asPreTokenized, type PreTokenizerComponent } from './component.js';

export class FixedLengthPreTokenizer implements PreTokenizer {
  readonly type = 'FixedLength';
  constructor(readonly length = 5) {
    if (length < 1) throw new TokenlabError('FixedLength length must be at least 1');
  }
  preTokenize(text: PreTokenizedText): void {
    asPreTokenized(text).split((_, ns) => {
      const s = ns.normalized;
      const out: NormalizedString[] = [];
      let start = 0;
      while (start < s.length) {
        let end = start;
        for (let k = 0; k < this.length && end < s.length; k++) end += charLen(s, end);
        out.push(ns.slice(start, end)!);
        start = end;
      }
      return out;
    });
  }
  toJSON(): Record<string, unknown> {
    return { type: this.type, length: this.length };
  }
}

export const fixedLengthPreTokenizer: PreTokenizerComponent = {
  type: 'FixedLength',
  fromJSON(json, path) {
    const o = readObject(json, path, ['length']);
    const length = readUint(o, 'length', path, 5);
    if (length < 1) throw new TokenlabError('length must be at least 1 (HF panics on 0)', { path: `${path}.length` });
    return new FixedLengthPreTokenizer(length);
  },
};
