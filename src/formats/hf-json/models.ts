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
  return registry.get(obj['type'], path).fromJSON(obj, path);
}
