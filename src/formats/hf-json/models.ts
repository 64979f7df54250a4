/**
 * The models of tokenizer.json, listed once (BPE, WordPiece, Unigram, WordLevel); `modelFromJSON`
 * builds one and rejects unknown types with the JSON path.
 */
import type { Model } from '../../core/stages.js';
import { Registry } from '../../core/registry.js';
import { asObject, type JsonObject } from './json-read.js';
import { HfBpeModel } from '../../model/bpe/hf-bpe-model.js';
import { WordPieceModel } from '../../model/wordpiece/wordpiece-model.js';
import { UnigramModel } from '../../model/unigram/unigram-model.js';
import { WordLevelModel } from '../../model/wordlevel/wordlevel-model.js';

export interface ModelComponent {
  readonly type: string;
  fromJSON(json: JsonObject, path: string): Model;
}

export const modelComponents: readonly ModelComponent[] = [
  { type: 'BPE', fromJSON: (j, p) => HfBpeModel.fromJSON(j, p) },
  { type: 'WordPiece', fromJSON: (j, p) => WordPieceModel.fromJSON(j, p) },
  { type: 'Unigram', fromJSON: (j, p) => UnigramModel.fromJSON(j, p) },
  { type: 'WordLevel', fromJSON: (j, p) => WordLevelModel.fromJSON(j, p) },
];

const registry = new Registry<ModelComponent>('model', modelComponents);

export function modelFromJSON(json: unknown, path = 'model'): Model {
  const obj = asObject(json, path);
  const type = obj['type'] === undefined ? inferModelType(obj) : obj['type'];
  return registry.get(type, path).fromJSON(obj, path);
}

/**
 * HF also reads a model without `type` (serde "untagged": the first model, in the order BPE,
 * WordPiece, WordLevel, Unigram, whose required fields are present — checked against the native
 * binding): BPE needs `vocab` and `merges`; WordPiece `vocab`, `unk_token`,
 * `continuing_subword_prefix` and `max_input_chars_per_word`; WordLevel a `vocab` object and
 * `unk_token`; Unigram a `vocab` array. Anything else stays a "missing type" error.
 */
function inferModelType(o: JsonObject): string | undefined {
  const has = (...keys: string[]): boolean => keys.every((k) => k in o);
  const objectVocab = typeof o['vocab'] === 'object' && o['vocab'] !== null && !Array.isArray(o['vocab']);
  if (has('vocab', 'merges')) return 'BPE';
  if (objectVocab && has('unk_token', 'continuing_subword_prefix', 'max_input_chars_per_word')) return 'WordPiece';
  if (objectVocab && has('unk_token')) return 'WordLevel';
  if (Array.isArray(o['vocab'])) return 'Unigram';
  return undefined;
}
