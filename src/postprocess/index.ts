/**
 * The post-processors of tokenizer.json, listed once; `postProcessorFromJSON` reads any of them
 * (Sequence recursively) and rejects unknown types with the JSON path.
 */
import { Registry } from '../core/registry.js';
import { asArray, asBool, asObject, asString, asUint, fail, optField, reqField, sub, type JsonObject } from '../formats/hf-json/json-read.js';
import { BaseProcessor, defaultProcess } from './processor-base.js';
import { ByteLevelProcessor } from './byte-level.js';
import { BertProcessor, type SpecialPair } from './bert.js';
import { RobertaProcessor } from './roberta.js';
import { TemplateProcessor } from './template.js';
import { SequenceProcessor } from './sequence.js';

export interface PostProcessorComponent {
  readonly type: string;
  fromJSON(json: JsonObject, path: string): BaseProcessor;
}

function readPair(v: unknown, path: string): SpecialPair {
  const a = asArray(v, path);
  if (a.length !== 2) fail(path, 'expected a [token, id] pair');
  return [asString(a[0], sub(path, 0)), asUint(a[1], sub(path, 1))];
}

export const postProcessorComponents: readonly PostProcessorComponent[] = [
  {
    type: 'ByteLevel',
    fromJSON: (j, p) => new ByteLevelProcessor(optField(j, 'add_prefix_space', p, asBool, true), optField(j, 'trim_offsets', p, asBool, true), optField(j, 'use_regex', p, asBool, true)),
  },
  { type: 'BertProcessing', fromJSON: (j, p) => new BertProcessor(reqField(j, 'sep', p, readPair), reqField(j, 'cls', p, readPair)) },
  {
    type: 'RobertaProcessing',
    fromJSON: (j, p) => new RobertaProcessor(reqField(j, 'sep', p, readPair), reqField(j, 'cls', p, readPair), optField(j, 'trim_offsets', p, asBool, true), optField(j, 'add_prefix_space', p, asBool, true)),
  },
  { type: 'TemplateProcessing', fromJSON: (j, p) => TemplateProcessor.fromJSON(j, p) },
  {
    type: 'Sequence',
    fromJSON: (j, p) => new SequenceProcessor(reqField(j, 'processors', p, asArray).map((x, i) => postProcessorFromJSON(x, sub(sub(p, 'processors'), i)))),
  },
];

const registry = new Registry<PostProcessorComponent>('post-processor', postProcessorComponents);

export function postProcessorFromJSON(json: unknown, path: string): BaseProcessor {
  const obj = asObject(json, path);
  return registry.get(obj['type'], path).fromJSON(obj, path);
}

export { BaseProcessor, defaultProcess, ByteLevelProcessor, BertProcessor, RobertaProcessor, TemplateProcessor, SequenceProcessor };
export * from './hf-encoding.js';
