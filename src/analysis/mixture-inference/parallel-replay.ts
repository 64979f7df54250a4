/**
 * Replays the merges on every category, one worker thread per category, at most `threads` at once
 * (each worker holds one category's words and diffs; the main thread only collects the results).
 * `threads <= 0` runs the tasks one after another in this thread (tests, small samples).
 * Under tsx (running from .ts sources) the worker is started through a data: URL shim that registers
 * tsx first, as src/train/counting does.
 */
import { Worker } from 'node:worker_threads';
import { TokenlabError } from '../../core/errors.js';
import { checkSource, type CategorySource } from './category-source.js';
import type { MergeList } from './merge-list.js';
import type { SplitterSpec } from './piece-splitter.js';
import { runReplayTask, type ReplayProgress } from './replay-task.js';
import type { CategoryReplay } from './replay.js';

export interface ParallelReplayOptions {
  threads?: number;
  onProgress?: (category: number, p: ReplayProgress) => void;
}

function workerUrl(): URL {
  const self = import.meta.url;
  const ext = self.endsWith('.ts') ? '.ts' : '.js';
  const target = new URL(`./replay-worker${ext}`, self).href;
  if (ext === '.js') return new URL(target);
  const tsx = import.meta.resolve('tsx/esm/api');
  const code = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(target)});`;
  return new URL('data:text/javascript,' + encodeURIComponent(code));
}

function runInWorker(url: URL, source: CategorySource, splitter: SplitterSpec, merges: MergeList, onProgress: (p: ReplayProgress) => void): Promise<CategoryReplay> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(url);
    let settled = false;
    worker.on('message', (m: { kind: string; progress?: ReplayProgress; replay?: CategoryReplay; message?: string; tokenlab?: boolean }) => {
      if (m.kind === 'progress') onProgress(m.progress!);
      else if (m.kind === 'done') {
        settled = true;
        resolve(m.replay!);
        void worker.terminate();
      } else if (m.kind === 'error') {
        settled = true;
        reject(m.tokenlab ? new TokenlabError(m.message!) : new Error(m.message));
        void worker.terminate();
      }
    });
    worker.on('error', (e) => {
      if (!settled) reject(e);
      settled = true;
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`replay worker for ${source.name} exited with code ${code}`));
    });
    worker.postMessage({ source, splitter, merges: { left: merges.left, right: merges.right, result: merges.result, symbols: [], length: merges.length } });
  });
}

export async function replayCategories(sources: readonly CategorySource[], splitter: SplitterSpec, merges: MergeList, opts: ParallelReplayOptions = {}): Promise<CategoryReplay[]> {
  sources.forEach(checkSource);
  const threads = opts.threads ?? 2;
  const report = (i: number) => (p: ReplayProgress): void => opts.onProgress?.(i, p);
  const out: CategoryReplay[] = new Array(sources.length);
  if (threads <= 0) {
    for (let i = 0; i < sources.length; i++) out[i] = await runReplayTask({ source: sources[i]!, splitter, merges }, report(i));
    return out;
  }
  const url = workerUrl();
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < sources.length) {
      const i = next++;
      out[i] = await runInWorker(url, sources[i]!, splitter, merges, report(i));
    }
  };
  await Promise.all(Array.from({ length: Math.min(threads, sources.length) }, lane));
  return out;
}
