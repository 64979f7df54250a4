/**
 * Test helpers: the native HF binding (npm `tokenizers`) as reference, driven through
 * tokenizer.json objects so every component (and its JSON shape) is exercised exactly as HF loads
 * it; offset conversion (HF reports code-point offsets, tokenlab UTF-16 units); and a fast-check
 * arbitrary of adversarial strings.
 */
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { NormalizedString } from '../../src/core/normalized-string.js';
import { PreTokenizedString } from '../../src/core/pre-tokenized-string.js';
import { normalizerFromJSON } from '../../src/normalize/index.js';
import { preTokenizerFromJSON } from '../../src/pretokenize/index.js';
import { onigUnassigned } from '../../src/normalize/hf-unicode.js';

const require = createRequire(import.meta.url);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const hf: any = require('tokenizers');

type Json = Record<string, unknown> | null;

const tokenizerCache = new Map<string, unknown>();

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function hfTokenizer(normalizer: Json, preTokenizer: Json): any {
  const key = JSON.stringify([normalizer, preTokenizer]);
  let tk = tokenizerCache.get(key);
  if (tk === undefined) {
    tk = buildTokenizer(normalizer, preTokenizer);
    tokenizerCache.set(key, tk);
  }
  return tk;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function buildTokenizer(normalizer: Json, preTokenizer: Json): any {
  return hf.Tokenizer.fromString(
    JSON.stringify({
      version: '1.0',
      truncation: null,
      padding: null,
      added_tokens: [],
      normalizer,
      pre_tokenizer: preTokenizer,
      post_processor: null,
      decoder: null,
      model: { type: 'WordLevel', vocab: { a: 0 }, unk_token: 'a' },
    }),
  );
}

/** HF's normalized text. */
export function hfNormalize(normalizer: Json, s: string): string {
  return hfTokenizer(normalizer, null).getNormalizer().normalizeString(s);
}

/** Code-point index -> UTF-16 index table for `s` (length = code points + 1). */
export function cpToUnit(s: string): number[] {
  const t: number[] = [];
  let u = 0;
  for (const c of s) {
    t.push(u);
    u += c.length;
  }
  t.push(u);
  return t;
}

/** HF's pre-tokens of `s` with offsets converted to UTF-16 units. */
export function hfPreTokenize(preTokenizer: Json, s: string): [string, [number, number]][] {
  const tk = hfTokenizer(null, preTokenizer);
  const t = cpToUnit(s);
  return (tk.getPreTokenizer().preTokenizeString(s) as [string, [number, number]][]).map(([p, [a, b]]) => [p, [t[a]!, t[b]!]]);
}

export function ourPreTokenize(preTokenizer: Json, s: string): [string, [number, number]][] {
  const pts = new PreTokenizedString(s);
  preTokenizerFromJSON(preTokenizer).preTokenize(pts);
  return pts.getSplits();
}

/**
 * HF's alignment of each normalized char: encodes with the normalizer and a FixedLength(1)
 * pre-tokenizer, so every normalized char is one token whose offsets HF maps to the original.
 * Returns UTF-16 offsets into `s`.
 */
export async function hfAlignments(normalizer: Json, s: string): Promise<[number, number][]> {
  const tk = hfTokenizer(normalizer, { type: 'FixedLength', length: 1 });
  const enc = await tk.encode(s);
  const t = cpToUnit(s);
  return (enc.getOffsets() as [number, number][]).map(([a, b]) => [t[a]!, t[b]!]);
}

const ourCache = new Map<string, ReturnType<typeof normalizerFromJSON>>();

export function ourNormalize(normalizer: Json, s: string): NormalizedString {
  const ns = new NormalizedString(s);
  const key = JSON.stringify(normalizer);
  let n = ourCache.get(key);
  if (n === undefined) {
    n = normalizerFromJSON(normalizer);
    ourCache.set(key, n);
  }
  n.normalize(ns);
  return ns;
}

/** Our alignment of each normalized char (UTF-16 offsets into the input). */
export function ourAlignments(ns: NormalizedString): [number, number][] {
  const out: [number, number][] = [];
  const s = ns.normalized;
  for (let i = 0; i < s.length; ) {
    const n = s.codePointAt(i)! > 0xffff ? 2 : 1;
    out.push(ns.toOriginal(i, i + n));
    i += n;
  }
  return out;
}

const POOL = [
  'a', 'Z', 'q', ' ', ' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u3000', '\u2028', '\u0085', '\ufeff', '\u200b', '\u180e',
  'é', 'e\u0301', '\u0301', '\u0327', '\u0345', '\u0323\u0307', '\u1e9b\u0323', 'Å', '\u212b', '\u212a', 'ﬁ', '①', '²', 'ß', 'İ', 'Σ', 'ς',
  'ǅ', 'ΐ', '\u0344', 'ῼ', 'ñ', 'Ω', '日', '本', '語', 'ア', 'ー', 'ｱ', 'ﾞ', '한', '가', '\u1100\u1161\u11a8', '😀', '👍🏽', '👨‍👩‍👧', '🇯🇵',
  '\u0000', '\u0007', '\u007f', '\ufffd', '𐀀', '𠀀', '1', '23', '٣', '.', ',', '!', "'", "'s", "'LL", '"', '-', '_', '’', '\u0f73', '\u0f75',
  'Ǆ', 'ก', '\u0e33', 'क्ष', 'ि', 'Ⅻ', '½', '\u00ad', '\u2581', '▁', '\u0600', '\u200d',
];

/** A random char: from the pool, or any assigned-or-not code point except surrogates. */
const charArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...POOL) },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 0, max: 0x10ffff })
      .filter((cp) => cp < 0xd800 || cp > 0xdfff)
      .map((cp) => String.fromCodePoint(cp)),
  },
  { weight: 1, arbitrary: fc.integer({ min: 0x20, max: 0x2ff }).map((cp) => String.fromCodePoint(cp)) },
);

/** Adversarial strings: astral chars, combining marks, CJK, whitespace kinds, controls, accents, emoji. */
export const textArb = fc.array(charArb, { maxLength: 24 }).map((a) => a.join(''));

/**
 * Like textArb but without chars HF's Oniguruma does not know (assigned in newer Unicode than
 * its tables): regex classes and script lookups legitimately differ there (see hf-unicode.ts).
 */
export const textArbKnown = textArb.map((s) => [...s].filter((c) => !onigUnassigned(c.codePointAt(0)!)).join(''));
