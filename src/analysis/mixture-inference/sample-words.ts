/**
 * Word counts of a category sample: pre-tokenize text units (lines or documents), count each distinct
 * piece, then turn every distinct piece into its UTF-8 bytes (the base symbols of byte-level BPE).
 * Pieces are counted as strings and encoded once per distinct piece, not once per occurrence.
 * `maxBytes` stops reading after that many UTF-8 bytes of input (the sample-size knob).
 */
import { createPieceSplitter, type SplitterSpec } from './piece-splitter.js';
import type { ReplayInput } from './replay.js';

export class SampleWordCounter {
  private readonly counts = new Map<string, number>();
  private readonly split: ReturnType<typeof createPieceSplitter>;
  /** UTF-8 bytes of text added so far. */
  bytes = 0;

  constructor(spec: SplitterSpec, private readonly maxBytes = Infinity) {
    this.split = createPieceSplitter(spec);
  }

  /** False once the byte budget is used up (the unit that crosses it is still counted whole). */
  get open(): boolean {
    return this.bytes < this.maxBytes;
  }

  addUnit(text: string): void {
    if (!this.open) return;
    this.bytes += Buffer.byteLength(text, 'utf8');
    const counts = this.counts;
    this.split(text, (t, s, e) => {
      const piece = t.slice(s, e);
      counts.set(piece, (counts.get(piece) ?? 0) + 1);
    });
  }

  /** Adds a text cut into lines (the newline stays with each line, as a file read whole would split). */
  addText(text: string): void {
    let pos = 0;
    while (pos < text.length && this.open) {
      let nl = text.indexOf('\n', pos);
      nl = nl < 0 ? text.length : nl + 1;
      this.addUnit(text.slice(pos, nl));
      pos = nl;
    }
  }

  /** Byte-symbol words and counts, in a deterministic order (by piece, code-unit order). */
  finish(): ReplayInput {
    const enc = new TextEncoder();
    const keys = [...this.counts.keys()].sort();
    const words: Int32Array[] = [];
    const counts = new Float64Array(keys.length);
    let totalBytes = 0;
    keys.forEach((k, i) => {
      const b = enc.encode(k);
      words.push(Int32Array.from(b));
      const c = this.counts.get(k)!;
      counts[i] = c;
      totalBytes += b.length * c;
    });
    return { words, counts, totalBytes };
  }
}
