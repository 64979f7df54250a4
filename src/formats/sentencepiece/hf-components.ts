/**
 * Constructors for the tokenizer.json component objects the SentencePiece converter emits, each
 * spelled exactly as Hugging Face tokenizers serializes it (so the output loads in `tokenizers` and
 * diffs cleanly against a transformers-converted tokenizer.json). Plain data, no behaviour.
 */
import type { Component, Json } from './tokenizer-json-shape.js';

/** U+2581 LOWER ONE EIGHTH BLOCK, SentencePiece's visible space. */
export const SPIECE_UNDERLINE = '\u2581';

export type PrependScheme = 'always' | 'first' | 'never';

// Normalizers

/** The compiled SentencePiece normalization table, stored base64 as tokenizers does. */
export const precompiled = (charsmap: Uint8Array): Component => ({
  type: 'Precompiled',
  precompiled_charsmap: Buffer.from(charsmap.buffer, charsmap.byteOffset, charsmap.byteLength).toString('base64'),
});

export const stripNormalizer = (left: boolean, right: boolean): Component => ({ type: 'Strip', strip_left: left, strip_right: right });

export const replaceRegex = (regex: string, content: string): Component => ({ type: 'Replace', pattern: { Regex: regex }, content });

export const replaceString = (literal: string, content: string): Component => ({ type: 'Replace', pattern: { String: literal }, content });

export const prepend = (text: string): Component => ({ type: 'Prepend', prepend: text });

export const normalizerSequence = (normalizers: Component[]): Component => ({ type: 'Sequence', normalizers });

// Pre-tokenizer and decoder (Metaspace serializes the same way in both places)

export const metaspace = (prependScheme: PrependScheme, split: boolean): Component => ({
  type: 'Metaspace',
  replacement: SPIECE_UNDERLINE,
  prepend_scheme: prependScheme,
  split,
});

// Decoders

export const byteFallbackDecoder = (): Component => ({ type: 'ByteFallback' });

export const fuseDecoder = (): Component => ({ type: 'Fuse' });

export const stripDecoder = (content: string, start: number, stop: number): Component => ({ type: 'Strip', content, start, stop });

export const decoderSequence = (decoders: Component[]): Component => ({ type: 'Sequence', decoders });

/** `obj[key] = value` that also works for the key `__proto__` (which plain assignment would swallow). */
export function setOwn<T>(obj: { [key: string]: T }, key: string, value: T): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

// Post-processor

/** TemplateProcessing adding `bos`/`eos` around each sequence, as LlamaTokenizerFast.update_post_processor builds it. */
export function templateProcessing(bos: { token: string; id: number } | null, eos: { token: string; id: number } | null): Component {
  const piece = (kind: 'SpecialToken' | 'Sequence', id: string, typeId: number): Json => ({ [kind]: { id, type_id: typeId } });
  const seq = (name: 'A' | 'B', typeId: number): Json[] => [
    ...(bos ? [piece('SpecialToken', bos.token, typeId)] : []),
    piece('Sequence', name, typeId),
    ...(eos ? [piece('SpecialToken', eos.token, typeId)] : []),
  ];
  const special: { [token: string]: Json } = {};
  for (const t of [bos, eos]) if (t) setOwn(special, t.token, { id: t.token, ids: [t.id], tokens: [t.token] });
  return { type: 'TemplateProcessing', single: seq('A', 0), pair: [...seq('A', 0), ...seq('B', 1)], special_tokens: special };
}
