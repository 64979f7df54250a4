/**
 * The `Whitespace` pre-tokenizer: keeps runs matching `\w+|[^\w\s]+`, drops the rest. HF compiles
 * this one with Rust's `regex` crate, not Oniguruma, so `\w` is Rust's (Alphabetic, M, Nd, Pc,
 * Join_Control — ZWJ is a word char here, unlike in Split) and `\s` is White_Space.
 */
import type { PreTokenizedText, PreTokenizer } from '../core/stages.js';
import { readObject } from '../normalize/json-fields.js';
import { InvertPattern, RegexPattern } from '../normalize/pattern.js';
import { asPreTokenized, type PreTokenizerComponent } from './component.js';

const W = '\\p{Alphabetic}\\p{M}\\p{Nd}\\p{Pc}\\p{Join_Control}';
const WS = '\\t-\\r \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
let pattern: InvertPattern | undefined;

export class WhitespacePreTokenizer implements PreTokenizer {
  readonly type = 'Whitespace';
  preTokenize(text: PreTokenizedText): void {
    pattern ??= new InvertPattern(new RegexPattern(new RegExp(`[${W}]+|[^${W}${WS}]+`, 'gu')));
    const p = pattern;
    asPreTokenized(text).split((_, ns) => ns.split(p, 'Removed'));
  }
  toJSON(): Record<string, unknown> {
    return { type: this.type };
  }
}

export const whitespacePreTokenizer: PreTokenizerComponent = {
  type: 'Whitespace',
  fromJSON(json, path) {
    readObject(json, path, []);
    return new WhitespacePreTokenizer();
  },
};
