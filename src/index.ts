/**
 * tokenlab's public API (Node entry). Small on purpose: each area has its own module.
 */
export { getEncoding, encodingForModel } from './formats/tiktoken/node-loader.js';
export { encodingNames } from './formats/tiktoken/registry.js';
export { encodingNameForModel } from './formats/tiktoken/models.js';
export { TiktokenEncoding } from './formats/tiktoken/tiktoken-encoding.js';
export type { SpecialOptions, StreamDecoder, TokenOffsets } from './formats/tiktoken/tiktoken-encoding.js';
export { TokenlabError } from './core/errors.js';
