/**
 * Where a category's sample text comes from: inline texts (e.g. embedded UDHR declarations) and/or
 * files read as a stream of lines. Plain data, so it can be posted to a worker thread.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { TokenlabError } from '../../core/errors.js';
import type { SampleWordCounter } from './sample-words.js';

export interface CategorySource {
  name: string;
  texts?: string[];
  files?: string[];
  /** Stop after this many UTF-8 bytes of sample text. */
  maxBytes?: number;
}

/** Checks that every file exists before any work starts (errors name the category and the file). */
export function checkSource(src: CategorySource): void {
  for (const f of src.files ?? []) {
    if (!existsSync(f) || !statSync(f).isFile()) throw new TokenlabError(`sample file of category ${JSON.stringify(src.name)} not found`, { file: f });
  }
  if ((src.texts?.length ?? 0) === 0 && (src.files?.length ?? 0) === 0) {
    throw new TokenlabError(`category ${JSON.stringify(src.name)} has no sample text`);
  }
}

/** Feeds the source's text into `counter`, line by line (newline kept), until its budget is used. */
export async function feedSource(src: CategorySource, counter: SampleWordCounter): Promise<void> {
  for (const t of src.texts ?? []) {
    if (!counter.open) return;
    counter.addText(t);
  }
  for (const f of src.files ?? []) {
    if (!counter.open) return;
    const stream = createReadStream(f, { encoding: 'utf8' });
    const lines = createInterface({ input: stream, crlfDelay: Infinity });
    try {
      for await (const line of lines) {
        counter.addUnit(line + '\n');
        if (!counter.open) break;
      }
    } finally {
      lines.close();
      stream.destroy();
    }
  }
}
