/**
 * Hand-written scanner for the GPT-2 / r50k_base / p50k_base pattern
 *
 *     's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+
 *
 * with Rust semantics (\s = White_Space, lone surrogate = U+FFFD, tiktoken's Unicode tables).
 * Alternatives, in the order the regex tries them at `pos`:
 *   1. a lower-case contraction;
 *   2-4. an optional space, then a maximal run of letters / numbers / symbols (`[^\s\p{L}\p{N}]`). The
 *      space is taken only if the next code point starts such a run; a space before whitespace (or at
 *      the end) is left to the whitespace alternatives;
 *   5-6. a whitespace run: all of it if it reaches the end of the text; otherwise `\s+(?!\S)`
 *      backtracks one character so the last one can lead the next word; a single whitespace character
 *      before a non-space is `\s+` alone.
 */
import { BMP_CLASSES, CL, CN, CWS, PAIR, classAt, contractionEnd, runWith, runWithout, whitespaceTail } from './char-classes.js';
import type { PieceScanner } from './types.js';

export const R50K_PATTERN = "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+";
/**
 * r50k_base as Python tiktoken writes it (possessive, `\s++$|\s+(?!\S)|\s`): the same pieces as
 * R50K_PATTERN (a whitespace run reaching the end is one piece under both).
 */
export const R50K_POSSESSIVE_PATTERN = "'(?:[sdmt]|ll|ve|re)| ?\\p{L}++| ?\\p{N}++| ?[^\\s\\p{L}\\p{N}]++|\\s++$|\\s+(?!\\S)|\\s";

/** Module-local alias: cheaper to load in optimized code than an imported binding. */
const T = BMP_CLASSES;

export const r50kScanner: PieceScanner = (text, pos) => {
  const n = text.length;
  const c = text.charCodeAt(pos);
  if (c === 0x27) {
    const e = contractionEnd(text, pos);
    if (e > 0) return e;
  }
  let start = pos;
  let k = (c & 0xf800) !== 0xd800 ? T[c]! : classAt(text, pos);
  if (c === 0x20 && pos + 1 < n) {
    const c1 = text.charCodeAt(pos + 1);
    const k1 = (c1 & 0xf800) !== 0xd800 ? T[c1]! : classAt(text, pos + 1);
    if ((k1 & CWS) === 0) {
      start = pos + 1;
      k = k1;
    }
  }
  // Runs restart after the first code point, whose class is known (its width is 2 if PAIR).
  const next = start + (k & PAIR ? 2 : 1);
  if (k & CL) return runWith(text, next, n, CL);
  if (k & CN) return runWith(text, next, n, CN);
  if ((k & CWS) === 0) return runWithout(text, next, n, CL | CN | CWS);
  return whitespaceTail(pos, runWith(text, pos + 1, n, CWS), n);
};
