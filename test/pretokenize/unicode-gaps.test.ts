/**
 * Pre-tokenizers that classify characters without Oniguruma (Whitespace's Rust `\w`, BertPreTokenizer,
 * Punctuation, Digits, UnicodeScripts, Metaspace) against the native binding on the code points whose
 * class changed in Unicode versions newer than the binding's (src/pipeline/generated/word-char-gaps.ts),
 * plus U+0295 (Ll in Unicode 16, Lo in 17). Each sampled code point sits between letters, after a
 * space and after a digit.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hfPreTokenize, ourPreTokenize } from '../normalize/hf-helpers.js';
import { WORD_CHAR_GAPS } from '../../src/pipeline/generated/word-char-gaps.js';

const CODE_POINTS: number[] = [0x295];
for (const [a, b] of WORD_CHAR_GAPS) for (let c = a; c <= b; c += Math.max(1, Math.floor((b - a) / 4))) CODE_POINTS.push(c);

const CONFIGS: Record<string, unknown>[] = [
  { type: 'Whitespace' },
  { type: 'WhitespaceSplit' },
  { type: 'BertPreTokenizer' },
  { type: 'Punctuation', behavior: 'Isolated' },
  { type: 'Digits', individual_digits: true },
  { type: 'UnicodeScripts' },
  { type: 'Metaspace', replacement: '\u2581', prepend_scheme: 'always', split: true },
];

for (const config of CONFIGS) {
  test(`${String(config['type'])} equals the native binding on newly assigned code points`, () => {
    for (const cp of CODE_POINTS) {
      const c = String.fromCodePoint(cp);
      const s = `ab${c}cd ${c}! 1${c}`;
      assert.deepEqual(ourPreTokenize(config, s), hfPreTokenize(config, s), `U+${cp.toString(16).toUpperCase()}`);
    }
  });
}
