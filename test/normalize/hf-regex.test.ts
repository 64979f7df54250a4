/**
 * The Oniguruma -> JS regex translator (src/normalize/onig-regex.ts) against HF's own regex engine:
 * each pattern splits table and random strings (Isolated, through the native binding's Split
 * pre-tokenizer) into the same pieces. Includes the tiktoken-style patterns that Split normally
 * routes to hand-written scanners, so the regex path stays exact too.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { TokenlabError } from '../../src/core/errors.js';
import { PreTokenizedString } from '../../src/core/pre-tokenized-string.js';
import { translateOnigRegex } from '../../src/normalize/onig-regex.js';
import { RegexPattern } from '../../src/normalize/pattern.js';
import { SplitPreTokenizer } from '../../src/pretokenize/split.js';
import { hfPreTokenize, textArbKnown } from './hf-helpers.js';

const PATTERNS = [
  "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+",
  "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+",
  "'(?i:[sdmt]|ll|ve|re)|[^\\r\\n\\p{L}\\p{N}]?+\\p{L}++|\\p{N}{1,3}+| ?[^\\s\\p{L}\\p{N}]++[\\r\\n]*+|\\s++$|\\s*[\\r\\n]|\\s+(?!\\S)|\\s",
  "'(?:[sdmt]|ll|ve|re)| ?\\p{L}++| ?\\p{N}++| ?[^\\s\\p{L}\\p{N}]++|\\s++$|\\s+(?!\\S)|\\s",
  '\\w+',
  '\\b',
  '\\B\\w',
  '\\d+',
  '\\h+',
  '\\s',
  '\\S+',
  '^\\s*\\w',
  '\\w+$',
  '\\A\\w|\\w\\z|\\w\\Z',
  '(?i)ab|S',
  '(?i:strasse|é)',
  'a+?',
  '[a-c]{2}+',
  '(?>a|ab)c|\\p{Lu}*+\\p{Ll}',
  '(?<x>\\p{N})\\k<x>',
  '(?<=\\p{L})\\p{N}|\\p{N}(?=\\p{L})',
  '.',
  '\\p{Han}+|\\p{Hiragana}|\\p{Arabic}+',
  '\\x{4E00}-\\x{9FFF}|[\\x{3040}-\\x{309F}]+',
  '[\\-\\[\\]\\\\^]+|\\.|\\*|\\{|\\}',
  'x{2,}|y{,2}|{',
  '[^\\p{L}\\p{N}\\s]+',
  '\\p{^L}+',
  '\\R|\\e|\\a',
  '\\R\\n',
];

const TABLE = [
  '',
  "Hello  World's THEY'LL 42 1234567 ٣٤٥\n\n  x\r\n",
  'Strasse STRASSE é É e\u0301 abc aaab ABab ① ² ½',
  '日本語のテキスト ひらがな العربية',
  'x-[a]\\^ y.z*{b} yy yyy xxxx {',
  'ab\naab\n\nc  \t d',
  'CamelCase HTTPServer a1b2 11 22',
];

describe('Oniguruma regex translation equals HF', () => {
  for (const p of PATTERNS) {
    test(JSON.stringify(p), () => {
      const split = new SplitPreTokenizer({ Regex: p }, 'Isolated', false, RegexPattern.fromOnig(p, 'test'));
      const ours = (s: string): [string, [number, number]][] => {
        const pts = new PreTokenizedString(s);
        split.preTokenize(pts);
        return pts.getSplits();
      };
      const hf = (s: string) => hfPreTokenize({ type: 'Split', pattern: { Regex: p }, behavior: 'Isolated', invert: false }, s);
      for (const s of TABLE) assert.deepEqual(ours(s), hf(s), JSON.stringify(s));
      fc.assert(fc.property(textArbKnown, (s) => assert.deepEqual(ours(s), hf(s))), { numRuns: 30 });
    });
  }
});

test('unsupported constructs are rejected with the JSON path', () => {
  for (const p of ['a\\Kb', '(?i:straße)', '[[:alpha:]]', '[a&&b]', '(?m:a)', '[\\S]', 'a(', '(?<x>a)\\1++']) {
    assert.throws(
      () => translateOnigRegex(p, 'pre_tokenizer.pattern.Regex'),
      (e: unknown) => e instanceof TokenlabError && e.message.startsWith('pre_tokenizer.pattern.Regex: '),
      p,
    );
  }
});
