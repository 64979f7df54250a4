/**
 * Pre-tokenization piece scanners: hand-written, allocation-free equivalents of the tiktoken patterns,
 * and a regex-port fallback for any other pattern.
 *
 *     const scan = scannerFor(pat); // = scannerForPattern(pat) ?? regexScanner(pat)
 *     for (let pos = 0; pos < text.length; ) { const end = scan(text, pos); ...; pos = end; }
 */
import { CL100K_PATTERN, CL100K_POSSESSIVE_PATTERN, QWEN2_PATTERN, cl100kPossessiveScanner, cl100kScanner, makeCl100kScanner } from './cl100k.js';
import { O200K_PATTERN, o200kScanner } from './o200k.js';
import { R50K_PATTERN, R50K_POSSESSIVE_PATTERN, r50kScanner } from './r50k.js';
import { regexScanner } from './regex-scanner.js';
import type { PieceScanner } from './types.js';

export type { PieceScanner } from './types.js';
export { r50kScanner, R50K_PATTERN, R50K_POSSESSIVE_PATTERN } from './r50k.js';
export { cl100kScanner, cl100kPossessiveScanner, makeCl100kScanner, CL100K_PATTERN, CL100K_POSSESSIVE_PATTERN, QWEN2_PATTERN } from './cl100k.js';
export { o200kScanner, O200K_PATTERN } from './o200k.js';
export { regexScanner, compilePattern, portPattern, type PortOptions, type PortedPattern, type Tables } from './regex-scanner.js';
export { CHAR_CLASSES_LOAD_MS } from './char-classes.js';

const qwen2Scanner = makeCl100kScanner(1);

/**
 * Hand-written scanners by exact pattern string: the `tiktoken` npm registry's gpt2/r50k_base/
 * p50k_base/p50k_edit, cl100k_base (= Llama-3's tokenizer.json Split regex) and o200k_base (=
 * gpt-oss's); Python tiktoken's possessive r50k/cl100k strings; Qwen2/3's single-digit cl100k.
 */
const BY_PATTERN = new Map<string, PieceScanner>([
  [R50K_PATTERN, r50kScanner],
  [CL100K_PATTERN, cl100kScanner],
  [O200K_PATTERN, o200kScanner],
  [QWEN2_PATTERN, qwen2Scanner],
  [R50K_POSSESSIVE_PATTERN, r50kScanner],
  [CL100K_POSSESSIVE_PATTERN, cl100kPossessiveScanner],
]);

/** The hand-written scanner for exactly this pattern string, or undefined (use regexScanner then). */
export function scannerForPattern(pattern: string): PieceScanner | undefined {
  return BY_PATTERN.get(pattern);
}

/** Scanners of the tiktoken encodings by name. */
export const TIKTOKEN_SCANNERS: Readonly<Record<string, PieceScanner>> = {
  gpt2: r50kScanner,
  r50k_base: r50kScanner,
  p50k_base: r50kScanner,
  p50k_edit: r50kScanner,
  cl100k_base: cl100kScanner,
  o200k_base: o200kScanner,
};

/**
 * The hand-written scanner for `pattern` if there is one, else its regex port (regexScanner: slower,
 * allocates a match per piece; throws TokenlabError for a pattern the port does not support).
 */
export function scannerFor(pattern: string): PieceScanner {
  return scannerForPattern(pattern) ?? regexScanner(pattern);
}
