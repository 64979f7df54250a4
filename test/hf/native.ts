/**
 * Test helpers around the reference: the native HF binding (npm `tokenizers`). Converts its
 * encodings to tokenlab's shape (code-point offsets -> UTF-16 units) and compares field by field,
 * classifying a mismatch as "ids differ" (and whether the decoded text differs too) or as a
 * difference in another field.
 */
import { createRequire } from 'node:module';
import type { Encoding } from '../../src/core/stages.js';
import type { Tokenizer } from '../../src/pipeline/index.js';

const require = createRequire(import.meta.url);

export interface NativeEncoding {
  getIds(): number[]; getTokens(): string[]; getOffsets(): number[][]; getTypeIds(): number[];
  getSpecialTokensMask(): number[]; getAttentionMask(): number[]; getWordIds(): (number | null | undefined)[];
  getSequenceIds(): (number | null | undefined)[]; getOverflowing(): NativeEncoding[];
}
export interface NativeTokenizer {
  encode(s: string, pair?: string | null, o?: { addSpecialTokens?: boolean }): Promise<NativeEncoding>;
  encodeBatch(inputs: (string | [string, string])[], o?: { addSpecialTokens?: boolean }): Promise<NativeEncoding[]>;
  decode(ids: number[], skip: boolean): Promise<string>;
}
export interface NativeModule {
  Tokenizer: { fromFile(p: string): NativeTokenizer; fromString(s: string): NativeTokenizer; new (m: unknown): NativeTokenizer & Record<string, (...a: unknown[]) => unknown> };
  [k: string]: unknown;
}

export const native: NativeModule = require('tokenizers');

/** UTF-16 index of each code point of `s` (plus one past the end). */
function cpToUnit(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length;) {
    out.push(i);
    const c = s.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
  }
  out.push(s.length);
  return out;
}

/** The native encoding in tokenlab's shape; `texts[seq]` is the text each sequence id refers to. */
export function fromNative(e: NativeEncoding, texts: string[]): Encoding {
  const maps = texts.map(cpToUnit);
  const seq = e.getSequenceIds().map((x) => (x === undefined ? null : x));
  return {
    ids: e.getIds(), tokens: e.getTokens(),
    offsets: e.getOffsets().map(([a, b], i): [number, number] => {
      const m = maps[seq[i] ?? 0] ?? maps[0]!;
      return [m[a!] ?? a!, m[b!] ?? b!];
    }),
    typeIds: e.getTypeIds(), specialTokensMask: e.getSpecialTokensMask(), attentionMask: e.getAttentionMask(),
    sequenceIds: seq, wordIds: e.getWordIds().map((x) => (x === undefined ? null : x)),
    overflowing: e.getOverflowing().map((o) => fromNative(o, texts)),
  };
}

const FIELDS = ['ids', 'tokens', 'offsets', 'specialTokensMask', 'typeIds', 'attentionMask', 'wordIds', 'sequenceIds'] as const;

/**
 * The first field that differs, or null; overflowing parts are compared too. In the overflowing
 * parts of a PAIR, sequence ids do not say which text a token came from (HF keeps no sequence
 * ranges there), so the reference's code-point offsets cannot be converted: offsets are skipped.
 */
export function firstDifference(a: Encoding, b: Encoding, isPair = false, skipOffsets = false): string | null {
  for (const f of FIELDS) {
    if (f === 'offsets' && skipOffsets) continue;
    if (JSON.stringify(a[f]) !== JSON.stringify(b[f])) return f;
  }
  if (a.overflowing.length !== b.overflowing.length) return 'overflowing.length';
  for (let i = 0; i < a.overflowing.length; i++) {
    const d = firstDifference(a.overflowing[i]!, b.overflowing[i]!, isPair, isPair);
    if (d !== null) return `overflowing[${i}].${d}`;
  }
  return null;
}

export interface Mismatch { input: string; kind: string; detail: string }

/** Encodes and decodes `text` (optionally a pair) with both; returns the mismatches found. */
export async function compareOne(
  ours: Tokenizer, theirs: NativeTokenizer, text: string, opts: { pair?: string; addSpecialTokens?: boolean } = {},
): Promise<Mismatch[]> {
  const add = opts.addSpecialTokens ?? true;
  const out: Mismatch[] = [];
  const texts = opts.pair === undefined ? [text] : [text, opts.pair];
  const mine = ours.encode(text, { addSpecialTokens: add, ...(opts.pair !== undefined ? { pair: opts.pair } : {}) });
  const ref = fromNative(await theirs.encode(text, opts.pair ?? null, { addSpecialTokens: add }), texts);
  const diff = firstDifference(mine, ref, opts.pair !== undefined);
  if (diff === 'ids') {
    const d1 = ours.decode(mine.ids);
    const d2 = await theirs.decode(ref.ids, false);
    const kind = d1 === d2 ? 'ids differ' : 'ids differ; decoded text differs too';
    out.push({ input: text, kind, detail: `ours ${JSON.stringify(mine.tokens.slice(0, 30))} ref ${JSON.stringify(ref.tokens.slice(0, 30))}` });
  } else if (diff !== null) {
    const pick = (e: Encoding): unknown => (diff.startsWith('overflowing') ? e.overflowing.map((o) => o.ids) : (e as unknown as Record<string, unknown>)[diff]);
    out.push({ input: text, kind: `${diff} differ`, detail: `ours ${JSON.stringify(pick(mine)).slice(0, 400)} ref ${JSON.stringify(pick(ref)).slice(0, 400)}` });
  }
  for (const skip of [false, true]) {
    const d1 = ours.decode(ref.ids, { skipSpecialTokens: skip });
    const d2 = await theirs.decode(ref.ids, skip);
    if (d1 !== d2) out.push({ input: text, kind: `decode(skipSpecialTokens=${skip}) differs`, detail: `ours ${JSON.stringify(d1)} ref ${JSON.stringify(d2)}` });
  }
  return out;
}

export function summarize(mismatches: Mismatch[], max = 5): string {
  const counts = new Map<string, number>();
  for (const m of mismatches) counts.set(m.kind, (counts.get(m.kind) ?? 0) + 1);
  const head = [...counts].map(([k, n]) => `${n} × ${k}`).join(', ');
  const examples = mismatches.slice(0, max).map((m) => `  [${m.kind}] input ${JSON.stringify(m.input.slice(0, 120))}\n    ${m.detail}`);
  return `${head}\n${examples.join('\n')}`;
}
