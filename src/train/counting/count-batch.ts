/**
 * Counting one batch of units: the unit of work shared by the worker threads and the in-thread path,
 * so both give identical counts. The counters use the packed result (three flat arrays: cheap to
 * structured-clone, no per-word strings); `countBatch` gives the same words as strings.
 */
import { forEachLine } from './line-batches.js';
import type { PackedWords } from './packed-words.js';
import { PieceCounter } from './piece-counter.js';
import type { WordSplitter } from './word-splitter.js';

export interface CountTask {
  units: string[];
}

/**
 * A batch of whole lines as raw bytes (line-batches.ts), decoded and split by the counter; `out`, a
 * spare buffer for the result (allocPacked).
 */
export interface LineBytesTask {
  bytes: Uint8Array;
  out?: ArrayBuffer;
}

export interface CountTaskResult {
  words: string[];
  counts: Float64Array;
}

function rawCounts(splitter: WordSplitter, task: CountTask): Map<string, number> {
  const raw = new Map<string, number>();
  for (const u of task.units) splitter.addUnit(u, raw);
  return raw;
}

export function countBatch(splitter: WordSplitter, task: CountTask): CountTaskResult {
  return splitter.finish(rawCounts(splitter, task));
}

/** One PieceCounter per splitter, reused batch after batch (piece-counter.ts says why). */
const counters = new WeakMap<WordSplitter, PieceCounter>();

function counterFor(splitter: WordSplitter): PieceCounter {
  let c = counters.get(splitter);
  if (c === undefined) counters.set(splitter, (c = new PieceCounter()));
  c.reset();
  return c;
}

export function countBatchPacked(splitter: WordSplitter, task: CountTask): PackedWords {
  const raw = counterFor(splitter);
  for (const u of task.units) splitter.addUnit(u, raw);
  return splitter.finishPacked(raw);
}

/** Counts a byte batch of lines; also returns how many lines (units) it held. */
export function countLineBytesPacked(splitter: WordSplitter, task: LineBytesTask): PackedWords & { units: number } {
  const raw = counterFor(splitter);
  const units = forEachLine(task.bytes, (line) => splitter.addUnit(line, raw));
  return { ...splitter.finishPacked(raw, task.out), units };
}
