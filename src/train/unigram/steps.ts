/**
 * The Unigram trainer's long steps are generators that `yield` between chunks of work. `runSync`
 * runs one to the end (the synchronous `Trainer` contract, tests); `runAsync` gives the event loop a
 * turn at every yield, so that Ctrl-C (the CLI's SIGINT handler aborting `control.signal`) is seen
 * within one chunk, and then stops with a TokenlabError.
 */
import { TokenlabError } from '../../core/errors.js';
import type { TrainControl } from '../trainer.js';

export type Steps<T> = Generator<void, T, void>;

export function runSync<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done === true) return r.value;
  }
}

export async function runAsync<T>(steps: Steps<T>, control: TrainControl = {}): Promise<T> {
  for (;;) {
    if (control.signal?.aborted) throw new TokenlabError('training was interrupted');
    const r = steps.next();
    if (r.done === true) return r.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
