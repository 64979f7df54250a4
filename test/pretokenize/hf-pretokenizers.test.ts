/**
 * Differential tests: every pre-tokenizer against the native HF binding (npm `tokenizers`):
 * pieces and their original offsets, on table cases and fast-check random strings; plus
 * normalizer + pre-tokenizer pipelines compared through HF's encode offsets.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { NormalizedString } from '../../src/core/normalized-string.js';
import { PreTokenizedString } from '../../src/core/pre-tokenized-string.js';
import { normalizerFromJSON } from '../../src/normalize/index.js';
import { preTokenizerFromJSON } from '../../src/pretokenize/index.js';
import { cpToUnit, hfPreTokenize, hfTokenizer, ourPreTokenize, textArbKnown } from '../normalize/hf-helpers.js';

const GPT2 = "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+";
const LLAMA3 = "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
const O200K =
  "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]*[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?|[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]+[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n/]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
const CL100K_POSSESSIVE = "'(?i:[sdmt]|ll|ve|re)|[^\\r\\n\\p{L}\\p{N}]?+\\p{L}++|\\p{N}{1,3}+| ?[^\\s\\p{L}\\p{N}]++[\\r\\n]*+|\\s++$|\\s*[\\r\\n]|\\s+(?!\\S)|\\s";
const DEEPSEEK = "[!\"#$%&'()*+,\\-./:;<=>?@\\[\\\\\\]^_`{|}~][A-Za-z]+|[^\r\n\\p{L}\\p{P}\\p{S}]?[\\p{L}\\p{M}]+| ?[\\p{P}\\p{S}]+[\r\n]*|\\s*[\r\n]+|\\s+(?!\\S)|\\s+";
const SUPERBPE = '(?=(\\d{3})+(?!\\d))| ?\\p{L}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+';

const BEHAVIORS = ['Removed', 'Isolated', 'MergedWithPrevious', 'MergedWithNext', 'Contiguous'];

const CONFIGS: Record<string, unknown>[] = [
  { type: 'ByteLevel', add_prefix_space: true, trim_offsets: true, use_regex: true },
  { type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: true },
  { type: 'ByteLevel', add_prefix_space: true, trim_offsets: false, use_regex: false },
  { type: 'ByteLevel', add_prefix_space: false, trim_offsets: false, use_regex: false },
  ...[GPT2, LLAMA3, O200K, CL100K_POSSESSIVE, DEEPSEEK, SUPERBPE, '[一-龥぀-ゟ゠-ヿ]+', '\\p{N}{1,3}'].map((r) => ({
    type: 'Split',
    pattern: { Regex: r },
    behavior: 'Isolated',
    invert: false,
  })),
  ...BEHAVIORS.flatMap((b) =>
    [{ Regex: '\\s+' }, { Regex: 'a*' }, { Regex: '' }, { String: ' ' }, { String: "'s" }].flatMap((p) => [
      { type: 'Split', pattern: p, behavior: b, invert: false },
      { type: 'Split', pattern: p, behavior: b, invert: true },
    ]),
  ),
  { type: 'Whitespace' },
  { type: 'WhitespaceSplit' },
  { type: 'Metaspace', replacement: '\u2581', prepend_scheme: 'always', split: true },
  { type: 'Metaspace', replacement: '\u2581', prepend_scheme: 'first', split: true },
  { type: 'Metaspace', replacement: '\u2581', prepend_scheme: 'never', split: true },
  { type: 'Metaspace', replacement: '_', prepend_scheme: 'always', split: false },
  ...BEHAVIORS.map((b) => ({ type: 'Punctuation', behavior: b })),
  { type: 'Digits', individual_digits: true },
  { type: 'Digits', individual_digits: false },
  { type: 'BertPreTokenizer' },
  { type: 'UnicodeScripts' },
  { type: 'CharDelimiterSplit', delimiter: ' ' },
  { type: 'CharDelimiterSplit', delimiter: '😀' },
  { type: 'FixedLength', length: 1 },
  { type: 'FixedLength', length: 3 },
  {
    type: 'Sequence',
    pretokenizers: [
      { type: 'Digits', individual_digits: false },
      { type: 'Split', pattern: { Regex: SUPERBPE }, behavior: 'Isolated', invert: false },
      { type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: false },
    ],
  },
  {
    type: 'Sequence',
    pretokenizers: [{ type: 'WhitespaceSplit' }, { type: 'Metaspace', replacement: '\u2581', prepend_scheme: 'first', split: true }],
  },
  { type: 'Sequence', pretokenizers: [{ type: 'Split', pattern: { String: ' ' }, behavior: 'MergedWithPrevious', invert: false }, { type: 'ByteLevel', add_prefix_space: true, trim_offsets: true, use_regex: true }] },
];

const TABLE = [
  '',
  ' ',
  'Hello world',
  "  Hello  world's   THEY'LL  it’s 42\n\n\tend  ",
  'a a aa aab baaa',
  '1234567 12 3 1000000 ٣٤٥',
  '日本語のテキスト、中文。 한국어 ｱｲｳ カタカナー',
  'Привет, мир! Γειά σου κόσμε. مرحبا بالعالم',
  '😀👍🏽 👨‍👩‍👧 🇯🇵x😀y',
  '\r\n\r\n  \u00a0\u3000\u2028\u0085x\ufeff',
  'e\u0301 a\u0323\u0307 क्षि ก\u0e33',
  'camelCaseWord HTTPServer getHTTPResponse',
  '▁already ▁meta▁space',
  '(a.b,c;d)!? «quote» — dash…',
];

function check(config: Record<string, unknown>, s: string): void {
  assert.deepEqual(ourPreTokenize(config, s), hfPreTokenize(config, s), `pre-tokens of ${JSON.stringify(s)}`);
}

for (const config of CONFIGS) {
  describe(`pre-tokenizer ${JSON.stringify(config)}`, () => {
    test('table cases equal HF (pieces and offsets)', () => {
      for (const s of TABLE) check(config, s);
    });
    test('random strings equal HF (pieces and offsets)', () => {
      fc.assert(
        fc.property(textArbKnown, (s) => check(config, s)),
        { numRuns: 40 },
      );
    });
  });
}

/** HF's original-input offsets of each pre-token after normalizer + pre-tokenizer (via encode). */
async function hfPipelineOffsets(norm: Record<string, unknown>, pre: Record<string, unknown>, s: string): Promise<[number, number][]> {
  const enc = await hfTokenizer(norm, pre).encode(s);
  const t = cpToUnit(s);
  return (enc.getOffsets() as [number, number][]).map(([a, b]) => [t[a]!, t[b]!]);
}

function ourPipelineOffsets(norm: Record<string, unknown>, pre: Record<string, unknown>, s: string): [number, number][] {
  const ns = new NormalizedString(s);
  normalizerFromJSON(norm).normalize(ns);
  const pts = new PreTokenizedString(ns);
  preTokenizerFromJSON(pre).preTokenize(pts);
  return pts.splits.map((sp) => sp.text.toOriginal(0, sp.text.length));
}

const PIPELINES: [Record<string, unknown>, Record<string, unknown>][] = [
  [{ type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true }, { type: 'BertPreTokenizer' }],
  [{ type: 'NFKC' }, { type: 'Metaspace', replacement: '\u2581', prepend_scheme: 'always', split: true }],
  [{ type: 'NFC' }, { type: 'Sequence', pretokenizers: [{ type: 'Split', pattern: { Regex: LLAMA3 }, behavior: 'Isolated', invert: false }, { type: 'ByteLevel', add_prefix_space: false, trim_offsets: false, use_regex: false }] }],
  [{ type: 'Sequence', normalizers: [{ type: 'Prepend', prepend: '\u2581' }, { type: 'Replace', pattern: { String: ' ' }, content: '\u2581' }] }, { type: 'Split', pattern: { String: '\u2581' }, behavior: 'MergedWithNext', invert: false }],
  [{ type: 'Sequence', normalizers: [{ type: 'NFD' }, { type: 'StripAccents' }, { type: 'Lowercase' }] }, { type: 'Whitespace' }],
];

describe('normalizer + pre-tokenizer pipelines: pre-token offsets equal HF encode offsets', () => {
  for (const [norm, pre] of PIPELINES) {
    test(`${norm['type']} + ${pre['type']}`, async () => {
      for (const s of TABLE) assert.deepEqual(ourPipelineOffsets(norm, pre, s), await hfPipelineOffsets(norm, pre, s), JSON.stringify(s));
      await fc.assert(
        fc.asyncProperty(textArbKnown, async (s) => {
          assert.deepEqual(ourPipelineOffsets(norm, pre, s), await hfPipelineOffsets(norm, pre, s));
        }),
        { numRuns: 40 },
      );
    });
  }
});
