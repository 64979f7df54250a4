/** The `BertPreTokenizer`: split on White_Space (removed), then isolate each punctuation char. */
import { isWhiteSpace } from '../core/normalized-string.js';
import type { PreTokenizedText, PreTokenizer } from '../core/stages.js';
import { readObject } from '../normalize/json-fields.js';
import { CharPredicatePattern } from '../normalize/pattern.js';
import { asPreTokenized, type PreTokenizerComponent } from './component.js';
import { PUNCTUATION_PATTERN } from './punctuation.js';

const WS = new CharPredicatePattern(isWhiteSpace);

export class BertPreTokenizer implements PreTokenizer {
  readonly type = 'BertPreTokenizer';
  preTokenize(text: PreTokenizedText): void {
    const pts = asPreTokenized(text);
    pts.split((_, ns) => ns.split(WS, 'Removed'));
    pts.split((_, ns) => ns.split(PUNCTUATION_PATTERN, 'Isolated'));
  }
  toJSON(): Record<string, unknown> {
    return { type: this.type };
  }
}

export const bertPreTokenizer: PreTokenizerComponent = {
  type: 'BertPreTokenizer',
  fromJSON(json, path) {
    readObject(json, path, []);
    return new BertPreTokenizer();
  },
};
