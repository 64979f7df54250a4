/**
 * LiB end to end: sentences (corpus lines or given texts) → optional removal of whitespace (LiB reads
 * unsegmented text) → trainLib → a LibTokenizer cut to the target vocabulary size (lib-prune.ts).
 */
import { readCorpus, type CorpusOptions } from '../../counting/corpus-reader.js';
import type { TrainControl } from '../../trainer.js';
import { TokenlabError } from '../../../core/errors.js';
import { trainLib, libDefaults, type LibOptions, type LibTrainStats } from './lib-trainer.js';
import { LIB_BYTE_IDS, LibTokenizer, libVocabulary } from './lib-tokenizer.js';
import { pruneByUsage } from './lib-prune.js';

export interface LibJob {
  corpus?: CorpusOptions;
  texts?: Iterable<string>;
  options?: LibOptions;
  /** Target size including the 256 byte ids (default: the whole trained lexicon). */
  vocabSize?: number;
  /** How to cut the lexicon to vocabSize: by use on the training text (default) or by LiB rank. */
  prune?: 'usage' | 'rank';
  /** Delete all whitespace before training (default false). */
  removeSpaces?: boolean;
}

export async function trainLibTokenizer(job: LibJob, control: TrainControl = {}): Promise<{ tokenizer: LibTokenizer; stats: LibTrainStats }> {
  const sentences: string[] = [];
  const take = (t: string): void => {
    const s = (job.removeSpaces === true ? t.replace(/\s+/gu, '') : t.replace(/[\r\n]+$/u, ''));
    if (s.length > 0) sentences.push(s);
  };
  if (job.texts !== undefined) for (const t of job.texts) take(t);
  else if (job.corpus !== undefined) {
    for await (const batch of readCorpus({ ...job.corpus, unit: 'line' })) for (const t of batch) take(t);
  } else throw new TokenlabError('LiB: no training input (give corpus files or texts)');
  if (job.vocabSize !== undefined) {
    // Every character of the corpus stays in the vocabulary: say so before hours of epochs, not after.
    const chars = new Set<string>();
    for (const s of sentences) for (const c of s) chars.add(c);
    if (job.vocabSize < LIB_BYTE_IDS + chars.size) {
      throw new TokenlabError(`vocabulary size ${job.vocabSize} is smaller than ${LIB_BYTE_IDS} byte ids + ${chars.size} distinct characters of the corpus; use --vocab-size ${LIB_BYTE_IDS + chars.size} or more`);
    }
  }
  const o = libDefaults(job.options);
  const { lexicon, stats } = trainLib(sentences, o, control);
  const vocab = job.vocabSize === undefined || job.prune === 'rank' ? libVocabulary(lexicon, job.vocabSize) : pruneByUsage(lexicon, sentences, job.vocabSize, o.maxChunkLen);
  return { tokenizer: new LibTokenizer(vocab, o.maxChunkLen), stats };
}
