/**
 * Browser entry: no Node built-ins. The vocabulary bytes come from the caller (fetch the files in
 * data/encodings/, or bundle them), so the same code serves a web app, a worker or a CDN.
 *
 *     const enc = await loadEncoding('cl100k_base', (file) => fetch(`/encodings/${file}`).then(r => r.arrayBuffer()));
 */
import { encodingFromVocabData, encodingSpec, resolveModel } from './formats/tiktoken/named-encodings.js';
import type { TiktokenEncoding } from './formats/tiktoken/tiktoken-encoding.js';

export { encodingNames } from './formats/tiktoken/registry.js';
export { encodingNameForModel } from './formats/tiktoken/models.js';
export { TiktokenEncoding } from './formats/tiktoken/tiktoken-encoding.js';
export { IncrementalEncoder } from './formats/tiktoken/incremental-encoder.js';
export type { ChunkTokens } from './formats/tiktoken/incremental-encoder.js';
export type { SpecialOptions, StreamDecoder, TokenOffsets } from './formats/tiktoken/tiktoken-encoding.js';
export { TokenlabError } from './core/errors.js';

/** Reads one vocabulary file by its file name (e.g. `cl100k_base.bin`). */
export type VocabSource = (file: string) => Promise<ArrayBuffer | Uint8Array>;

const cache = new Map<string, Promise<TiktokenEncoding>>();

export function loadEncoding(name: string, source: VocabSource): Promise<TiktokenEncoding> {
  const spec = encodingSpec(name);
  let p = cache.get(name);
  if (!p) {
    const file = `${spec.vocabFile}.bin`;
    p = source(file).then((data) => encodingFromVocabData(spec, data instanceof Uint8Array ? data : new Uint8Array(data), file));
    p.catch(() => cache.delete(name));
    cache.set(name, p);
  }
  return p;
}

export function loadEncodingForModel(model: string, source: VocabSource): Promise<TiktokenEncoding> {
  return loadEncoding(resolveModel(model), source);
}

// Hugging Face tokenizer.json: Tokenizer.fromJSON(await (await fetch(url)).json()).
export { Tokenizer } from './pipeline/index.js';
export type { EncodeOptions, DecodeOptions, Encoding } from './pipeline/index.js';
