/**
 * Code-point classes for the pre-tokenization scanners, as tiktoken's Rust regex sees them.
 *
 * The data is generated (generated/char-classes.ts, by scripts/gen-char-classes.ts, which probes the
 * tiktoken WASM regex for every code point); this module decodes it once at load into:
 *   - BMP_CLASSES: a Uint8Array(0x10000) of class bits, indexed by UTF-16 code unit. Surrogate units
 *     have class 0, which is exactly how a LONE surrogate must behave (tiktoken sees U+FFFD, a symbol);
 *   - a two-stage table for U+10000..U+10FFFF (256-code-point blocks; uniform blocks shared);
 *   - the runs themselves (sorted starts + kinds), for kindOf() and for building regex classes.
 *
 * Class bits (a code point can have several):
 *   CL  \p{L}                          CN  \p{N}             CWS  \s (Rust: Unicode White_Space)
 *   CUP [\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]  CLO [\p{Ll}\p{Lm}\p{Lo}\p{M}]  CM  \p{M}
 * PAIR is not a class: classAt() sets it when the code point at i is a surrogate pair (width 2).
 *
 * Also here: the allocation-free run helpers the scanners share (runWith, runWithout, digitsEnd,
 * contractionEnd[CI], whitespaceEndNL, whitespaceTail).
 */
import { KIND_RUNS, KIND_RUN_COUNT, RUN_ALPHABET } from './generated/char-classes.js';

export const CL = 1;
export const CN = 2;
export const CWS = 4;
export const CUP = 8;
export const CLO = 16;
export const CM = 32;
export const PAIR = 64;

/** Kinds (indices of KIND_NAMES in the generated file). */
export const K_OTHER = 0, K_LU = 1, K_LL = 2, K_LT = 3, K_LM = 4, K_LO = 5, K_M = 6, K_ND = 7, K_NL = 8, K_NO = 9, K_WS = 10;

/** Class bits of each kind. */
export const KIND_CLASSES: readonly number[] = [
  0, // other
  CL | CUP, // Lu
  CL | CLO, // Ll
  CL | CUP, // Lt
  CL | CUP | CLO, // Lm
  CL | CUP | CLO, // Lo
  CM | CUP | CLO, // M
  CN, CN, CN, // Nd Nl No
  CWS, // White_Space
];

const MAX = 0x110000;
const t0 = performance.now();

// ---- decode the runs ----
const RUN_STARTS = new Int32Array(KIND_RUN_COUNT + 1);
const RUN_KINDS = new Uint8Array(KIND_RUN_COUNT);
{
  const digit = new Int8Array(128).fill(-1);
  for (let i = 0; i < RUN_ALPHABET.length; i++) digit[RUN_ALPHABET.charCodeAt(i)] = i;
  let cp = 0;
  let r = 0;
  let v = 0;
  let scale = 1;
  for (let i = 0; i < KIND_RUNS.length; i++) {
    const d = digit[KIND_RUNS.charCodeAt(i)]!;
    if (d < 0) throw new Error('char-classes: corrupt KIND_RUNS');
    v += (d & 31) * scale;
    if (d >= 32) { scale *= 32; continue; }
    RUN_STARTS[r] = cp;
    RUN_KINDS[r] = v % 16;
    cp += Math.floor(v / 16) + 1;
    r++;
    v = 0;
    scale = 1;
  }
  if (r !== KIND_RUN_COUNT || cp !== MAX) throw new Error('char-classes: corrupt KIND_RUNS');
  RUN_STARTS[r] = MAX;
}

// ---- BMP: one byte per code unit ----
export const BMP_CLASSES = new Uint8Array(0x10000);
let firstAstralRun = 0;
for (let r = 0; r < KIND_RUN_COUNT; r++) {
  const start = RUN_STARTS[r]!;
  if (start >= 0x10000) break;
  firstAstralRun = r;
  const bits = KIND_CLASSES[RUN_KINDS[r]!]!;
  if (bits !== 0) BMP_CLASSES.fill(bits, start, Math.min(RUN_STARTS[r + 1]!, 0x10000));
}

// ---- astral: two-stage table of 256-code-point blocks ----
const BLOCKS = (MAX - 0x10000) >> 8;
const ASTRAL_INDEX = new Uint16Array(BLOCKS);
let ASTRAL_DATA: Uint8Array;
{
  const kinds = KIND_CLASSES.length;
  // Pass 1: which blocks are uniform (one run covers them)? Uniform block of kind k is stage-2 block k.
  let r = firstAstralRun;
  let mixed = 0;
  for (let b = 0; b < BLOCKS; b++) {
    const lo = 0x10000 + (b << 8);
    while (RUN_STARTS[r + 1]! <= lo) r++;
    if (RUN_STARTS[r + 1]! >= lo + 256) ASTRAL_INDEX[b] = RUN_KINDS[r]!;
    else ASTRAL_INDEX[b] = kinds + mixed++;
  }
  ASTRAL_DATA = new Uint8Array((kinds + mixed) << 8);
  for (let k = 0; k < kinds; k++) ASTRAL_DATA.fill(KIND_CLASSES[k]!, k << 8, (k + 1) << 8);
  // Pass 2: fill the mixed blocks.
  r = firstAstralRun;
  for (let b = 0; b < BLOCKS; b++) {
    if (ASTRAL_INDEX[b]! < kinds) continue;
    const lo = 0x10000 + (b << 8);
    const base = ASTRAL_INDEX[b]! << 8;
    while (RUN_STARTS[r + 1]! <= lo) r++;
    for (let q = r; RUN_STARTS[q]! < lo + 256; q++) {
      const from = Math.max(RUN_STARTS[q]!, lo) - lo;
      const to = Math.min(RUN_STARTS[q + 1]!, lo + 256) - lo;
      ASTRAL_DATA.fill(KIND_CLASSES[RUN_KINDS[q]!]!, base + from, base + to);
    }
  }
}

/** Milliseconds this module took to decode its tables at load (reported by the benchmark). */
export const CHAR_CLASSES_LOAD_MS = performance.now() - t0;

/** Class bits of a supplementary code point (0x10000 <= cp <= 0x10FFFF). */
export function astralClass(cp: number): number {
  return ASTRAL_DATA[(ASTRAL_INDEX[(cp - 0x10000) >> 8]! << 8) | (cp & 0xff)]!;
}

/** Class bits of any code point (a surrogate code point, i.e. a lone surrogate, is 0 like U+FFFD). */
export function classOf(cp: number): number {
  return cp < 0x10000 ? BMP_CLASSES[cp]! : astralClass(cp);
}

/**
 * Class bits of the code point at UTF-16 index i (i < text.length), plus PAIR if it is a surrogate
 * pair (so it is 2 units wide). A lone surrogate is class 0, 1 unit wide.
 */
export function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if ((c & 0xf800) !== 0xd800) return BMP_CLASSES[c]!;
  if (c < 0xdc00) {
    const d = text.charCodeAt(i + 1); // NaN past the end: fails the test below
    if ((d & 0xfc00) === 0xdc00) return astralClass(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000) | PAIR;
  }
  return 0;
}

/** Kind of a code point (index into KIND_NAMES; surrogates are K_OTHER). */
export function kindOf(cp: number): number {
  let lo = 0;
  let hi = KIND_RUN_COUNT - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (RUN_STARTS[mid]! <= cp) lo = mid;
    else hi = mid - 1;
  }
  return RUN_KINDS[lo]!;
}

/**
 * The code points whose kind is in `kinds` (a bit set: bit k for kind k), as sorted, merged inclusive
 * ranges [first, last]. Used to write regex classes that follow tiktoken's tables instead of Node's.
 */
export function rangesOfKinds(kinds: number): [number, number][] {
  const out: [number, number][] = [];
  for (let r = 0; r < KIND_RUN_COUNT; r++) {
    if (((kinds >> RUN_KINDS[r]!) & 1) === 0) continue;
    const first = RUN_STARTS[r]!;
    const last = RUN_STARTS[r + 1]! - 1;
    const prev = out[out.length - 1];
    if (prev && prev[1] === first - 1) prev[1] = last;
    else out.push([first, last]);
  }
  return out;
}

// ---- run helpers shared by the scanners (allocation-free, hot path) ----

/** End of the run, starting at i, of code points whose class has some bit of `mask` (PAIR excluded). */
export function runWith(text: string, i: number, n: number, mask: number): number {
  while (i < n) {
    const c = text.charCodeAt(i);
    if ((c & 0xf800) !== 0xd800) {
      if ((BMP_CLASSES[c]! & mask) === 0) return i;
      i++;
    } else {
      const k = classAt(text, i);
      if ((k & mask) === 0) return i;
      i += k & PAIR ? 2 : 1;
    }
  }
  return i;
}

/**
 * End of the run, starting at i, of code points whose class has NO bit of `mask`. Lone surrogates
 * (class 0) belong to such a run, one unit each.
 */
export function runWithout(text: string, i: number, n: number, mask: number): number {
  while (i < n) {
    const c = text.charCodeAt(i);
    if ((c & 0xf800) !== 0xd800) {
      if ((BMP_CLASSES[c]! & mask) !== 0) return i;
      i++;
    } else {
      const k = classAt(text, i);
      if ((k & mask) !== 0) return i;
      i += k & PAIR ? 2 : 1;
    }
  }
  return i;
}

/** End of up to `max` consecutive \p{N} code points from i (i itself must be \p{N}). */
export function digitsEnd(text: string, i: number, n: number, max: number): number {
  for (let count = 0; count < max && i < n; count++) {
    const k = classAt(text, i);
    if ((k & CN) === 0) break;
    i += k & PAIR ? 2 : 1;
  }
  return i;
}

/**
 * End of `'s|'t|'re|'ve|'m|'ll|'d` at i, case-sensitive (GPT-2), or -1. The caller checked text[i] is '.
 */
export function contractionEnd(text: string, i: number): number {
  switch (text.charCodeAt(i + 1)) {
    case 0x73: case 0x74: case 0x6d: case 0x64: // s t m d
      return i + 2;
    case 0x72: case 0x76: // r v
      return text.charCodeAt(i + 2) === 0x65 ? i + 3 : -1;
    case 0x6c: // l
      return text.charCodeAt(i + 2) === 0x6c ? i + 3 : -1;
  }
  return -1;
}

/**
 * End of `(?i:'s|'t|'re|'ve|'m|'ll|'d)` at i, or -1. The caller checked text[i] is '. Rust's simple
 * case folding adds U+017F LATIN SMALL LETTER LONG S to s/S (asserted by scripts/gen-char-classes.ts).
 */
export function contractionEndCI(text: string, i: number): number {
  switch (text.charCodeAt(i + 1)) {
    case 0x73: case 0x53: case 0x17f: // s S ſ
    case 0x74: case 0x54: // t T
    case 0x6d: case 0x4d: // m M
    case 0x64: case 0x44: // d D
      return i + 2;
    case 0x72: case 0x52: case 0x76: case 0x56: { // r R v V, then e E
      const b = text.charCodeAt(i + 2);
      return b === 0x65 || b === 0x45 ? i + 3 : -1;
    }
    case 0x6c: case 0x4c: { // l L, then l L
      const b = text.charCodeAt(i + 2);
      return b === 0x6c || b === 0x4c ? i + 3 : -1;
    }
  }
  return -1;
}

/**
 * The whitespace alternatives of cl100k/o200k at i (text[i] is \s): `\s*[\r\n]+|\s+(?!\S)|\s+`.
 * All White_Space characters are in the BMP, so the run is scanned by code unit.
 */
export function whitespaceEndNL(text: string, i: number, n: number): number {
  let e = i;
  let afterNL = -1;
  while (e < n) {
    const c = text.charCodeAt(e);
    if (c === 0x0a || c === 0x0d) afterNL = e + 1;
    else if ((BMP_CLASSES[c]! & CWS) === 0) break;
    e++;
  }
  // \s*[\r\n]+ : \s* backtracks to the last CR/LF of the run; [\r\n]+ then ends right after it.
  if (afterNL >= 0) return afterNL;
  return whitespaceTail(i, e, n);
}

/** `\s+(?!\S)|\s+` for a whitespace run [i, e): all of it at the end of text, else all but the last. */
export function whitespaceTail(i: number, e: number, n: number): number {
  if (e === n) return n;
  return e - i >= 2 ? e - 1 : i + 1;
}
