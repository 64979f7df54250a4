/**
 * §6.2 step 4 for a word-count trainer: each counted word is replaced by its constituents, each
 * counted as a word of its own with the word's count, so no trained token can span a constituent
 * boundary. A word's leading marker (Metaspace `▁`, or the space byte-level BPE keeps) stays on the
 * first constituent, as it does on the whole word. Byte-level words are decoded to text for the
 * splitter and each constituent re-encoded; constituents are whole characters, so the byte-level
 * constituents concatenate back to the byte-level word.
 */
import { TokenlabError } from '../../../core/errors.js';
import { CHAR_TO_BYTE } from '../../../pretokenize/byte-level-alphabet.js';
import { WordCounts } from '../../counting/word-counts.js';
import { toByteLevel } from '../../counting/word-splitter.js';
import type { CompoundSplitter } from './compound-splitter.js';

/** How counted words map to plain text and back. */
export interface WordCodec {
  decode(word: string): string;
  encode(text: string): string;
}

export const PLAIN_CODEC: WordCodec = { decode: (w) => w, encode: (t) => t };

const utf8 = new TextDecoder('utf-8', { fatal: true });

export const BYTE_LEVEL_CODEC: WordCodec = {
  decode(word: string): string {
    const bytes = new Uint8Array(word.length);
    for (let i = 0; i < word.length; i++) {
      const b = CHAR_TO_BYTE.get(word[i]!);
      if (b === undefined) throw new TokenlabError(`word ${JSON.stringify(word)} is not byte-level text (char ${JSON.stringify(word[i])})`);
      bytes[i] = b;
    }
    return utf8.decode(bytes);
  },
  encode: toByteLevel,
};

/** A word as marker (leading whitespace / `▁`) + core. */
function splitMarker(text: string): [string, string] {
  const m = /^[\s\u2581]*/u.exec(text)!;
  return [m[0], text.slice(m[0].length)];
}

/** The constituents of one counted word (in the codec's alphabet); `[word]` when it is no compound. */
export function wordConstituents(word: string, splitter: CompoundSplitter, codec: WordCodec): string[] {
  let text: string;
  try {
    text = codec.decode(word);
  } catch {
    return [word]; // a byte-level piece that is not whole UTF-8 (cannot come from text splitting, but stay safe)
  }
  const [marker, core] = splitMarker(text);
  if (core === '') return [word];
  const parts = splitter.split(core);
  if (parts.length < 2) return [word];
  return parts.map((p, i) => codec.encode(i === 0 ? marker + p : p));
}

export interface DecompoundStats {
  /** Distinct words split, and their occurrences. */
  splitWords: number;
  splitOccurrences: number;
}

/** Splits every counted word; `signal` is checked every few thousand words (Ctrl-C stops cleanly). */
export function decompoundCounts(counts: WordCounts, splitter: CompoundSplitter, codec: WordCodec, signal?: AbortSignal): { counts: WordCounts; stats: DecompoundStats } {
  const out = new WordCounts();
  const stats: DecompoundStats = { splitWords: 0, splitOccurrences: 0 };
  let seen = 0;
  for (const [word, n] of counts.sortedEntries()) {
    if ((++seen & 4095) === 0 && signal?.aborted === true) throw new TokenlabError('training interrupted');
    const parts = wordConstituents(word, splitter, codec);
    if (parts.length > 1) {
      stats.splitWords++;
      stats.splitOccurrences += n;
    }
    for (const p of parts) out.add(p, n);
  }
  return { counts: out, stats };
}
