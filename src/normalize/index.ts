/**
 * The normalizer registry: every normalizer component in one list; `normalizerFromJSON` builds
 * a normalizer from its tokenizer.json object, naming the JSON path in any error.
 */
import { Registry } from '../core/registry.js';
import type { Normalizer } from '../core/stages.js';
import { bertNormalizer } from './bert-normalizer.js';
import { byteLevelNormalizer } from './byte-level.js';
import type { NormalizerComponent } from './component.js';
import { expectObject } from './json-fields.js';
import { lowercaseNormalizer } from './lowercase.js';
import { nfcNormalizer } from './nfc.js';
import { nfdNormalizer } from './nfd.js';
import { nfkcNormalizer } from './nfkc.js';
import { nfkdNormalizer } from './nfkd.js';
import { nmtNormalizer } from './nmt.js';
import { precompiledNormalizer } from './precompiled.js';
import { prependNormalizer } from './prepend.js';
import { replaceNormalizer } from './replace.js';
import { sequenceNormalizerComponent } from './sequence.js';
import { stripAccentsNormalizer } from './strip-accents.js';
import { stripNormalizer } from './strip.js';

export const NORMALIZERS: readonly NormalizerComponent[] = [
  nfcNormalizer,
  nfdNormalizer,
  nfkcNormalizer,
  nfkdNormalizer,
  lowercaseNormalizer,
  stripNormalizer,
  stripAccentsNormalizer,
  replaceNormalizer,
  prependNormalizer,
  bertNormalizer,
  precompiledNormalizer,
  byteLevelNormalizer,
  nmtNormalizer,
  sequenceNormalizerComponent((json, path) => normalizerFromJSON(json, path)),
];

export const normalizerRegistry = new Registry<NormalizerComponent>('normalizer', NORMALIZERS);

/** Builds a normalizer from its tokenizer.json object; `path` is its JSON path (e.g. `normalizer`). */
export function normalizerFromJSON(json: unknown, path = 'normalizer'): Normalizer {
  const obj = expectObject(json, path);
  return normalizerRegistry.get(obj['type'], path).fromJSON(json, path);
}
