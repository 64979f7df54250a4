/** The page's side of the worker protocol: sends requests, routes answers to one listener. */
import type { FromWorker, ToWorker } from '../worker/protocol.js';

export class WorkerClient {
  private readonly worker: Worker;

  constructor(onMessage: (m: FromWorker) => void) {
    this.worker = new Worker(new URL('../worker/tokenize-worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (e: MessageEvent<FromWorker>) => onMessage(e.data);
    this.worker.onerror = (e) => console.error('tokenizer worker failed:', e.message);
  }

  send(m: ToWorker): void {
    this.worker.postMessage(m);
  }
}
