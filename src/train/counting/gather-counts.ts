/**
 * Word counts for a training run from every source a user can give: saved TSV files (merged; each
 * must have been made with the same splitter config, recorded in its header) and/or a corpus counted
 * now in parallel. Optionally saves the combined counts for the next run.
 */
import { TokenlabError } from '../../core/errors.js';
import type { TrainControl } from '../trainer.js';
import type { CorpusOptions } from './corpus-reader.js';
import { countCorpusWords } from './parallel-count.js';
import type { SplitterConfig } from './word-splitter.js';
import { WordCounts } from './word-counts.js';
import { loadWordCounts, saveWordCounts } from './word-counts-tsv.js';

export interface CountsInput {
  corpus?: CorpusOptions;
  /** Word-count TSV files to load and merge (see word-counts-tsv.ts). */
  countFiles?: string[];
  threads?: number;
  /** Where to save the combined counts (TSV). */
  saveCounts?: string;
}

export async function gatherWordCounts(input: CountsInput, splitter: SplitterConfig, control: TrainControl = {}): Promise<WordCounts> {
  const counts = new WordCounts();
  const want = JSON.stringify(splitter);
  for (const f of input.countFiles ?? []) {
    const { meta } = await loadWordCounts(f, counts);
    if (meta['splitter'] !== undefined && JSON.stringify(meta['splitter']) !== want) {
      throw new TokenlabError(`these word counts were made with another normalizer/pre-tokenizer (header splitter ${JSON.stringify(meta['splitter']).slice(0, 200)}); recount or pick matching options`, { file: f });
    }
  }
  if (input.corpus !== undefined) {
    await countCorpusWords(input.corpus, splitter, {
      threads: input.threads,
      into: counts,
      signal: control.signal,
      onProgress: (p) => control.onProgress?.(p),
    });
  }
  if (input.corpus === undefined && (input.countFiles ?? []).length === 0) throw new TokenlabError('no training input: give corpus files or word-count files');
  if (input.saveCounts !== undefined) await saveWordCounts(input.saveCounts, counts, { splitter });
  return counts;
}
