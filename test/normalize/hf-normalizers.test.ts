/**
 * Differential tests: every normalizer against the native HF binding (npm `tokenizers`), comparing
 * the normalized text AND the alignment of every normalized char back to the original input,
 * on table cases and on fast-check random strings.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { hfAlignments, hfNormalize, ourAlignments, ourNormalize, textArb } from './hf-helpers.js';

const CONFIGS: Record<string, unknown>[] = [
  { type: 'NFC' },
  { type: 'NFD' },
  { type: 'NFKC' },
  { type: 'NFKD' },
  { type: 'Lowercase' },
  { type: 'Strip', strip_left: true, strip_right: true },
  { type: 'Strip', strip_left: false, strip_right: true },
  { type: 'Strip', strip_left: true, strip_right: false },
  { type: 'StripAccents' },
  { type: 'Replace', pattern: { String: ' ' }, content: '\u2581' },
  { type: 'Replace', pattern: { String: "'s" }, content: '' },
  { type: 'Replace', pattern: { String: '.' }, content: '<dot>' },
  { type: 'Replace', pattern: { Regex: '\\s+' }, content: '_' },
  { type: 'Replace', pattern: { Regex: 'a*' }, content: '-' },
  { type: 'Replace', pattern: { Regex: '\\p{M}+' }, content: '' },
  { type: 'Prepend', prepend: '\u2581' },
  { type: 'Prepend', prepend: '<😀>' },
  { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
  { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: false },
  { type: 'BertNormalizer', clean_text: false, handle_chinese_chars: false, strip_accents: true, lowercase: false },
  { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: false, strip_accents: false, lowercase: true },
  { type: 'ByteLevel' },
  { type: 'Nmt' },
  { type: 'Sequence', normalizers: [{ type: 'Nmt' }, { type: 'NFKC' }] },
  { type: 'Sequence', normalizers: [{ type: 'NFD' }, { type: 'StripAccents' }, { type: 'Lowercase' }] },
  { type: 'Sequence', normalizers: [{ type: 'Prepend', prepend: '\u2581' }, { type: 'Replace', pattern: { String: ' ' }, content: '\u2581' }] },
  { type: 'Sequence', normalizers: [{ type: 'NFKC' }, { type: 'Strip', strip_left: true, strip_right: true }, { type: 'Replace', pattern: { Regex: ' {2,}' }, content: ' ' }] },
];

const TABLE = [
  '',
  'Hello World',
  '  padded\t\n',
  'e\u0301le\u0300ve ÉLÈVE',
  'Å\u212b\u212aﬁ①²½Ⅻ',
  'a\u0323\u0307 \u1e9b\u0323 ΐ\u0344 \u1e9b\u0323\u0307 a\u0307\u0323\u0307\u0323',
  '한국어 \u1100\u1161\u11a8 ｱﾞ',
  'İstanbul ΣΑΣ ς ß Ǆǅ',
  '日本語のテキスト、中文。',
  '😀👍🏽 👨‍👩‍👧 🇯🇵',
  '\u0000\u0007x\u007f\ufffd\u00ad\u200b\ufeff\u0085\u2028\u3000\u00a0end',
  "it's 'LL aaa a ba",
  '\u0f73\u0f75 क्षि ก\u0e33',
];

async function check(config: Record<string, unknown>, s: string): Promise<void> {
  const ns = ourNormalize(config, s);
  assert.equal(ns.normalized, hfNormalize(config, s), `normalized text for ${JSON.stringify(s)}`);
  assert.deepEqual(ourAlignments(ns), await hfAlignments(config, s), `alignments for ${JSON.stringify(s)}`);
}

for (const config of CONFIGS) {
  describe(`normalizer ${JSON.stringify(config)}`, () => {
    test('table cases equal HF (text and alignments)', async () => {
      for (const s of TABLE) await check(config, s);
    });
    test('random strings equal HF (text and alignments)', async () => {
      await fc.assert(
        fc.asyncProperty(textArb, async (s) => {
          await check(config, s);
        }),
        { numRuns: 60 },
      );
    });
  });
}
