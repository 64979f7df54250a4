/**
 * Worker-thread entry for parallel replay (parallel-replay.ts): receives a ReplayTask, posts progress
 * messages, then the CategoryReplay with its typed arrays transferred (no copy).
 */
import { parentPort } from 'node:worker_threads';
import { runReplayTask, type ReplayTask } from './replay-task.js';

parentPort?.once('message', (task: ReplayTask) => {
  runReplayTask(task, (p) => parentPort!.postMessage({ kind: 'progress', progress: p }))
    .then((r) => {
      parentPort!.postMessage({ kind: 'done', replay: r }, [r.pairKeys, r.initialCounts, r.stepStart, r.diffPair, r.diffDelta].map((a) => a.buffer as ArrayBuffer));
    })
    .catch((e: unknown) => {
      parentPort!.postMessage({ kind: 'error', message: e instanceof Error ? e.message : String(e), tokenlab: e instanceof Error && e.name === 'TokenlabError' });
    });
});
