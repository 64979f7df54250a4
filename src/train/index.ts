/**
 * Tokenizer training (docs/algorithms/bpe-training.md and siblings): corpus readers, parallel word
 * counting with TSV save/load, and the trainers (byte-level BPE, SuperBPE, character-level BPE,
 * WordPiece, Unigram), each returning a tokenizer.json that loads unchanged in Hugging Face.
 */
export type { Trainer, TrainControl, TrainProgress } from './trainer.js';
export { WordCounts } from './counting/word-counts.js';
export { saveWordCounts, loadWordCounts, wordCountsToTsv, parseWordCountsTsv } from './counting/word-counts-tsv.js';
export { readCorpus, listCorpusFiles, type CorpusOptions, type CorpusUnit, type CorpusFormat } from './counting/corpus-reader.js';
export { createWordSplitter, type SplitterConfig } from './counting/word-splitter.js';
export { countCorpusWords, countTexts, type CountOptions, type CountProgress } from './counting/parallel-count.js';
export { gatherWordCounts, type CountsInput } from './counting/gather-counts.js';
export { trainBpe, trainBpeAsync, type BpeModelData } from './bpe/bpe-trainer.js';
export type { BpeTrainerOptions, MergeCandidate } from './bpe/bpe-options.js';
export { bpeTrainer } from './bpe/bpe-trainer-component.js';
export { bpeTokenizerJSON, bpeModelJSON, byteLevelPreTokenizerJSON, byteLevelAlphabet, LLAMA3_PATTERN, type ByteLevelPreset } from './bpe/bpe-tokenizer-json.js';
export { trainByteLevelBpe, type ByteLevelBpeJob, type TrainedTokenizer } from './bpe/train-byte-level-bpe.js';
export { trainSuperBpe, type SuperBpeJob } from './superbpe/train-superbpe.js';
export { superwordVeto, wordsInToken, SUPERBPE_DEFAULT_FILTERS, type SuperwordFilters } from './superbpe/superword-veto.js';
export { superBpePreTokenizerJSON } from './superbpe/superbpe-pretokenizers.js';
export { trainCharBpe, type CharBpeJob } from './char-bpe/train-char-bpe.js';
export { trainWordPiece, BERT_SPECIALS, type WordPieceJob } from './wordpiece/train-wordpiece.js';
export { trainUnigram, type UnigramModelData, type UnigramTrainerOptions } from './unigram/unigram-trainer.js';
export { unigramTrainer } from './unigram/unigram-trainer-component.js';
export { trainUnigramTokenizer, type UnigramJob } from './unigram/train-unigram.js';
