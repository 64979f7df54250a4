/**
 * SentencePiece `.model` files: read them (protobuf, validated) and convert them to the
 * tokenizer.json pipeline. Spec: docs/algorithms/sentencepiece.md.
 */
export { readSentencePieceModel, type ReadSentencePieceOptions } from './read-model.js';
export { sentencePieceToTokenizerJSON, modelToTokenizerJSON } from './to-tokenizer-json.js';
export type { SentencePieceConvertOptions, ConverterFlavour } from './convert-options.js';
export type { SentencePieceModel, SentencePiece, TrainerSpec, NormalizerSpec } from './model.js';
export type { TokenizerJSON } from './tokenizer-json-shape.js';
export { deriveBpeMerges, type MergeOrder } from './bpe-merges.js';
export { PieceType, ModelType } from './model-proto-schema.js';
