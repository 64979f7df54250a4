/**
 * The decoders of tokenizer.json, listed once; `decoderFromJSON` reads any of them (Sequence
 * recursively) and rejects unknown types naming the JSON path. `decodeTokens` is HF's
 * `Decoder::decode`: the decode chain, concatenated.
 */
import type { Decoder } from '../core/stages.js';
import { Registry } from '../core/registry.js';
import { asArray, asBool, asChar, asObject, asString, asUint, optField, reqField, sub, type JsonObject } from '../formats/hf-json/json-read.js';
import { ByteLevelDecoder } from './byte-level.js';
import { ByteFallbackDecoder } from './byte-fallback.js';
import { MetaspaceDecoder } from './metaspace.js';
import { WordPieceDecoder } from './wordpiece.js';
import { BpeDecoder } from './bpe-decoder.js';
import { FuseDecoder } from './fuse.js';
import { StripDecoder } from './strip.js';
import { ReplaceDecoder } from './replace.js';
import { CtcDecoder } from './ctc.js';
import { SequenceDecoder } from './sequence.js';

export interface DecoderComponent {
  readonly type: string;
  fromJSON(json: JsonObject, path: string): Decoder;
}

export const decoderComponents: readonly DecoderComponent[] = [
  {
    type: 'ByteLevel',
    fromJSON: (j, p) => new ByteLevelDecoder(optField(j, 'add_prefix_space', p, asBool, true), optField(j, 'trim_offsets', p, asBool, true), optField(j, 'use_regex', p, asBool, true)),
  },
  { type: 'ByteFallback', fromJSON: () => new ByteFallbackDecoder() },
  { type: 'Metaspace', fromJSON: (j, p) => MetaspaceDecoder.fromJSON(j, p) },
  { type: 'WordPiece', fromJSON: (j, p) => new WordPieceDecoder(optField(j, 'prefix', p, asString, '##'), optField(j, 'cleanup', p, asBool, true)) },
  { type: 'BPEDecoder', fromJSON: (j, p) => new BpeDecoder(optField(j, 'suffix', p, asString, '</w>')) },
  { type: 'Fuse', fromJSON: () => new FuseDecoder() },
  { type: 'Strip', fromJSON: (j, p) => new StripDecoder(reqField(j, 'content', p, asChar), reqField(j, 'start', p, asUint), reqField(j, 'stop', p, asUint)) },
  { type: 'Replace', fromJSON: (j, p) => ReplaceDecoder.fromJSON(j, p) },
  {
    type: 'CTC',
    fromJSON: (j, p) => new CtcDecoder(optField(j, 'pad_token', p, asString, '<pad>'), optField(j, 'word_delimiter_token', p, asString, '|'), optField(j, 'cleanup', p, asBool, true)),
  },
  {
    type: 'Sequence',
    fromJSON: (j, p) => new SequenceDecoder(reqField(j, 'decoders', p, asArray).map((d, i) => decoderFromJSON(d, sub(sub(p, 'decoders'), i)))),
  },
];

const registry = new Registry<DecoderComponent>('decoder', decoderComponents);

export function decoderFromJSON(json: unknown, path: string): Decoder {
  const obj = asObject(json, path);
  return registry.get(obj['type'], path).fromJSON(obj, path);
}

/** HF `Decoder::decode`: the decode chain joined with no separator. */
export function decodeTokens(decoder: Decoder, tokens: string[]): string {
  return decoder.decodeChain(tokens).join('');
}

export {
  ByteLevelDecoder, ByteFallbackDecoder, MetaspaceDecoder, WordPieceDecoder, BpeDecoder, FuseDecoder,
  StripDecoder, ReplaceDecoder, CtcDecoder, SequenceDecoder,
};
