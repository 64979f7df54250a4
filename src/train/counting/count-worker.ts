/**
 * Worker-thread task for parallel word counting (run by tinypool, see parallel-count.ts).
 * Each task is a batch of units plus the splitter config as JSON text; the worker builds the splitter
 * once per distinct config and returns the batch's distinct words and their counts.
 */
import { countBatch, type CountTask, type CountTaskResult } from './count-batch.js';
import { createWordSplitter, type WordSplitter } from './word-splitter.js';

let cached: { key: string; splitter: WordSplitter } | undefined;

export default function countTask(task: CountTask & { config: string }): CountTaskResult {
  if (cached?.key !== task.config) cached = { key: task.config, splitter: createWordSplitter(JSON.parse(task.config)) };
  return countBatch(cached.splitter, task);
}
