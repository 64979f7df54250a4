/**
 * Incremental re-encoding for tiktoken encodings (an editor, a playground, a chat box counting as the
 * user types): the text is cut at "hard" boundaries, each chunk is encoded on its own and cached by
 * its content, so an edit re-encodes only the chunk it touches (about 1–2 KB) instead of the whole text.
 *
 *     const inc = new IncrementalEncoder(getEncoding('o200k_base'));
 *     inc.encode(text);            // { ids, offsets } — equal to encodeWithOffsets(text)
 *     inc.encode(editedText);      // re-encodes only the chunks that changed
 *
 * A hard boundary is a position i with text[i-1] = '\n' and text[i] neither whitespace nor '/' (o200k's
 * ` ?[^\s\p{L}\p{N}]+[\r\n/]*` runs on from newlines into slashes), where for
 * patterns without the `\s*[\r\n]+` alternative (r50k, p50k) also text[i-2] is not whitespace. No
 * pre-tokenizer piece of the built-in patterns crosses such a position (no alternative continues from
 * a newline into a non-space character), and the pieces before it do not change when the text is cut
 * there: the patterns have no look-behind, and their one look-ahead, `\s+(?!\S)`, is either preceded
 * by `\s*[\r\n]+` (cl100k, o200k: a whitespace run ending in a newline is one piece either way) or
 * sees a lone '\n' after a non-space character (r50k, p50k: the piece is that '\n' either way; a run
 * such as "\n\n" would split differently, hence the stricter rule). No special token contains '\n'.
 * So the concatenation of the chunks' encodings equals the encoding of the whole text;
 * test/tiktoken/incremental-encoder.test.ts checks it against `encodeWithOffsets` on UDHR texts and
 * random strings for every encoding. The argument holds for the built-in patterns only: with any other
 * pattern the text is one chunk (exact, no gain).
 *
 * Cost: O(n) to find chunks and look them up; encoding work is O(size of changed chunks). A text with
 * no hard boundary (one long line) is one chunk: no gain, no loss.
 */

import { CL100K_PATTERN, O200K_PATTERN, R50K_PATTERN } from '../../pretokenize/scanners/index.js';

/** Patterns for which the chunking argument above was made. */
const CHUNKABLE = new Set([R50K_PATTERN, CL100K_PATTERN, O200K_PATTERN]);

/** What the cache needs from an encoding: `TiktokenEncoding.encodeWithOffsets` fits. */
export interface OffsetEncoder {
  readonly pattern: string;
  encodeWithOffsets(text: string, opts?: object): { ids: number[]; offsets: [number, number][] };
}

export interface ChunkTokens {
  ids: number[];
  offsets: [number, number][];
}

const WS = /[\s\p{White_Space}]/u;

function isSpace(ch: string | undefined): boolean {
  return ch === undefined || WS.test(ch);
}

/** True when a whitespace run ending in newlines is always one piece (the pattern has `\s*[\r\n]+`). */
export function newlineRunsArePieces(pattern: string): boolean {
  return pattern.includes('\\s*[\\r\\n]+');
}

/**
 * Chunk start positions (always starting with 0) at hard boundaries; chunks are at least `minChunk`
 * UTF-16 units except the last.
 */
export function chunkStarts(text: string, minChunk = 1024, newlineRuns = false): number[] {
  const starts = [0];
  let last = 0;
  let i = text.indexOf('\n', minChunk - 1);
  while (i !== -1) {
    const b = i + 1;
    if (b - last >= minChunk && b < text.length && !isSpace(text[b]) && text[b] !== '/' && (newlineRuns || (i > 0 && !isSpace(text[i - 1])))) {
      starts.push(b);
      last = b;
      i = text.indexOf('\n', b + minChunk - 1);
    } else {
      i = text.indexOf('\n', i + 1);
    }
  }
  return starts;
}

/** Per-encoding cache of chunk encodings; keeps the chunks of the last two texts. */
export class IncrementalEncoder {
  private current = new Map<string, ChunkTokens>();
  private previous = new Map<string, ChunkTokens>();
  /** Chunks encoded (cache misses) by the last `encode` call. */
  lastMisses = 0;

  private readonly newlineRuns: boolean;
  private readonly chunkable: boolean;

  /** `opts`: the `encodeWithOffsets` options (special tokens) used for every chunk. */
  constructor(private readonly enc: OffsetEncoder, private readonly opts: object = {}, private readonly minChunk = 1024) {
    this.newlineRuns = newlineRunsArePieces(enc.pattern);
    this.chunkable = CHUNKABLE.has(enc.pattern);
  }

  encode(text: string): ChunkTokens {
    const starts = this.chunkable ? chunkStarts(text, this.minChunk, this.newlineRuns) : [0];
    this.previous = this.current;
    this.current = new Map();
    this.lastMisses = 0;
    const ids: number[] = [];
    const offsets: [number, number][] = [];
    for (let c = 0; c < starts.length; c++) {
      const from = starts[c]!;
      const chunk = text.slice(from, c + 1 < starts.length ? starts[c + 1] : text.length);
      let tokens = this.current.get(chunk) ?? this.previous.get(chunk);
      if (!tokens) {
        tokens = this.enc.encodeWithOffsets(chunk, this.opts);
        this.lastMisses++;
      }
      this.current.set(chunk, tokens);
      for (let t = 0; t < tokens.ids.length; t++) {
        ids.push(tokens.ids[t]!);
        const o = tokens.offsets[t]!;
        offsets.push([o[0] + from, o[1] + from]);
      }
    }
    return { ids, offsets };
  }
}
