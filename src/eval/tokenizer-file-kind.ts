/**
 * Which kind of tokenizer file a parsed JSON document is, from its content rather than its name:
 * tokenlab's research variants write their own vocabulary JSON with a top-level `type`
 * (`"LiB"`: lib-tokenizer.ts, `"MorphHybrid"`: morph-hybrid-tokenizer.ts), while a Hugging Face
 * tokenizer.json has a `model` object and no top-level `type`.
 */
import { TokenlabError } from '../core/errors.js';

export type TokenizerFileKind = 'tokenizer.json' | 'lib' | 'morph-hybrid';

const VARIANT_TYPES: Record<string, TokenizerFileKind> = { LiB: 'lib', MorphHybrid: 'morph-hybrid' };

const EXPECTED = 'expected a Hugging Face tokenizer.json (an object with "model"), a LiB vocabulary ("type": "LiB") '
  + 'or a morph-hybrid vocabulary ("type": "MorphHybrid") from tokenlab train-variant';

export function tokenizerFileKind(json: unknown, file: string): TokenizerFileKind {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    const what = json === null ? 'null' : Array.isArray(json) ? 'an array' : `a ${typeof json}`;
    throw new TokenlabError(`not a tokenizer file: the JSON is ${what}; ${EXPECTED}`, { file });
  }
  const doc = json as Record<string, unknown>;
  if (typeof doc.type === 'string') {
    const kind = VARIANT_TYPES[doc.type];
    if (kind !== undefined) return kind;
    throw new TokenlabError(`not a tokenizer file: unknown "type": ${JSON.stringify(doc.type)}; ${EXPECTED}`, { file, path: 'type' });
  }
  if (typeof doc.model === 'object' && doc.model !== null) return 'tokenizer.json';
  throw new TokenlabError(`not a tokenizer file: no "model" and no "type" field; ${EXPECTED}`, { file });
}
