/**
 * Hand-written scanner for the cl100k_base pattern (also Llama-3's tokenizer.json Split regex)
 *
 *     (?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+
 *
 * and its one-digit variant (Qwen2/Qwen3: `\p{N}` instead of `\p{N}{1,3}`), with Rust semantics.
 * At `pos`, with c the code point there:
 *   1. ' followed by a contraction (any case; s also matches U+017F);
 *   2. c a letter: the letter run. c any other non-CR/LF, non-number (space, tab, symbol, mark, emoji,
 *      lone surrogate...) followed by a letter: c plus the letter run;
 *   3. c a number: up to `maxDigits` numbers;
 *   4. c a symbol, or c a space before a symbol: the symbol run, then any CR/LF run;
 *   5. c whitespace: if the whitespace run holds a CR or LF, up to and including the last one
 *      (`\s*` backtracks to it); else as `\s+(?!\S)|\s+` (see r50k.ts).
 */
import { BMP_CLASSES, CL, CN, CWS, PAIR, classAt, contractionEndCI, digitsEnd, runWith, runWithout, whitespaceEndNL } from './char-classes.js';
import type { PieceScanner } from './types.js';

export const CL100K_PATTERN =
  "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
/**
 * cl100k_base as Python tiktoken (tiktoken_ext/openai_public.py) writes it, with possessive quantifiers.
 * Not the same pieces as CL100K_PATTERN: see makeCl100kScanner's `wsRunToEnd`.
 */
export const CL100K_POSSESSIVE_PATTERN =
  "'(?i:[sdmt]|ll|ve|re)|[^\\r\\n\\p{L}\\p{N}]?+\\p{L}++|\\p{N}{1,3}+| ?[^\\s\\p{L}\\p{N}]++[\\r\\n]*+|\\s++$|\\s*[\\r\\n]|\\s+(?!\\S)|\\s";
/** Qwen2 / Qwen2.5 / Qwen3 tokenizer.json: cl100k with single digits. */
export const QWEN2_PATTERN =
  "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";

function crlfRun(text: string, e: number, n: number): number {
  while (e < n) {
    const c = text.charCodeAt(e);
    if (c !== 0x0a && c !== 0x0d) break;
    e++;
  }
  return e;
}

/** Module-local alias: cheaper to load in optimized code than an imported binding. */
const T = BMP_CLASSES;

/**
 * The cl100k scanner with `\p{N}{1,maxDigits}` as its number alternative. With `wsRunToEnd`, a
 * whitespace run that reaches the end of the text is one piece even if it holds a CR/LF (Python
 * tiktoken's possessive pattern has `\s++$` BEFORE `\s*[\r\n]`): "a\n  " is "a" | "\n  " there but
 * "a" | "\n" | "  " with the registry pattern.
 */
export function makeCl100kScanner(maxDigits: number, wsRunToEnd = false): PieceScanner {
  return (text, pos) => {
    const n = text.length;
    const c = text.charCodeAt(pos);
    if (c === 0x27) {
      const e = contractionEndCI(text, pos);
      if (e > 0) return e;
    }
    const k = (c & 0xf800) !== 0xd800 ? T[c]! : classAt(text, pos);
    const s1 = pos + (k & PAIR ? 2 : 1); // after c
    if (k & CL) return runWith(text, s1, n, CL);
    if (k & CN) return digitsEnd(text, pos, n, maxDigits);
    if (s1 < n && c !== 0x0a && c !== 0x0d) {
      // c can be the optional [^\r\n\p{L}\p{N}] before letters.
      const c1 = text.charCodeAt(s1);
      const k1 = (c1 & 0xf800) !== 0xd800 ? T[c1]! : classAt(text, s1);
      if (k1 & CL) return runWith(text, s1 + (k1 & PAIR ? 2 : 1), n, CL);
      // ` ?[^\s\p{L}\p{N}]+[\r\n]*`: c a symbol, or a space before one.
      if ((k & CWS) === 0) return crlfRun(text, runWithout(text, s1, n, CL | CN | CWS), n);
      if (c === 0x20 && (k1 & (CN | CWS)) === 0) return crlfRun(text, runWithout(text, s1 + (k1 & PAIR ? 2 : 1), n, CL | CN | CWS), n);
    } else if ((k & CWS) === 0) {
      return s1; // a symbol at the end of the text
    }
    if (wsRunToEnd && runWith(text, pos + 1, n, CWS) === n) return n;
    return whitespaceEndNL(text, pos, n);
  };
}

export const cl100kScanner: PieceScanner = makeCl100kScanner(3);
/** For CL100K_POSSESSIVE_PATTERN (Python tiktoken's cl100k_base string). */
export const cl100kPossessiveScanner: PieceScanner = makeCl100kScanner(3, true);
