/**
 * Streaming corpus reader for training: text files, directories (recursively, sorted, hidden entries
 * skipped), JSON-lines files with a text field, each optionally gzip-compressed (`.gz`).
 *
 * Units ("sequences" in HF terms: a token never spans two of them):
 * - `line`: each line *with* its `\n` (or `\r\n`), as HF's file training does (spec §1.1 step 1). For
 *   JSONL the field's text is split into lines the same way.
 * - `document`: a whole text file, or one JSONL record's field, is one unit.
 *
 * Memory: O(read chunk + one unit); a `document` unit of a plain text file is the whole file.
 * Invalid UTF-8 is decoded to U+FFFD (as every byte-level trainer that takes text does).
 * Progress is reported as bytes read from disk (compressed bytes for `.gz`) against the total file size.
 */
import { createReadStream, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createGunzip } from 'node:zlib';
import { TokenlabError } from '../../core/errors.js';

export type CorpusUnit = 'line' | 'document';
export type CorpusFormat = 'auto' | 'text' | 'jsonl';

export interface CorpusOptions {
  /** Files or directories. */
  inputs: string[];
  /** `auto`: `.jsonl`/`.ndjson` (optionally `.gz`) are JSON lines, everything else text. */
  format?: CorpusFormat;
  /** JSONL field holding the text; dotted paths reach nested objects (`meta.text`). Default `text`. */
  jsonField?: string;
  unit?: CorpusUnit;
  /** Called with the number of bytes read so far (all files). */
  onBytes?: (bytesRead: number) => void;
}

export interface CorpusFile {
  path: string;
  size: number;
  format: 'text' | 'jsonl';
  gzip: boolean;
}

/** Expands inputs into the ordered list of files to read, with their formats and sizes. */
export function listCorpusFiles(opts: Pick<CorpusOptions, 'inputs' | 'format'>): CorpusFile[] {
  const out: CorpusFile[] = [];
  const visit = (p: string): void => {
    let st;
    try {
      st = statSync(p);
    } catch (e) {
      throw new TokenlabError(`cannot read corpus input: ${(e as Error).message}`, { file: p });
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) if (!name.startsWith('.')) visit(join(p, name));
      return;
    }
    if (!st.isFile()) return;
    const gzip = p.endsWith('.gz');
    const base = gzip ? p.slice(0, -3) : p;
    const fmt = opts.format ?? 'auto';
    const format = fmt === 'auto' ? (/\.(jsonl|ndjson)$/i.test(base) ? 'jsonl' : 'text') : fmt;
    out.push({ path: p, size: st.size, format, gzip });
  };
  if (opts.inputs.length === 0) throw new TokenlabError('no corpus input given');
  for (const p of opts.inputs) visit(p);
  return out;
}

/**
 * Yields batches of units (arrays, one per read chunk, to keep per-unit overhead low), file by file
 * in `listCorpusFiles` order. The concatenation of all batches is the unit sequence.
 */
export async function* readCorpus(opts: CorpusOptions): AsyncGenerator<string[]> {
  const files = listCorpusFiles(opts);
  const unit = opts.unit ?? 'line';
  const field = (opts.jsonField ?? 'text').split('.');
  let bytesBefore = 0;
  for (const f of files) {
    const onBytes = opts.onBytes ? (n: number) => opts.onBytes!(bytesBefore + n) : undefined;
    if (f.format === 'jsonl') yield* readJsonl(f, field, unit, onBytes);
    else yield* readText(f, unit, onBytes);
    bytesBefore += f.size;
    opts.onBytes?.(bytesBefore);
  }
}

/** Decoded text chunks of one file. */
async function* textChunks(f: CorpusFile, onBytes?: (n: number) => void): AsyncGenerator<string> {
  const raw = createReadStream(f.path, { highWaterMark: 1 << 20 });
  let read = 0;
  raw.on('data', (b) => {
    read += (b as Buffer).length;
    onBytes?.(read);
  });
  const stream = f.gzip ? raw.pipe(createGunzip()) : raw;
  raw.on('error', (e) => stream.destroy(e));
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  try {
    for await (const chunk of stream) {
      const s = decoder.decode(chunk as Buffer, { stream: true });
      if (s.length > 0) yield s;
    }
  } catch (e) {
    throw new TokenlabError(`cannot read corpus file: ${(e as Error).message}`, { file: f.path });
  }
  const tail = decoder.decode();
  if (tail.length > 0) yield tail;
}

/** Lines of a file with their line ends; batches per chunk. */
async function* linesOf(f: CorpusFile, onBytes?: (n: number) => void): AsyncGenerator<string[]> {
  let carry = '';
  for await (const chunk of textChunks(f, onBytes)) {
    const text = carry + chunk;
    const batch: string[] = [];
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      batch.push(text.slice(start, nl + 1));
      start = nl + 1;
    }
    carry = text.slice(start);
    if (batch.length > 0) yield batch;
  }
  if (carry.length > 0) yield [carry];
}

async function* readText(f: CorpusFile, unit: CorpusUnit, onBytes?: (n: number) => void): AsyncGenerator<string[]> {
  if (unit === 'line') {
    yield* linesOf(f, onBytes);
    return;
  }
  let doc = '';
  for await (const chunk of textChunks(f, onBytes)) doc += chunk;
  if (doc.length > 0) yield [doc];
}

async function* readJsonl(f: CorpusFile, field: string[], unit: CorpusUnit, onBytes?: (n: number) => void): AsyncGenerator<string[]> {
  let lineNo = 0;
  for await (const lines of linesOf(f, onBytes)) {
    const batch: string[] = [];
    for (const line of lines) {
      lineNo++;
      if (line.trim() === '') continue;
      const text = jsonField(line, field, { file: f.path, line: lineNo });
      if (unit === 'document') {
        if (text.length > 0) batch.push(text);
        continue;
      }
      let start = 0;
      for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
        batch.push(text.slice(start, nl + 1));
        start = nl + 1;
      }
      if (start < text.length) batch.push(text.slice(start));
    }
    if (batch.length > 0) yield batch;
  }
}

function jsonField(line: string, field: string[], where: { file: string; line: number }): string {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch (e) {
    throw new TokenlabError(`invalid JSON: ${(e as Error).message}`, where);
  }
  for (const key of field) {
    if (v === null || typeof v !== 'object' || !(key in (v as object))) {
      throw new TokenlabError(`record has no field "${field.join('.')}" (choose one with --json-field)`, where);
    }
    v = (v as Record<string, unknown>)[key];
  }
  if (typeof v !== 'string') throw new TokenlabError(`field "${field.join('.')}" is not a string`, where);
  return v;
}
