/** The Unigram trainer as a `Trainer<UnigramModelData>` (src/train/trainer.ts). Algorithm: unigram-trainer.ts. */
import type { WordCounts } from '../counting/word-counts.js';
import type { TrainControl, Trainer } from '../trainer.js';
import { trainUnigram, type UnigramModelData, type UnigramTrainerOptions } from './unigram-trainer.js';

export function unigramTrainer(options: UnigramTrainerOptions): Trainer<UnigramModelData> {
  return {
    algorithm: 'unigram',
    train: (counts: WordCounts, control?: TrainControl) => trainUnigram(counts, options, control),
    modelJSON: (m) => ({ type: 'Unigram', unk_id: m.unkId, vocab: m.vocab, byte_fallback: false }),
  };
}
