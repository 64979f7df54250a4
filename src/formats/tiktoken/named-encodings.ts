/**
 * Builds named encodings from their vocabulary bytes, independent of where the bytes come from
 * (the Node loader reads data/encodings/; a browser fetches the same files).
 */
import { TokenlabError } from '../../core/errors.js';
import { byteVocabFromCompact } from '../../model/bpe/byte-vocab.js';
import { ENCODINGS, encodingNames, type EncodingSpec } from './registry.js';
import { encodingNameForModel } from './models.js';
import { TiktokenEncoding } from './tiktoken-encoding.js';
import { regexScanner, scannerForPattern } from '../../pretokenize/scanners/index.js';

export function encodingSpec(name: string): EncodingSpec {
  if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(ENCODINGS, name)) {
    throw new TokenlabError(`unknown encoding ${JSON.stringify(name)}; known encodings: ${encodingNames().join(', ')}`);
  }
  return ENCODINGS[name]!();
}

export function resolveModel(model: string): string {
  const name = typeof model === 'string' ? encodingNameForModel(model) : undefined;
  if (!name) {
    throw new TokenlabError(
      `unknown model ${JSON.stringify(model)}: no encoding is known for it; use getEncoding(name) with one of ${encodingNames().join(', ')}`,
    );
  }
  return name;
}

/** Constructs an encoding from its spec and the contents of its vocabulary file. */
export function encodingFromVocabData(spec: EncodingSpec, data: Uint8Array, source: string): TiktokenEncoding {
  const vocab = byteVocabFromCompact(data, source);
  if (vocab.size !== spec.vocabSlots) {
    throw new TokenlabError(`vocabulary has ${vocab.size} ranks, ${spec.name} needs ${spec.vocabSlots}`, { file: source });
  }
  return new TiktokenEncoding({
    name: spec.name,
    pattern: spec.pattern,
    vocab,
    scanner: scannerForPattern(spec.pattern) ?? regexScanner(spec.pattern),
    specialTokens: spec.specialTokens,
  });
}
