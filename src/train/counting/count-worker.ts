/**
 * Worker-thread task for parallel word counting (run by tinypool, see parallel-count.ts).
 * Each task is a batch of units (or of whole lines as bytes) plus the splitter config as JSON text;
 * the worker builds the splitter once per distinct config and returns the batch's distinct words and
 * their counts, packed. A byte batch's buffer and the result's buffer are moved back to the main
 * thread (not copied), which reuses them for later batches: no per-batch garbage buffers there.
 */
import { Tinypool } from 'tinypool';
import { countBatchPacked, countLineBytesPacked, type CountTask, type LineBytesTask } from './count-batch.js';
import type { PackedWords } from './packed-words.js';
import { createWordSplitter, type WordSplitter } from './word-splitter.js';

/** What a task returns: the packed words, units counted, and the task's byte batch handed back. */
export type CountWorkerResult = PackedWords & { units?: number; input?: Uint8Array };

let cached: { key: string; splitter: WordSplitter } | undefined;

export default function countTask(task: (CountTask | LineBytesTask) & { config: string }): CountWorkerResult {
  if (cached?.key !== task.config) cached = { key: task.config, splitter: createWordSplitter(JSON.parse(task.config)) };
  const value: CountWorkerResult = 'bytes' in task
    ? { ...countLineBytesPacked(cached.splitter, task), input: task.bytes }
    : countBatchPacked(cached.splitter, task);
  const buffers = [value.counts.buffer as ArrayBuffer];
  if (value.input !== undefined && value.input.buffer !== value.counts.buffer) buffers.push(value.input.buffer as ArrayBuffer);
  // Tinypool's transfer protocol: an object with these two (global) symbols, marked by Tinypool.move.
  return Tinypool.move({ [Tinypool.transferableSymbol]: buffers, [Tinypool.valueSymbol]: value } as never) as never;
}
