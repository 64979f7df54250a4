/**
 * The `Split` pre-tokenizer: splits on a String or Regex (Oniguruma) pattern with one of HF's five
 * delimiter behaviours; `invert` swaps matches and gaps. Zero-width matches still split.
 * Known tiktoken-style regexes run on a hand-written scanner (scanner-pattern.ts).
 */
import type { Pattern, SplitBehavior } from '../core/normalized-string.js';
import { SPLIT_BEHAVIORS } from '../core/normalized-string.js';
import type { PreTokenizedText, PreTokenizer } from '../core/stages.js';
import { readBool, readEnum, readObject, readPattern } from '../normalize/json-fields.js';
import { InvertPattern, type JsonPattern } from '../normalize/pattern.js';
import { asPreTokenized, type PreTokenizerComponent } from './component.js';
import { scannerPatternFor } from './scanner-pattern.js';

export class SplitPreTokenizer implements PreTokenizer {
  readonly type = 'Split';
  private readonly effective: Pattern;
  constructor(readonly pattern: JsonPattern, readonly behavior: SplitBehavior, readonly invert: boolean, readonly compiled: Pattern) {
    this.effective = invert ? new InvertPattern(compiled) : compiled;
  }

  preTokenize(text: PreTokenizedText): void {
    asPreTokenized(text).split((_, ns) => ns.split(this.effective, this.behavior));
  }

  toJSON(): Record<string, unknown> {
    return { type: this.type, pattern: { ...this.pattern }, behavior: this.behavior, invert: this.invert };
  }
}

export const splitPreTokenizer: PreTokenizerComponent = {
  type: 'Split',
  fromJSON(json, path) {
    const o = readObject(json, path, ['pattern', 'behavior', 'invert']);
    const { json: pj, pattern } = readPattern(o, 'pattern', path);
    const fast = 'Regex' in pj ? scannerPatternFor(pj.Regex) : undefined;
    return new SplitPreTokenizer(pj, readEnum(o, 'behavior', path, SPLIT_BEHAVIORS), readBool(o, 'invert', path), fast ?? pattern);
  },
};
