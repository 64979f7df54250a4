/**
 * A Pattern backed by a hand-written piece scanner (src/pretokenize/scanners/, another module):
 * used by Split and ByteLevel when the regex is a known tiktoken-style pattern, much faster than
 * the translated RegExp. Scanners follow Rust-regex semantics, so they are only used where
 * Oniguruma (HF's engine) agrees: no `$` (a line anchor in Oniguruma, end of text in Rust) and no
 * `{n,m}+` (repetition in Oniguruma, possessive in Rust). Those patterns tile the text, so every
 * piece is a match.
 */
import type { MatchList, Pattern } from '../core/normalized-string.js';
import { scannerForPattern, type PieceScanner } from './scanners/index.js';

export class ScannerPattern implements Pattern {
  constructor(readonly scan: PieceScanner) {}
  findMatches(text: string): MatchList {
    if (text.length === 0) return [[0, 0, false]];
    const out: MatchList = [];
    for (let pos = 0; pos < text.length; ) {
      const end = this.scan(text, pos);
      out.push([pos, end, true]);
      pos = end;
    }
    return out;
  }
}

/** A scanner-backed pattern for `regex` when one exists and its semantics match HF's. */
export function scannerPatternFor(regex: string): ScannerPattern | undefined {
  // A counted repetition followed by `+` (`{1,3}+`), not a property class followed by one (`\p{L}+`).
  if (regex.includes('$') || /\{\d+(?:,\d*)?\}\+/.test(regex)) return undefined;
  const scan = scannerForPattern(regex);
  return scan === undefined ? undefined : new ScannerPattern(scan);
}
