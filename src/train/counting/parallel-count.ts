/**
 * Parallel, streaming word counting: the main thread reads the corpus (corpus-reader.ts) and cuts it
 * into batches of about `batchChars` UTF-16 units; a tinypool worker pool normalizes, pre-tokenizes and
 * counts each batch (count-worker.ts); the main thread sums the per-batch counts (a sum, so exact and
 * independent of thread timing; results are merged in submission order, so even insertion order is
 * reproducible).
 *
 * Memory: O(distinct words) + `2 × threads` batches in flight. Back-pressure: reading pauses while
 * that many batches are queued.
 * Performance notes: per-batch maps (not one map per worker) keep the protocol stateless; the merge
 * costs O(distinct words per batch), small next to splitting the batch. `threads <= 1` counts in
 * this thread with the same batch code (no workers), which is what tests use.
 */
import { availableParallelism } from 'node:os';
import Tinypool from 'tinypool';
import { TokenlabError } from '../../core/errors.js';
import { countBatch, type CountTask, type CountTaskResult } from './count-batch.js';
import { listCorpusFiles, readCorpus, type CorpusOptions } from './corpus-reader.js';
import { createWordSplitter, type SplitterConfig } from './word-splitter.js';
import { WordCounts } from './word-counts.js';

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
  /** Target batch size in UTF-16 units (default 2^20). */
  batchChars?: number;
  onProgress?: (p: CountProgress) => void;
  signal?: AbortSignal;
  /** Add into these counts (merging with counts loaded earlier). */
  into?: WordCounts;
}

/** Below this total input size the default is to count in the calling thread. */
export const SMALL_INPUT_BYTES = 16 << 20;

export function defaultThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

/** The worker module; under tsx (running from .ts sources) a data: URL shim registers tsx in the worker first. */
function workerFilename(): string {
  const self = import.meta.url;
  const ext = self.endsWith('.ts') ? '.ts' : '.js';
  const target = new URL(`./count-worker${ext}`, self).href;
  if (ext === '.js') return target;
  const tsx = import.meta.resolve('tsx/esm/api');
  const code = `import { register } from ${JSON.stringify(tsx)}; register(); const m = await import(${JSON.stringify(target)}); export default m.default;`;
  return 'data:text/javascript,' + encodeURIComponent(code);
}

export async function countCorpusWords(corpus: CorpusOptions, splitter: SplitterConfig, opts: CountOptions = {}): Promise<WordCounts> {
  const batchChars = opts.batchChars ?? 1 << 20;
  const counts = opts.into ?? new WordCounts();
  const bytesTotal = listCorpusFiles(corpus).reduce((s, f) => s + f.size, 0);
  const threads = opts.threads ?? (bytesTotal < SMALL_INPUT_BYTES ? 1 : defaultThreads());
  let bytesRead = 0;
  let units = 0;
  const report = (): void => opts.onProgress?.({ phase: 'count', bytesRead, bytesTotal, units, distinct: counts.size });
  const absorb = (r: CountTaskResult, n: number): void => {
    for (let i = 0; i < r.words.length; i++) counts.add(r.words[i]!, r.counts[i]!);
    units += n;
    report();
  };
  const checkAbort = (): void => {
    if (opts.signal?.aborted) throw new TokenlabError('word counting was interrupted');
  };

  const local = threads <= 1 ? createWordSplitter(splitter) : undefined;
  const pool = local === undefined
    ? new Tinypool({ filename: workerFilename(), maxThreads: threads, minThreads: threads, idleTimeout: 1000 })
    : undefined;
  const configText = JSON.stringify(splitter);
  const inflight: { p: Promise<CountTaskResult>; n: number }[] = [];
  const submit = async (task: CountTask): Promise<void> => {
    if (local !== undefined) {
      absorb(countBatch(local, task), task.units.length);
      return;
    }
    inflight.push({ p: pool!.run({ ...task, config: configText }) as Promise<CountTaskResult>, n: task.units.length });
    while (inflight.length >= 2 * threads) {
      const first = inflight.shift()!;
      absorb(await first.p, first.n);
    }
  };

  try {
    let batch: string[] = [];
    let size = 0;
    for await (const chunk of readCorpus({ ...corpus, onBytes: (b) => { bytesRead = b; } })) {
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
  const r = countBatch(s, { units: [...texts] });
  for (let i = 0; i < r.words.length; i++) into.add(r.words[i]!, r.counts[i]!);
  return into;
}
