/**
 * An added token of tokenizer.json's `added_tokens` (HF `AddedToken`): its content and matching
 * flags. `special` tokens are skipped by `decode(…, {skipSpecialTokens})`; `normalized` tokens are
 * matched against the normalized text, the others against the raw input; `single_word` only
 * matches between non-word characters; `lstrip`/`rstrip` swallow adjacent whitespace.
 */
import { asBool, asObject, asString, asUint, reqField, type JsonObject } from '../formats/hf-json/json-read.js';

export interface AddedToken {
  content: string;
  singleWord: boolean;
  lstrip: boolean;
  rstrip: boolean;
  normalized: boolean;
  special: boolean;
}

/** HF `AddedToken::from(content, special)`: special tokens are not normalized by default. */
export function addedToken(content: string, special = false, flags: Partial<AddedToken> = {}): AddedToken {
  return { content, singleWord: false, lstrip: false, rstrip: false, normalized: !special, special, ...flags };
}

export function sameAddedToken(a: AddedToken, b: AddedToken): boolean {
  return a.content === b.content && a.singleWord === b.singleWord && a.lstrip === b.lstrip && a.rstrip === b.rstrip
    && a.normalized === b.normalized && a.special === b.special;
}

/**
 * One entry of `added_tokens`. Every field is required, as in HF (which rejects e.g. a missing
 * `single_word`); the id in the file is advisory: HF re-derives ids on load.
 */
export function addedTokenFromJSON(v: unknown, path: string): { id: number; token: AddedToken } {
  const o = asObject(v, path);
  return {
    id: reqField(o, 'id', path, asUint),
    token: {
      content: reqField(o, 'content', path, asString),
      singleWord: reqField(o, 'single_word', path, asBool),
      lstrip: reqField(o, 'lstrip', path, asBool),
      rstrip: reqField(o, 'rstrip', path, asBool),
      normalized: reqField(o, 'normalized', path, asBool),
      special: reqField(o, 'special', path, asBool),
    },
  };
}

export function addedTokenToJSON(id: number, t: AddedToken): JsonObject {
  return { id, content: t.content, single_word: t.singleWord, lstrip: t.lstrip, rstrip: t.rstrip, normalized: t.normalized, special: t.special };
}
