/**
 * Plain-text line corpora as raw byte batches: each batch is whole lines (cut after a `\n` byte, or
 * at the end of a file), about `batchBytes` long. A worker decodes a batch and splits it into lines
 * itself, so the reading thread makes no strings at all.
 *
 * Why it equals readCorpus (`unit: 'line'`): 0x0A never occurs inside a UTF-8 sequence, so decoding
 * each batch alone (invalid bytes -> U+FFFD, BOM kept) gives the same text as decoding the file as a
 * stream, and the lines are the same. Only for uncompressed text files with line units
 * (`lineBatchesApply`); everything else goes through readCorpus.
 * Memory: one batch being filled plus what the caller keeps in flight.
 */
import { open } from 'node:fs/promises';
import { TokenlabError } from '../../core/errors.js';
import { listCorpusFiles, type CorpusOptions } from './corpus-reader.js';

export function lineBatchesApply(corpus: CorpusOptions): boolean {
  return (corpus.unit ?? 'line') === 'line' && listCorpusFiles(corpus).every((f) => f.format === 'text' && !f.gzip);
}

/**
 * Yields the corpus as batches of whole lines. Each batch is a view at the start of its own buffer,
 * from `alloc(minBytes)` (default: a new one), so the consumer may transfer or recycle it.
 */
export async function* lineBatches(corpus: CorpusOptions, batchBytes: number, alloc: (minBytes: number) => Uint8Array = (n) => new Uint8Array(n)): AsyncGenerator<Uint8Array> {
  let before = 0;
  for (const f of listCorpusFiles(corpus)) {
    let fh;
    try {
      fh = await open(f.path, 'r');
    } catch (e) {
      throw new TokenlabError(`cannot read corpus file: ${(e as Error).message}`, { file: f.path });
    }
    try {
      let buf = alloc(batchBytes);
      let used = 0;
      let read = 0;
      for (;;) {
        if (used === buf.length) {
          // One line longer than the buffer: grow until it holds a line end.
          const b = alloc(buf.length * 2); b.set(buf); buf = b;
        }
        const { bytesRead } = await fh.read(buf, used, buf.length - used, null);
        if (bytesRead === 0) break;
        read += bytesRead;
        corpus.onBytes?.(before + read);
        const end = used + bytesRead;
        const nl = buf.lastIndexOf(0x0a, end - 1);
        if (nl < used) {
          // No line end yet (the bytes before `used` hold none): read on.
          used = end;
          continue;
        }
        const next = alloc(Math.max(batchBytes, end - nl - 1));
        next.set(buf.subarray(nl + 1, end));
        yield buf.subarray(0, nl + 1);
        buf = next;
        used = end - nl - 1;
      }
      if (used > 0) yield buf.subarray(0, used);
    } catch (e) {
      if (e instanceof TokenlabError) throw e;
      throw new TokenlabError(`cannot read corpus file: ${(e as Error).message}`, { file: f.path });
    } finally {
      await fh.close();
    }
    before += f.size;
    corpus.onBytes?.(before);
  }
}

/**
 * Calls `unit` with each line of a batch (with its line end), decoding it as readCorpus does.
 * The batch is decoded in pieces of about `DECODE_PIECE` bytes cut after a line end: a piece's
 * string then stays in V8's young generation (strings over ~128 KB go to large-object space and
 * live until a full GC: one dead batch string per batch made the counting workers' heaps grow).
 */
export function forEachLine(batch: Uint8Array, unit: (line: string) => void, pieceBytes = DECODE_PIECE): number {
  let n = 0;
  for (let from = 0; from < batch.length; ) {
    let to = from + pieceBytes;
    if (to >= batch.length) to = batch.length;
    else {
      const nl = batch.lastIndexOf(0x0a, to - 1);
      to = nl >= from ? nl + 1 : Math.max(to, batch.indexOf(0x0a, to) + 1 || batch.length);
    }
    const text = DECODER.decode(batch.subarray(from, to));
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      unit(text.slice(start, nl + 1));
      start = nl + 1;
      n++;
    }
    if (start < text.length) {
      unit(text.slice(start));
      n++;
    }
    from = to;
  }
  return n;
}

const DECODE_PIECE = 1 << 15;
const DECODER = new TextDecoder('utf-8', { ignoreBOM: true });
