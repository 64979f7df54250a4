/** The `CharDelimiterSplit` pre-tokenizer: splits on one delimiter char, dropping it. */
import type { PreTokenizedText, PreTokenizer } from '../core/stages.js';
import { readChar, readObject } from '../normalize/json-fields.js';
import { charPattern, type CharPredicatePattern } from '../normalize/pattern.js';
import { asPreTokenized, type PreTokenizerComponent } from './component.js';

export class CharDelimiterSplitPreTokenizer implements PreTokenizer {
  readonly type = 'CharDelimiterSplit';
  private readonly pattern: CharPredicatePattern;
  constructor(readonly delimiter: string) {
    this.pattern = charPattern(delimiter);
  }
  preTokenize(text: PreTokenizedText): void {
    asPreTokenized(text).split((_, ns) => ns.split(this.pattern, 'Removed'));
  }
  toJSON(): Record<string, unknown> {
    return { type: this.type, delimiter: this.delimiter };
  }
}

export const charDelimiterSplitPreTokenizer: PreTokenizerComponent = {
  type: 'CharDelimiterSplit',
  fromJSON(json, path) {
    const o = readObject(json, path, ['delimiter']);
    return new CharDelimiterSplitPreTokenizer(readChar(o, 'delimiter', path));
  },
};
