/**
 * Counting one batch of units: the unit of work shared by the worker threads and the in-thread path,
 * so both give identical counts. Results are two parallel arrays (cheap to structured-clone;
 * the counts array is transferred, not copied).
 */
import type { WordSplitter } from './word-splitter.js';

export interface CountTask {
  units: string[];
}

export interface CountTaskResult {
  words: string[];
  counts: Float64Array;
}

export function countBatch(splitter: WordSplitter, task: CountTask): CountTaskResult {
  const raw = new Map<string, number>();
  for (const u of task.units) splitter.addUnit(u, raw);
  return splitter.finish(raw);
}
