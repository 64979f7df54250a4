/**
 * One replay task: count a category sample's words and replay the merges on them. Runs in a worker
 * thread (replay-worker.ts) or in the calling thread (threads = 0); both use this function.
 */
import { feedSource, type CategorySource } from './category-source.js';
import type { MergeList } from './merge-list.js';
import type { SplitterSpec } from './piece-splitter.js';
import { replayMerges, type CategoryReplay } from './replay.js';
import { SampleWordCounter } from './sample-words.js';

export interface ReplayTask {
  source: CategorySource;
  splitter: SplitterSpec;
  merges: MergeList;
}

export type ReplayProgress = { phase: 'count'; bytes: number } | { phase: 'replay'; step: number; of: number };

export async function runReplayTask(task: ReplayTask, onProgress?: (p: ReplayProgress) => void): Promise<CategoryReplay> {
  const counter = new SampleWordCounter(task.splitter, task.source.maxBytes ?? Infinity);
  await feedSource(task.source, counter);
  onProgress?.({ phase: 'count', bytes: counter.bytes });
  const input = counter.finish();
  return replayMerges(input, task.merges, (step) => onProgress?.({ phase: 'replay', step, of: task.merges.length }));
}
