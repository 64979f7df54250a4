/**
 * Hand-written scanner for the o200k_base pattern (also gpt-oss's tokenizer.json Split regex):
 *
 *     A1 [^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?
 *     A2 [^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?
 *     A3 \p{N}{1,3}
 *     A4  ?[^\s\p{L}\p{N}]+[\r\n/]*
 *     A5 \s*[\r\n]+    A6 \s+(?!\S)    A7 \s+
 *
 * UP = upper class [\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}], LO = lower class [\p{Ll}\p{Lm}\p{Lo}\p{M}]; they
 * overlap in Lm, Lo and M. Exact backtracking of A1 from a start s: `UP*` first takes the maximal UP
 * run [s, u). If the code point at u is LO (then it is Ll), `LO+` takes the LO run from u. Otherwise
 * `UP*` gives back code points until one is LO: the match ends right after the LAST LO code point of
 * [s, u) (the code points after it are Lu/Lt, not LO). If the run has no LO code point, A1 fails and
 * A2 matches [s, u) (its `LO*` is empty at u). Both take an optional contraction (any case) after.
 *
 * The optional prefix `[^\r\n\p{L}\p{N}]` is any code point but CR, LF, a letter or a number, so it
 * includes whitespace, symbols and MARKS. Order of attempts at pos with prefix candidate c:
 * A1 after c, A1 from c, A2 after c, A2 from c. "From c" only matters when c is a mark (then it is
 * both UP and LO): A1 from c always succeeds, so when A1 after c fails the piece is c plus an
 * optional contraction (e.g. U+0301 + "AB" is U+0301 | AB, and U+0301 + "'s" is one piece).
 */
import { BMP_CLASSES, CL, CLO, CM, CN, CUP, CWS, PAIR, classAt, contractionEndCI, digitsEnd, runWith, runWithout, whitespaceEndNL } from './char-classes.js';
import type { PieceScanner } from './types.js';

export const O200K_PATTERN =
  "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]*[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?|" +
  "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]+[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?|" +
  "\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n/]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";

/** Module-local alias: cheaper to load in optimized code than an imported binding. */
const T = BMP_CLASSES;

/** e plus an optional case-insensitive contraction at e. */
function withContraction(text: string, e: number): number {
  if (text.charCodeAt(e) === 0x27) {
    const c = contractionEndCI(text, e);
    if (c > 0) return c;
  }
  return e;
}

/**
 * A1 (then A2 if `allowA2`) starting at s, without prefix: the end of the match, or -1.
 */
function letters(text: string, s: number, n: number, allowA2: boolean): number {
  let u = s;
  let afterLastLO = -1;
  let k = 0;
  while (u < n) {
    const c = text.charCodeAt(u);
    k = (c & 0xf800) !== 0xd800 ? T[c]! : classAt(text, u);
    if ((k & CUP) === 0) break;
    u += k & PAIR ? 2 : 1;
    if (k & CLO) afterLastLO = u;
  }
  let e: number;
  if (u < n && k & CLO) e = runWith(text, u + (k & PAIR ? 2 : 1), n, CLO); // the code point at u is Ll
  else if (afterLastLO >= 0) e = afterLastLO;
  else if (allowA2 && u > s) e = u;
  else return -1;
  return withContraction(text, e);
}

function trailing(text: string, e: number, n: number): number {
  while (e < n) {
    const c = text.charCodeAt(e);
    if (c !== 0x0a && c !== 0x0d && c !== 0x2f) break;
    e++;
  }
  return e;
}

export const o200kScanner: PieceScanner = (text, pos) => {
  const n = text.length;
  const c = text.charCodeAt(pos);
  const k = (c & 0xf800) !== 0xd800 ? T[c]! : classAt(text, pos);
  if (k & CL) return letters(text, pos, n, true);
  if (k & CN) return digitsEnd(text, pos, n, 3);
  if (c === 0x0a || c === 0x0d) return whitespaceEndNL(text, pos, n);
  // c can be the prefix [^\r\n\p{L}\p{N}].
  const s1 = pos + (k & PAIR ? 2 : 1);
  let k1 = 0;
  if (s1 < n) {
    const c1 = text.charCodeAt(s1);
    k1 = (c1 & 0xf800) !== 0xd800 ? T[c1]! : classAt(text, s1);
  }
  if (k1 & (CUP | CLO)) {
    const e = letters(text, s1, n, (k & CM) === 0);
    if (e >= 0) return e;
  }
  if (k & CM) return withContraction(text, s1); // A1 from the mark itself
  if ((k & CWS) === 0) return trailing(text, runWithout(text, s1, n, CL | CN | CWS), n);
  if (c === 0x20 && s1 < n && (k1 & (CL | CN | CWS)) === 0) return trailing(text, runWithout(text, s1, n, CL | CN | CWS), n);
  return whitespaceEndNL(text, pos, n);
};
