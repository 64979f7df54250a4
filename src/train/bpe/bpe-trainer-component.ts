/**
 * The BPE trainer as a `Trainer<BpeModelData>` (src/train/trainer.ts): options bound once, then
 * `train(counts)` and `modelJSON(model)`. Algorithm: bpe-trainer.ts; docs/algorithms/bpe-training.md.
 */
import type { WordCounts } from '../counting/word-counts.js';
import type { TrainControl, Trainer } from '../trainer.js';
import { validateBpeOptions, type BpeTrainerOptions } from './bpe-options.js';
import { bpeModelJSON } from './bpe-tokenizer-json.js';
import { trainBpe, type BpeModelData } from './bpe-trainer.js';

export function bpeTrainer(options: BpeTrainerOptions): Trainer<BpeModelData> {
  validateBpeOptions(options);
  return {
    algorithm: 'bpe',
    train: (counts: WordCounts, control?: TrainControl) => trainBpe(counts, options, control),
    modelJSON: bpeModelJSON,
  };
}
