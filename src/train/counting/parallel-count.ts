/**
 * Parallel, streaming word counting: the main thread reads the corpus and cuts it into batches — raw
 * bytes of whole lines for plain-text line corpora (line-batches.ts: this thread makes no strings),
 * else units from corpus-reader.ts, about `batchChars` UTF-16 units; a tinypool worker pool
 * normalizes, pre-tokenizes and counts each batch (count-worker.ts) and returns its words packed
 * (packed-words.ts); the main thread sums them into WordCounts' byte-keyed table (a sum, so exact and
 * independent of thread timing; results are merged in submission order, so even insertion order is
 * reproducible).
 *
 * Memory: O(distinct words) + `2 × threads` batches in flight. Back-pressure: reading pauses while
 * that many batches are queued. Workers run a bundled copy of the worker module when tokenlab runs
 * from its TypeScript sources (worker-source.ts) and a small young generation (below).
 * Performance notes: per-batch maps (not one map per worker) keep the protocol stateless; the merge
 * costs O(distinct words per batch), small next to splitting the batch. `threads <= 1` counts in
 * this thread with the same batch code (no workers), which is what tests use.
 */
import { availableParallelism } from 'node:os';
import Tinypool from 'tinypool';
import { TokenlabError } from '../../core/errors.js';
import { countBatchPacked, countLineBytesPacked, type CountTask, type LineBytesTask } from './count-batch.js';
import { lineBatches, lineBatchesApply } from './line-batches.js';
import type { CountWorkerResult } from './count-worker.js';
import { listCorpusFiles, readCorpus, type CorpusOptions } from './corpus-reader.js';
import { createWordSplitter, type SplitterConfig } from './word-splitter.js';
import { WordCounts } from './word-counts.js';
import { countWorkerSource } from './worker-source.js';

export interface CountProgress {
  phase: 'count';
  bytesRead: number;
  bytesTotal: number;
  /** Units (lines or documents) counted so far. */
  units: number;
  /** Distinct words so far. */
  distinct: number;
}

export interface CountOptions {
  /**
   * Worker threads; 0 or 1 counts in this thread. Default: in this thread for inputs under
   * `SMALL_INPUT_BYTES` (starting workers costs more than it saves there), else min(4, cores − 1).
   */
  threads?: number;
  /** Target batch size in UTF-16 units, or bytes for plain-text line corpora (default 2^18). */
  batchChars?: number;
  onProgress?: (p: CountProgress) => void;
  signal?: AbortSignal;
  /** Add into these counts (merging with counts loaded earlier). */
  into?: WordCounts;
}

/**
 * Batch size: big enough that per-batch costs (messages, packing) stay small, small enough that the
 * batches and their results in flight stay a few MB (on code-100M, 2^18 peaked 10–30 MB lower than
 * 2^20 at the same CPU time; GC timing makes single runs vary by ±15 MB).
 */
const DEFAULT_BATCH = 1 << 18;

/**
 * Young-generation size of each counting worker. A batch's garbage (lines, regex matches, the batch
 * Map) dies young, so a small young generation costs little extra scavenging, while V8's default
 * (up to 3 × 16 MB per isolate) held ~50 MB more per worker on 100 MB corpora.
 */
const WORKER_YOUNG_GENERATION_MB = 4;

/** Below this total input size the default is to count in the calling thread. */
export const SMALL_INPUT_BYTES = 16 << 20;

export function defaultThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

export async function countCorpusWords(corpus: CorpusOptions, splitter: SplitterConfig, opts: CountOptions = {}): Promise<WordCounts> {
  const batchChars = opts.batchChars ?? DEFAULT_BATCH;
  const counts = opts.into ?? new WordCounts();
  const bytesTotal = listCorpusFiles(corpus).reduce((s, f) => s + f.size, 0);
  const threads = opts.threads ?? (bytesTotal < SMALL_INPUT_BYTES ? 1 : defaultThreads());
  let bytesRead = 0;
  let units = 0;
  const report = (): void => opts.onProgress?.({ phase: 'count', bytesRead, bytesTotal, units, distinct: counts.size });
  // Spare buffers: byte batches and results come back from the counter and are reused, so that
  // reading makes no garbage buffers (dead ones linger until a GC: ~40 MB at 100 MB of input).
  const spareIn: ArrayBuffer[] = [];
  const spareOut: ArrayBuffer[] = [];
  const alloc = (minBytes: number): Uint8Array => {
    const b = spareIn.pop();
    return b !== undefined && b.byteLength >= minBytes ? new Uint8Array(b) : new Uint8Array(minBytes);
  };
  const absorb = (r: CountWorkerResult, n: number): void => {
    counts.addPacked(r);
    units += r.units ?? n;
    const keep = 2 * Math.max(1, threads) + 2;
    if (r.input !== undefined && spareIn.length < keep) spareIn.push(r.input.buffer as ArrayBuffer);
    if (spareOut.length < keep) spareOut.push(r.counts.buffer as ArrayBuffer);
    report();
  };
  const checkAbort = (): void => {
    if (opts.signal?.aborted) throw new TokenlabError('word counting was interrupted');
  };

  const local = threads <= 1 ? createWordSplitter(splitter) : undefined;
  const pool = local === undefined
    ? new Tinypool({ filename: await countWorkerSource(), maxThreads: threads, minThreads: threads, idleTimeout: 1000, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } })
    : undefined;
  const configText = JSON.stringify(splitter);
  const inflight: { p: Promise<CountWorkerResult>; n: number }[] = [];
  const submit = async (task: CountTask | LineBytesTask): Promise<void> => {
    const n = 'units' in task ? task.units.length : 0;
    if ('bytes' in task) task.out = spareOut.pop();
    if (local !== undefined) {
      absorb('units' in task ? countBatchPacked(local, task) : { ...countLineBytesPacked(local, task), input: task.bytes }, n);
      return;
    }
    // Byte batches (and the spare result buffer) are moved to the worker, not copied.
    const transferList = 'bytes' in task ? [task.bytes.buffer as ArrayBuffer, ...(task.out !== undefined ? [task.out] : [])] : undefined;
    inflight.push({ p: pool!.run({ ...task, config: configText }, { transferList }) as Promise<CountWorkerResult>, n });
    while (inflight.length >= 2 * threads) {
      const first = inflight.shift()!;
      absorb(await first.p, first.n);
    }
  };

  try {
    const bytesPath = lineBatchesApply(corpus);
    if (bytesPath) {
      // Plain text, line units: raw byte batches, decoded by the counter (no strings in this thread).
      for await (const bytes of lineBatches({ ...corpus, onBytes: (b) => { bytesRead = b; } }, batchChars, alloc)) {
        checkAbort();
        await submit({ bytes });
      }
    }
    let batch: string[] = [];
    let size = 0;
    const rest = bytesPath ? [] : readCorpus({ ...corpus, onBytes: (b) => { bytesRead = b; } });
    for await (const chunk of rest) {
      checkAbort();
      for (const u of chunk) {
        batch.push(u);
        size += u.length;
        if (size >= batchChars) {
          await submit({ units: batch });
          batch = [];
          size = 0;
        }
      }
    }
    if (batch.length > 0) await submit({ units: batch });
    while (inflight.length > 0) {
      checkAbort();
      const first = inflight.shift()!;
      absorb(await first.p, first.n);
    }
    counts.trim();
    return counts;
  } finally {
    // Settle what is still running before tearing the pool down (avoids unhandled rejections).
    await Promise.allSettled(inflight.map((f) => f.p));
    await pool?.destroy();
  }
}

/** Counts the words of in-memory texts (each one unit) in this thread: for tests and small inputs. */
export function countTexts(texts: Iterable<string>, splitter: SplitterConfig, into = new WordCounts()): WordCounts {
  const s = createWordSplitter(splitter);
  into.addPacked(countBatchPacked(s, { units: [...texts] }));
  return into;
}
