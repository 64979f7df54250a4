/**
 * The pre-tokenizer registry: every pre-tokenizer component in one list; `preTokenizerFromJSON`
 * builds one from its tokenizer.json object, naming the JSON path in any error.
 */
import { Registry } from '../core/registry.js';
import type { PreTokenizer } from '../core/stages.js';
import { expectObject } from '../normalize/json-fields.js';
import { bertPreTokenizer } from './bert.js';
import { byteLevelPreTokenizer } from './byte-level.js';
import { charDelimiterSplitPreTokenizer } from './char-delimiter-split.js';
import type { PreTokenizerComponent } from './component.js';
import { digitsPreTokenizer } from './digits.js';
import { fixedLengthPreTokenizer } from './fixed-length.js';
import { metaspacePreTokenizer } from './metaspace.js';
import { punctuationPreTokenizer } from './punctuation.js';
import { sequencePreTokenizerComponent } from './sequence.js';
import { splitPreTokenizer } from './split.js';
import { unicodeScriptsPreTokenizer } from './unicode-scripts.js';
import { whitespaceSplitPreTokenizer } from './whitespace-split.js';
import { whitespacePreTokenizer } from './whitespace.js';

export const PRE_TOKENIZERS: readonly PreTokenizerComponent[] = [
  byteLevelPreTokenizer,
  splitPreTokenizer,
  whitespacePreTokenizer,
  whitespaceSplitPreTokenizer,
  metaspacePreTokenizer,
  punctuationPreTokenizer,
  digitsPreTokenizer,
  bertPreTokenizer,
  unicodeScriptsPreTokenizer,
  charDelimiterSplitPreTokenizer,
  fixedLengthPreTokenizer,
  sequencePreTokenizerComponent((json, path) => preTokenizerFromJSON(json, path)),
];

export const preTokenizerRegistry = new Registry<PreTokenizerComponent>('pre-tokenizer', PRE_TOKENIZERS);

/** Builds a pre-tokenizer from its tokenizer.json object; `path` is its JSON path (e.g. `pre_tokenizer`). */
export function preTokenizerFromJSON(json: unknown, path = 'pre_tokenizer'): PreTokenizer {
  const obj = expectObject(json, path);
  return preTokenizerRegistry.get(obj['type'], path).fromJSON(json, path);
}
