/** Public entry of the Hugging Face pipeline: `Tokenizer`, its options, and the loader. */
export { Tokenizer, type EncodeOptions, type DecodeOptions } from './tokenizer.js';
export { loadTokenizerFile } from './load.js';
export { addedToken, type AddedToken } from './added-token.js';
export type { TruncationParams, TruncationStrategy } from './truncation.js';
export type { PaddingParams } from './padding.js';
export type { Encoding } from '../core/stages.js';
