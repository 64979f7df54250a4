/**
 * Writes a pipeline back to tokenizer.json, in HF's key order and canonical forms (merges as pairs,
 * vocab ordered by id, added tokens ordered by id), so the native binding loads it and
 * `fromJSON(toJSON(t))` reproduces `t`.
 */
import type { Tokenizer } from '../../pipeline/tokenizer.js';
import { addedTokenToJSON } from '../../pipeline/added-token.js';
import { truncationToJSON } from '../../pipeline/truncation.js';
import { paddingToJSON } from '../../pipeline/padding.js';
import type { JsonObject } from './json-read.js';

export function writeTokenizerJSON(t: Tokenizer): JsonObject {
  return {
    version: '1.0',
    truncation: t.truncation === null ? null : truncationToJSON(t.truncation),
    padding: t.padding === null ? null : paddingToJSON(t.padding),
    added_tokens: t.addedVocabulary.entries().map(([id, tok]) => addedTokenToJSON(id, tok)),
    normalizer: t.normalizer?.toJSON() ?? null,
    pre_tokenizer: t.preTokenizer?.toJSON() ?? null,
    post_processor: t.postProcessor?.toJSON() ?? null,
    decoder: t.decoder?.toJSON() ?? null,
    model: t.model.toJSON(),
  };
}
