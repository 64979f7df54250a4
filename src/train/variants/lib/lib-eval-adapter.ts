/**
 * A LiB tokenizer as src/eval's `EvalTokenizer`, so every metric (compression, fertility, premium,
 * utilization, …) measures it exactly like a tokenizer.json or tiktoken encoding.
 */
import type { EvalTokenizer } from '../../../eval/adapter.js';
import { LIB_BYTE_IDS, type LibTokenizer } from './lib-tokenizer.js';

const lossy = new TextDecoder('utf-8', { ignoreBOM: true });

export function fromLibTokenizer(tok: LibTokenizer, name = 'lib'): EvalTokenizer {
  return {
    name,
    vocabSize: tok.vocabSize,
    encode: (text) => tok.encode(text),
    encodeWithOffsets: (text) => tok.encodeWithOffsets(text),
    idToBytes: (id) => tok.idToBytes(id),
    idToString: (id) => lossy.decode(tok.idToBytes(id)),
    isSpecial: () => false,
    vocabIds: () => Array.from({ length: tok.vocabSize }, (_, i) => i),
  };
}

export { LIB_BYTE_IDS };
