/**
 * Reads a tokenizer.json object into pipeline components. Every stage is built through its registry;
 * any unknown type or malformed field is a TokenlabError naming the JSON path
 * (`pre_tokenizer.pretokenizers[2].type: unknown type "Foo"`). Unknown top-level keys are rejected,
 * as HF's loader does; `version` must be "1.0". Unknown fields inside a component are ignored (HF
 * ignores them too).
 */
import type { Decoder, Model, Normalizer, PreTokenizer } from '../../core/stages.js';
import { asArray, asObject, fail, sub } from './json-read.js';
import { modelFromJSON } from './models.js';
import { normalizerFromJSON } from '../../normalize/index.js';
import { preTokenizerFromJSON } from '../../pretokenize/index.js';
import { decoderFromJSON } from '../../decode/index.js';
import { postProcessorFromJSON, type BaseProcessor } from '../../postprocess/index.js';
import { addedTokenFromJSON, type AddedToken } from '../../pipeline/added-token.js';
import { truncationFromJSON, type TruncationParams } from '../../pipeline/truncation.js';
import { paddingFromJSON, type PaddingParams } from '../../pipeline/padding.js';

export interface TokenizerParts {
  model: Model;
  normalizer: Normalizer | null;
  preTokenizer: PreTokenizer | null;
  postProcessor: BaseProcessor | null;
  decoder: Decoder | null;
  addedTokens: { id: number; token: AddedToken }[];
  truncation: TruncationParams | null;
  padding: PaddingParams | null;
}

function nullable<T>(v: unknown, path: string, read: (v: unknown, p: string) => T): T | null {
  return v === undefined || v === null ? null : read(v, path);
}

const TOP_LEVEL = new Set(['version', 'truncation', 'padding', 'added_tokens', 'normalizer', 'pre_tokenizer', 'post_processor', 'decoder', 'model']);

export function readTokenizerJSON(json: unknown): TokenizerParts {
  const o = asObject(json, '(root)');
  for (const k of Object.keys(o)) {
    // HF rejects unknown top-level keys too (with a less helpful message).
    if (!TOP_LEVEL.has(k)) fail(k, `unknown top-level field (expected one of ${[...TOP_LEVEL].join(', ')})`);
  }
  const version = o['version'];
  if (version !== undefined && version !== '1.0') fail('version', `unknown tokenizer version ${JSON.stringify(version)} (expected "1.0")`);
  if (o['model'] === undefined || o['model'] === null) fail('model', 'missing required field');
  return {
    model: modelFromJSON(o['model'], 'model'),
    normalizer: nullable(o['normalizer'], 'normalizer', normalizerFromJSON),
    preTokenizer: nullable(o['pre_tokenizer'], 'pre_tokenizer', preTokenizerFromJSON),
    postProcessor: nullable(o['post_processor'], 'post_processor', postProcessorFromJSON),
    decoder: nullable(o['decoder'], 'decoder', decoderFromJSON),
    addedTokens: nullable(o['added_tokens'], 'added_tokens', asArray)?.map((t, i) => addedTokenFromJSON(t, sub('added_tokens', i))) ?? [],
    truncation: nullable(o['truncation'], 'truncation', truncationFromJSON),
    padding: nullable(o['padding'], 'padding', paddingFromJSON),
  };
}
