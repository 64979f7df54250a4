/**
 * Writes a trained BPE model as a complete Hugging Face tokenizer.json, and the pre-tokenizer presets
 * byte-level training offers:
 * - `gpt2`:   ByteLevel(add_prefix_space=false, use_regex=true) — GPT-2's regex inside ByteLevel;
 * - `llama3`: Sequence[Split(Llama-3 regex, Isolated), ByteLevel(use_regex=false)] — digits in 1–3
 *             groups, case-insensitive contractions (the pattern is Llama-3's tokenizer.json string).
 * Both use the ByteLevel decoder and post-processor (trim_offsets=false), as GPT-2/Llama-3 ship.
 * The same `normalizer`/`pre_tokenizer` objects are used for counting, so training and inference agree.
 */
import type { BpeModelData } from './bpe-trainer.js';
import { BYTE_TO_CHAR } from '../../pretokenize/byte-level-alphabet.js';

export type ByteLevelPreset = 'gpt2' | 'llama3';

export const LLAMA3_PATTERN =
  "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";

export function byteLevelPreTokenizerJSON(preset: ByteLevelPreset): Record<string, unknown> {
  if (preset === 'gpt2') return { type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: true };
  return {
    type: 'Sequence',
    pretokenizers: [
      { type: 'Split', pattern: { Regex: LLAMA3_PATTERN }, behavior: 'Isolated', invert: false },
      { type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: false },
    ],
  };
}

/** The 256 byte-level chars: the initial alphabet that makes every input encodable. */
export function byteLevelAlphabet(): string[] {
  return [...BYTE_TO_CHAR];
}

export function bpeModelJSON(m: BpeModelData): Record<string, unknown> {
  const vocab: Record<string, number> = {};
  m.tokens.forEach((t, i) => {
    vocab[t] = i;
  });
  return {
    type: 'BPE',
    dropout: null,
    unk_token: null,
    continuing_subword_prefix: m.continuingSubwordPrefix ?? null,
    end_of_word_suffix: m.endOfWordSuffix ?? null,
    fuse_unk: false,
    byte_fallback: false,
    ignore_merges: false,
    vocab,
    merges: m.merges.map(([a, b]) => [a, b]),
  };
}

export interface TokenizerJsonParts {
  normalizer?: unknown;
  preTokenizer: unknown;
  /** Byte-level decoder + post-processor (default true). */
  byteLevel?: boolean;
}

export function bpeTokenizerJSON(m: BpeModelData, parts: TokenizerJsonParts): Record<string, unknown> {
  const byteLevel = parts.byteLevel ?? true;
  const ids = new Map(m.tokens.map((t, i) => [t, i]));
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: m.specialTokens.map((content) => ({
      id: ids.get(content)!,
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: parts.normalizer ?? null,
    pre_tokenizer: parts.preTokenizer ?? null,
    post_processor: byteLevel ? { type: 'ByteLevel', add_prefix_space: true, trim_offsets: false, use_regex: true } : null,
    decoder: byteLevel ? { type: 'ByteLevel', add_prefix_space: true, trim_offsets: true, use_regex: true } : null,
    model: bpeModelJSON(m),
  };
}
