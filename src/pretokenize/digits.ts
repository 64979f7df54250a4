/** The `Digits` pre-tokenizer: isolates numeric chars (Rust `char::is_numeric` = \p{N}), one by one or as runs. */
import type { PreTokenizedText, PreTokenizer } from '../core/stages.js';
import { readBool, readObject } from '../normalize/json-fields.js';
import { CharPredicatePattern } from '../normalize/pattern.js';
import { asPreTokenized, type PreTokenizerComponent } from './component.js';

const NUMERIC = /^\p{N}$/u;
const DIGIT = new CharPredicatePattern((c) => NUMERIC.test(c));

export class DigitsPreTokenizer implements PreTokenizer {
  readonly type = 'Digits';
  constructor(readonly individualDigits = false) {}
  preTokenize(text: PreTokenizedText): void {
    const behavior = this.individualDigits ? 'Isolated' : 'Contiguous';
    asPreTokenized(text).split((_, ns) => ns.split(DIGIT, behavior));
  }
  toJSON(): Record<string, unknown> {
    return { type: this.type, individual_digits: this.individualDigits };
  }
}

export const digitsPreTokenizer: PreTokenizerComponent = {
  type: 'Digits',
  fromJSON(json, path) {
    const o = readObject(json, path, ['individual_digits']);
    return new DigitsPreTokenizer(readBool(o, 'individual_digits', path));
  },
};
