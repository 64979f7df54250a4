/**
 * A hybrid tokenizer as src/eval's `EvalTokenizer`. A shared id reports its canonical allomorph as
 * its bytes (`lar` for lar/ler): the eval's per-id views (word validity over unique ids, vocabulary
 * categories) see one surface per id. bench/morph-hybrid measures validity over the surfaces
 * actually written instead, as the reference's `tokenize` output does.
 */
import type { EvalTokenizer } from '../../../eval/adapter.js';
import type { MorphHybridTokenizer } from './morph-hybrid-tokenizer.js';
import { SPACE_ID, TAB_ID, NEWLINE_ID } from './hybrid-vocab.js';

const lossy = new TextDecoder('utf-8', { ignoreBOM: true });
const WHITESPACE_IDS = new Set([SPACE_ID, NEWLINE_ID, TAB_ID]);

export function fromMorphHybridTokenizer(tok: MorphHybridTokenizer, name = 'morph-hybrid'): EvalTokenizer {
  const v = tok.vocab;
  return {
    name,
    vocabSize: v.size,
    encode: (text) => tok.encode(text),
    encodeWithOffsets: (text) => tok.encodeWithOffsets(text),
    idToBytes: (id) => v.canonicalBytes(id),
    idToString: (id) => lossy.decode(v.canonicalBytes(id)),
    isSpecial: (id) => v.kind(id) === 'special' && !WHITESPACE_IDS.has(id),
    vocabIds: () => Array.from({ length: v.size }, (_, i) => i),
  };
}
