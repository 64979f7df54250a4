/** The `Punctuation` pre-tokenizer: splits on punctuation chars (ASCII punctuation or Unicode P*). */
import { SPLIT_BEHAVIORS, type SplitBehavior } from '../core/normalized-string.js';
import type { PreTokenizedText, PreTokenizer } from '../core/stages.js';
import { hfIsPunctuation } from '../normalize/hf-unicode.js';
import { readEnum, readObject } from '../normalize/json-fields.js';
import { CharPredicatePattern } from '../normalize/pattern.js';
import { asPreTokenized, type PreTokenizerComponent } from './component.js';


/** BERT's punctuation test: Rust `is_ascii_punctuation() || is_punctuation()`. */
export function isPunctuation(c: string): boolean {
  return hfIsPunctuation(c);
}

export const PUNCTUATION_PATTERN = new CharPredicatePattern(isPunctuation);

export class PunctuationPreTokenizer implements PreTokenizer {
  readonly type = 'Punctuation';
  constructor(readonly behavior: SplitBehavior = 'Isolated') {}
  preTokenize(text: PreTokenizedText): void {
    asPreTokenized(text).split((_, ns) => ns.split(PUNCTUATION_PATTERN, this.behavior));
  }
  toJSON(): Record<string, unknown> {
    return { type: this.type, behavior: this.behavior };
  }
}

export const punctuationPreTokenizer: PreTokenizerComponent = {
  type: 'Punctuation',
  fromJSON(json, path) {
    const o = readObject(json, path, ['behavior']);
    return new PunctuationPreTokenizer(readEnum(o, 'behavior', path, SPLIT_BEHAVIORS, 'Isolated'));
  },
};
