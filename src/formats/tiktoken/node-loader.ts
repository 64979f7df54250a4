/**
 * Node side of the named encodings: reads data/encodings/<file>.bin from the package and caches one
 * instance per name (encodings are immutable apart from their piece cache).
 */
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TokenlabError } from '../../core/errors.js';
import { encodingFromVocabData, encodingSpec, resolveModel } from './named-encodings.js';
import type { TiktokenEncoding } from './tiktoken-encoding.js';

let dataDir: string | undefined;

/** data/encodings of this package: found by walking up from this file (works from src/ and dist/src/). */
export function encodingsDataDir(): string {
  if (dataDir) return dataDir;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'data', 'encodings');
    if (existsSync(candidate)) return (dataDir = candidate);
    dir = dirname(dir);
  }
  throw new TokenlabError('cannot find the data/encodings folder of the tokenlab package (is the package installed completely?)');
}

const cache = new Map<string, TiktokenEncoding>();

export function getEncoding(name: string): TiktokenEncoding {
  const hit = cache.get(name);
  if (hit) return hit;
  const spec = encodingSpec(name);
  const file = join(encodingsDataDir(), `${spec.vocabFile}.bin`);
  const enc = encodingFromVocabData(spec, readFileSync(file), file);
  cache.set(name, enc);
  return enc;
}

export function encodingForModel(model: string): TiktokenEncoding {
  return getEncoding(resolveModel(model));
}
