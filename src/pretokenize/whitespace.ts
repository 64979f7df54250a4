/**
 * The `Whitespace` pre-tokenizer: keeps runs matching `\w+|[^\w\s]+`, drops the rest. HF compiles
 * this one with Rust's `regex` crate, not Oniguruma, so `\w` is Rust's (Alphabetic, M, Nd, Pc,
 * Join_Control — ZWJ is a word char here, unlike in Split; at the binding's Unicode version) and `\s`
 * is White_Space.
 */
import type { PreTokenizedText, PreTokenizer } from '../core/stages.js';
import { readObject } from '../normalize/json-fields.js';
import { InvertPattern, RegexPattern } from '../normalize/pattern.js';
import { asPreTokenized, type PreTokenizerComponent } from './component.js';
import { WORD_CHAR_GAPS } from '../pipeline/generated/word-char-gaps.js';

const WS = '\\t-\\r \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
let pattern: InvertPattern | undefined;

/**
 * Rust's `\w` as a flag-v class: V8's properties corrected by the table generated from the native
 * binding (its Unicode version is older than Node's: 4,699 newer code points are not word chars there).
 */
function wordClass(): string {
  const range = ([a, b]: readonly [number, number, boolean]): string => (a === b ? `\\u{${a.toString(16)}}` : `\\u{${a.toString(16)}}-\\u{${b.toString(16)}}`);
  const remove = WORD_CHAR_GAPS.filter((g) => !g[2]).map(range).join('');
  const add = WORD_CHAR_GAPS.filter((g) => g[2]).map(range).join('');
  const v8 = '[\\p{Alphabetic}\\p{M}\\p{Nd}\\p{Pc}\\p{Join_Control}]';
  return `[${remove === '' ? v8 : `[${v8}--[${remove}]]`}${add === '' ? '' : `[${add}]`}]`;
}

export class WhitespacePreTokenizer implements PreTokenizer {
  readonly type = 'Whitespace';
  preTokenize(text: PreTokenizedText): void {
    if (pattern === undefined) {
      const w = wordClass();
      pattern = new InvertPattern(new RegexPattern(new RegExp(`${w}+|[^${w}${WS}]+`, 'gv')));
    }
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
