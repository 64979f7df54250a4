/**
 * CLI input/output helpers: read text from a file or stdin (UTF-8, with a documented policy for
 * invalid bytes), stream JSON-lines input, and write output without partial files.
 */
import { readFileSync, writeFileSync, renameSync, createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { TokenlabError } from '../src/core/errors.js';
import { findInvalidUtf8 } from '../src/util/utf8.js';

export { findInvalidUtf8 };

export interface ReadOptions {
  /** Reject invalid UTF-8 instead of replacing it with U+FFFD. */
  strictUtf8?: boolean;
}

/** Reads a whole input (file path, or stdin when path is undefined or '-'). */
export function readInputBytes(path: string | undefined): Buffer {
  const name = path === undefined || path === '-' ? '/dev/stdin' : path;
  try {
    return readFileSync(name === '/dev/stdin' ? 0 : name);
  } catch (e) {
    throw new TokenlabError(`cannot read input: ${(e as Error).message}`, { file: path ?? 'stdin' });
  }
}

/**
 * Decodes UTF-8. Invalid sequences become U+FFFD (what tiktoken's own file handling and every
 * byte-level tokenizer that takes text does); with strictUtf8 they are an error naming the byte offset.
 * Returns the text and the offset of the first invalid byte (or -1), so callers can warn.
 */
export function decodeUtf8(bytes: Uint8Array, source: string, opts: ReadOptions = {}): { text: string; firstInvalid: number } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), firstInvalid: -1 };
  } catch {
    const firstInvalid = findInvalidUtf8(bytes);
    if (opts.strictUtf8) throw new TokenlabError('invalid UTF-8', { file: source, byteOffset: firstInvalid });
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), firstInvalid };
  }
}

/** Iterates the lines of a file or stdin without loading it whole; yields [lineNumber, line]. */
export async function* readLines(path: string | undefined): AsyncGenerator<[number, string]> {
  const stream = path === undefined || path === '-' ? process.stdin : createReadStream(path);
  const rl = createInterface({ input: stream, crlfDelay: Infinity });
  let n = 0;
  for await (const line of rl) {
    n++;
    yield [n, line];
  }
}

/** Buffered stdout writer that respects back-pressure. */
export class OutputBuffer {
  private parts: string[] = [];
  private size = 0;

  async write(s: string): Promise<void> {
    this.parts.push(s);
    this.size += s.length;
    if (this.size > 1 << 16) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (!process.stdout.write(chunk)) await new Promise<void>((r) => process.stdout.once('drain', r));
  }
}

/** Writes a file atomically: to a temporary name beside it, then renamed over the target. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

/** Parses a JSON-lines line, naming the line on error. */
export function parseJsonLine(line: string, lineNumber: number, source: string): unknown {
  try {
    return JSON.parse(line);
  } catch (e) {
    throw new TokenlabError(`not valid JSON (${(e as Error).message})`, { file: source, line: lineNumber });
  }
}
