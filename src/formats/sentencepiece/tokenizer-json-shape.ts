/**
 * The slice of the Hugging Face tokenizer.json shape that the SentencePiece converter writes.
 * Plain data, field names exactly as tokenizer.json spells them (snake_case), so `JSON.stringify`
 * of a value of this type is a loadable tokenizer.json (tokenizers >= 0.19: `prepend_scheme`, merges
 * as `[left, right]` pairs).
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Component = { type: string; [key: string]: Json };

export interface AddedTokenJSON {
  [key: string]: Json;
  id: number;
  content: string;
  single_word: boolean;
  lstrip: boolean;
  rstrip: boolean;
  normalized: boolean;
  special: boolean;
}

export interface UnigramModelJSON {
  [key: string]: Json;
  type: 'Unigram';
  unk_id: number | null;
  vocab: [string, number][];
  byte_fallback: boolean;
}

export interface BpeModelJSON {
  [key: string]: Json;
  type: 'BPE';
  dropout: null;
  unk_token: string | null;
  continuing_subword_prefix: null;
  end_of_word_suffix: null;
  fuse_unk: boolean;
  byte_fallback: boolean;
  ignore_merges: boolean;
  vocab: { [piece: string]: number };
  merges: [string, string][];
}

export interface TokenizerJSON {
  [key: string]: Json;
  version: '1.0';
  truncation: null;
  padding: null;
  added_tokens: AddedTokenJSON[];
  normalizer: Component | null;
  pre_tokenizer: Component | null;
  post_processor: Component | null;
  decoder: Component | null;
  model: UnigramModelJSON | BpeModelJSON;
}
