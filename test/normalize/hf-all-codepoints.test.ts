/**
 * Exhaustive single-char check: every code point of planes 0–1 (and the CJK extension planes'
 * first 4k chars), each followed by a separator, through every char-level normalizer — our text
 * must equal HF's char for char. This is what the generated Unicode gap tables are for.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hfNormalize, ourNormalize } from './hf-helpers.js';

const SEP = '\ua66e';
const cps: number[] = [];
for (let cp = 0; cp < 0x20000 + 0x1000; cp++) if ((cp < 0xd800 || cp > 0xdfff) && cp !== 0xa66e) cps.push(cp);
const text = cps.map((c) => String.fromCodePoint(c) + SEP).join('');

const CONFIGS: Record<string, unknown>[] = [
  { type: 'NFC' },
  { type: 'NFD' },
  { type: 'NFKC' },
  { type: 'NFKD' },
  { type: 'Lowercase' },
  { type: 'StripAccents' },
  { type: 'Nmt' },
  { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
  { type: 'BertNormalizer', clean_text: false, handle_chinese_chars: false, strip_accents: true, lowercase: false },
];

for (const config of CONFIGS) {
  test(`every code point of planes 0-1: ${JSON.stringify(config)}`, () => {
    const hf = hfNormalize(config, text).split(SEP);
    const ours = ourNormalize(config, text).normalized.split(SEP);
    assert.equal(ours.length, hf.length);
    const bad: string[] = [];
    for (let i = 0; i < cps.length; i++) if (ours[i] !== hf[i] && bad.length < 10) bad.push(`U+${cps[i]!.toString(16)}: ${JSON.stringify(ours[i])} vs HF ${JSON.stringify(hf[i])}`);
    assert.deepEqual(bad, []);
  });
}
