/**
 * Pre-tokenization for replay: how a category sample is cut into the words BPE merges act inside.
 * A plain-data spec (safe to post to a worker) and the splitter built from it.
 *
 * Supported, enough for byte-level BPE tokenizers (GPT-2, cl100k, o200k, Llama-3, HF-trained
 * ByteLevel models): a chain of regex splits (Isolated: matches and the gaps between them are
 * pieces), digit splits, and an optional prefix space (ByteLevel add_prefix_space). Each stage
 * re-splits every piece of the previous one, as HF pre-tokenizer sequences do. Regexes use the
 * hand-written scanner for known patterns, else the regex port (src/pretokenize/scanners).
 * Complexity: O(text length) per stage (plus the regex engine's cost for ported patterns).
 */
import { scannerFor, type PieceScanner } from '../../pretokenize/scanners/index.js';

export type SplitStage = { type: 'regex'; pattern: string } | { type: 'digits'; individual: boolean };

export interface SplitterSpec {
  stages: SplitStage[];
  /** Prepend a space to each text unit that does not start with one (ByteLevel add_prefix_space). */
  prefixSpace?: boolean;
}

export type PieceSink = (text: string, start: number, end: number) => void;

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function stageSplitter(stage: SplitStage): (text: string, start: number, end: number, sink: PieceSink) => void {
  if (stage.type === 'regex') {
    const scan: PieceScanner = scannerFor(stage.pattern);
    return (text, start, end, sink) => {
      if (start === 0 && end === text.length) {
        for (let pos = 0; pos < end; ) {
          const e = scan(text, pos);
          sink(text, pos, e);
          pos = e;
        }
        return;
      }
      const sub = text.slice(start, end);
      for (let pos = 0; pos < sub.length; ) {
        const e = scan(sub, pos);
        sink(sub, pos, e);
        pos = e;
      }
    };
  }
  const individual = stage.individual;
  // HF Digits: runs of ASCII digits (each digit alone if individual) are isolated from the rest.
  return (text, start, end, sink) => {
    let pos = start;
    while (pos < end) {
      const digit = isDigit(text.charCodeAt(pos));
      let e = pos + 1;
      if (!(digit && individual)) while (e < end && isDigit(text.charCodeAt(e)) === digit) e++;
      sink(text, pos, e);
      pos = e;
    }
  };
}

/** Calls `sink` with every piece of `text`, in order. */
export function createPieceSplitter(spec: SplitterSpec): (text: string, sink: PieceSink) => void {
  const stages = spec.stages.map(stageSplitter);
  const prefix = spec.prefixSpace === true;
  const run = (k: number, text: string, start: number, end: number, sink: PieceSink): void => {
    if (k === stages.length) {
      sink(text, start, end);
      return;
    }
    stages[k]!(text, start, end, (t, s, e) => run(k + 1, t, s, e, sink));
  };
  return (text, sink) => {
    const t = prefix && text.length > 0 && text[0] !== ' ' ? ' ' + text : text;
    if (t.length > 0) run(0, t, 0, t.length, sink);
  };
}
