/**
 * tokenlab's public API (Node entry). Small on purpose: each area has its own module.
 */
export { getEncoding, encodingForModel } from './formats/tiktoken/node-loader.js';
export { encodingNames } from './formats/tiktoken/registry.js';
export { encodingNameForModel } from './formats/tiktoken/models.js';
export { TiktokenEncoding } from './formats/tiktoken/tiktoken-encoding.js';
export { IncrementalEncoder } from './formats/tiktoken/incremental-encoder.js';
export type { ChunkTokens } from './formats/tiktoken/incremental-encoder.js';
export type { SpecialOptions, StreamDecoder, TokenOffsets } from './formats/tiktoken/tiktoken-encoding.js';
export { TokenlabError } from './core/errors.js';

// Hugging Face tokenizer.json pipeline, SentencePiece models.
export { Tokenizer, loadTokenizerFile } from './pipeline/index.js';
export type { EncodeOptions, DecodeOptions, Encoding, TruncationParams, PaddingParams } from './pipeline/index.js';
export { readSentencePieceModel, sentencePieceToTokenizerJSON } from './formats/sentencepiece/index.js';
export type { SentencePieceConvertOptions } from './formats/sentencepiece/index.js';
