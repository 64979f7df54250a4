/** Data mixture inference from BPE merge lists (Hayase et al. 2024): public entry points. */
export { inferMixture, type InferOptions, type MixtureEstimate, type CategoryEstimate } from './infer.js';
export { mergesFromTokenizerJson } from './tokenizer-json.js';
export { mergesFromRanks, canonicalSplit } from './merges-from-ranks.js';
export { mergeListFromByteMerges, truncateMerges, type MergeList } from './merge-list.js';
export { pairSharesToByteShares, meanSquaredError } from './byte-shares.js';
export { sampleSimplex, sampleSimplexCounts, mulberry32 } from './simplex-sampler.js';
export { writeLp, type LpModel } from './lp.js';
export type { CategorySource } from './category-source.js';
export type { SplitterSpec } from './piece-splitter.js';
