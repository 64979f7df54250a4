/** The `WhitespaceSplit` pre-tokenizer: splits on Unicode White_Space, dropping it. */
import { isWhiteSpace } from '../core/normalized-string.js';
import type { PreTokenizedText, PreTokenizer } from '../core/stages.js';
import { readObject } from '../normalize/json-fields.js';
import { CharPredicatePattern } from '../normalize/pattern.js';
import { asPreTokenized, type PreTokenizerComponent } from './component.js';

const WS = new CharPredicatePattern(isWhiteSpace);

export class WhitespaceSplitPreTokenizer implements PreTokenizer {
  readonly type = 'WhitespaceSplit';
  preTokenize(text: PreTokenizedText): void {
    asPreTokenized(text).split((_, ns) => ns.split(WS, 'Removed'));
  }
  toJSON(): Record<string, unknown> {
    return { type: this.type };
  }
}

export const whitespaceSplitPreTokenizer: PreTokenizerComponent = {
  type: 'WhitespaceSplit',
  fromJSON(json, path) {
    readObject(json, path, []);
    return new WhitespaceSplitPreTokenizer();
  },
};
