/**
 * Regenerates src/pretokenize/scanners/generated/char-classes.ts: the code-point class table behind the
 * hand-written pre-tokenization scanners and the regex port.
 *
 *     node --import tsx scripts/gen-char-classes.ts           # write the file
 *     node --import tsx scripts/gen-char-classes.ts --check   # exit 1 if the file is stale
 *     node --import tsx scripts/gen-char-classes.ts --hf      # also compare with HF tokenizers (~15 s)
 *
 * WHAT IT COMPUTES. One "kind" per code point, 0..0x10FFFF:
 *   0 other, 1 Lu, 2 Ll, 3 Lt, 4 Lm, 5 Lo, 6 M (Mn|Mc|Me), 7 Nd, 8 Nl, 9 No, 10 White_Space.
 * These are disjoint (asserted below) and every property the tiktoken patterns use is a union of them:
 * \p{L} = 1..5, \p{N} = 7..9, \p{M} = 6, \s = 10, [\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}] = {1,3,4,5,6},
 * [\p{Ll}\p{Lm}\p{Lo}\p{M}] = {2,4,5,6}. Surrogates D800..DFFF are kind 0, like U+FFFD: tiktoken's
 * JS/WASM build turns a lone surrogate into U+FFFD (So) before its regex sees it.
 *
 * WHERE THE TRUTH COMES FROM. The reference is tiktoken (Rust `fancy-regex` 0.11 delegating to `regex`
 * 1.11 / `regex-syntax` 0.8.5 inside the `tiktoken` npm package's WASM), not Node. So for every
 * property the script asks BOTH engines about every Unicode scalar value:
 *   - Node: `/\p{Lu}/gu` etc. over chunks of all code points (`\p{White_Space}` for \s, since JS `\s`
 *     differs from Rust's: JS has U+FEFF and lacks U+0085).
 *   - tiktoken: a custom `Tiktoken` whose vocabulary is the 256 single bytes (rank = byte value) and
 *     whose pattern is just `\p{Lu}` (resp. `\p{Ll}`, ..., `\s`). tiktoken's encode_ordinary emits only
 *     the regex MATCHES (gaps are dropped), each piece as its bytes, so encoding a chunk of all code
 *     points returns exactly the UTF-8 of the code points in the class. ~0.5 s per property.
 *     The combined classes \p{L} and \p{N} are probed too and checked against the unions.
 * The emitted table is tiktoken's answer for every code point; Node's answer is only used to report
 * (and record, in NODE_DIFFS) where the two disagree.
 *
 * FINDINGS (Node 20.20.2 = ICU 78.2 = Unicode 17.0; tiktoken 1.0.22 = regex-syntax 0.8.5,
 * whose tables turn out to be Unicode 16.0: every Unicode 16.0 addition, e.g. Garay U+10D4A, is
 * classified alike by both). 4,700 code points differ, in 41 ranges, all of them Unicode 17.0 changes:
 *   - 4,699 characters new in Unicode 17.0 that Node classifies as letters/marks/numbers and tiktoken as
 *     unassigned (kind 0, so a symbol for the patterns): Lo 4,584 (CJK Ext. J U+323B0..U+33479, Tangut
 *     Components Supplement U+18D80..U+18DF2, Sidetic U+10940.., Tolong Siki U+11DB0.., Tai Yo
 *     U+1E6C0.., CJK additions U+2B73A.., U+2CEA2.., ...), M 42, Lu 28, Ll 26, Nd 10, Lm 6, Nl 3;
 *   - U+0295 LATIN LETTER PHARYNGEAL VOICED FRICATIVE, recategorised Ll -> Lo in Unicode 17.0: tiktoken
 *     still says Ll. This one matters for o200k (Ll is lower-class only, Lo is both classes).
 * The script prints this summary; the exact ranges are NODE_DIFFS in the generated file
 * ([first, last, nodeKind, tiktokenKind]). The table follows tiktoken, so e.g. "a\u{323B0}a" is split
 * into the pieces "a" + "\u{323B0}a" under cl100k, as tiktoken splits it, not one letter run as Node's
 * \p{L} would say. Confirmed end to end with the published cl100k_base / o200k_base patterns in
 * test/pretokenize/scanners.test.ts ("tiktoken reference": the real WASM regex run over strings that
 * contain these characters, its pieces recovered through a vocabulary holding every substring).
 *
 * HF TOKENIZERS. tokenizer.json files (Llama-3, gpt-oss, Qwen) run the same patterns through HF
 * tokenizers' Split, i.e. Oniguruma. `--hf` also probes the `tokenizers` npm binding (0.23.2) for the
 * six classes the scanners use (Split(class, Removed) + a WordLevel [UNK] model: the pieces that are
 * left are the code points NOT in the class): 0 differences with tiktoken's table.
 *
 * CASE FOLDING. The contraction groups `(?i:'s|'t|'re|'ve|'m|'ll|'d)` use Rust's simple case folding.
 * The script probes `(?i:s)`, `(?i:t)`, ... over all code points and asserts the result the scanners
 * hard-code: each ASCII letter and its other case, plus U+017F LATIN SMALL LETTER LONG S for `s`.
 *
 * ENCODING OF THE TABLE (decoded once at load by src/pretokenize/scanners/char-classes.ts). The kinds
 * are run-length encoded from U+0000 to U+10FFFF: each run (length L >= 1, kind K < 16) becomes the
 * number v = (L - 1) * 16 + K, written little-endian in base 32 with one character per digit; a digit
 * d is written as RUN_ALPHABET[d] if it is the last digit of v, else RUN_ALPHABET[32 + d].
 */
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, mkdirSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

const MAX = 0x110000;
const KIND_NAMES = ['other', 'Lu', 'Ll', 'Lt', 'Lm', 'Lo', 'M', 'Nd', 'Nl', 'No', 'White_Space'] as const;
/** Property per kind 1..10, as written in a JS `\p{}` (Node side) and a Rust pattern (tiktoken side). */
const PROPS: { kind: number; js: string; rust: string }[] = [
  { kind: 1, js: '\\p{Lu}', rust: '\\p{Lu}' },
  { kind: 2, js: '\\p{Ll}', rust: '\\p{Ll}' },
  { kind: 3, js: '\\p{Lt}', rust: '\\p{Lt}' },
  { kind: 4, js: '\\p{Lm}', rust: '\\p{Lm}' },
  { kind: 5, js: '\\p{Lo}', rust: '\\p{Lo}' },
  { kind: 6, js: '\\p{M}', rust: '\\p{M}' },
  { kind: 7, js: '\\p{Nd}', rust: '\\p{Nd}' },
  { kind: 8, js: '\\p{Nl}', rust: '\\p{Nl}' },
  { kind: 9, js: '\\p{No}', rust: '\\p{No}' },
  { kind: 10, js: '\\p{White_Space}', rust: '\\s' },
];
const RUN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const CHUNK = 0x10000;

function isSurrogate(cp: number): boolean { return cp >= 0xd800 && cp <= 0xdfff; }

/** The code points of [start, start + CHUNK) (surrogates skipped) as one string. */
function chunkString(start: number): string {
  const parts: string[] = [];
  for (let cp = start; cp < Math.min(start + CHUNK, MAX); cp++) if (!isSurrogate(cp)) parts.push(String.fromCodePoint(cp));
  return parts.join('');
}
const CHUNKS: string[] = [];
for (let s = 0; s < MAX; s += CHUNK) CHUNKS.push(chunkString(s));

function nodeMembers(jsClass: string): Uint8Array {
  const out = new Uint8Array(MAX);
  const re = new RegExp(jsClass, 'gu');
  for (const chunk of CHUNKS) for (const m of chunk.matchAll(re)) out[m[0].codePointAt(0)!] = 1;
  return out;
}

interface TiktokenLike { encode_ordinary(text: string): Uint32Array; free(): void }
const { Tiktoken } = require('tiktoken/lite') as { Tiktoken: new (bfe: string, special: Record<string, number>, pat: string) => TiktokenLike };
const BYTE_VOCAB = Array.from({ length: 256 }, (_, b) => `${Buffer.from([b]).toString('base64')} ${b}`).join('\n');

function tiktokenMembers(rustPattern: string): Uint8Array {
  const out = new Uint8Array(MAX);
  const enc = new Tiktoken(BYTE_VOCAB, {}, rustPattern);
  try {
    for (const chunk of CHUNKS) {
      const bytes = Uint8Array.from(enc.encode_ordinary(chunk));
      for (const ch of Buffer.from(bytes).toString('utf8')) out[ch.codePointAt(0)!] = 1;
    }
  } finally { enc.free(); }
  return out;
}

function kindsFrom(members: (p: (typeof PROPS)[number]) => Uint8Array, who: string): Uint8Array {
  const kinds = new Uint8Array(MAX);
  for (const p of PROPS) {
    const m = members(p);
    for (let cp = 0; cp < MAX; cp++) {
      if (!m[cp]) continue;
      if (kinds[cp] !== 0) throw new Error(`${who}: U+${hex(cp)} is both ${KIND_NAMES[kinds[cp]!]} and ${KIND_NAMES[p.kind]}`);
      kinds[cp] = p.kind;
    }
  }
  return kinds;
}

function hex(cp: number): string { return cp.toString(16).toUpperCase().padStart(4, '0'); }

const t0 = performance.now();
const nodeKinds = kindsFrom((p) => nodeMembers(p.js), 'node');
const t1 = performance.now();
const ttKinds = kindsFrom((p) => tiktokenMembers(p.rust), 'tiktoken');
const t2 = performance.now();
console.error(`probed node in ${(t1 - t0).toFixed(0)} ms, tiktoken in ${(t2 - t1).toFixed(0)} ms`);

// Unions: tiktoken's \p{L} and \p{N} must be exactly the union of its subcategories.
for (const [pat, kinds] of [['\\p{L}', [1, 2, 3, 4, 5]], ['\\p{N}', [7, 8, 9]]] as const) {
  const m = tiktokenMembers(pat);
  for (let cp = 0; cp < MAX; cp++) {
    if ((m[cp] === 1) !== (kinds as readonly number[]).includes(ttKinds[cp]!)) throw new Error(`tiktoken ${pat} disagrees with its subcategories at U+${hex(cp)}`);
  }
}

// Case folding used by the contraction groups.
const FOLDS: Record<string, number[]> = {};
for (const letter of 'stmdrevl') {
  const m = tiktokenMembers(`(?i:${letter})`);
  const got: number[] = [];
  for (let cp = 0; cp < MAX; cp++) if (m[cp]) got.push(cp);
  FOLDS[letter] = got;
  const want = [letter.toUpperCase().charCodeAt(0), letter.charCodeAt(0)];
  if (letter === 's') want.push(0x17f);
  if (got.join() !== want.join()) throw new Error(`(?i:${letter}) matches ${got.map(hex).join(' ')}, the scanners assume ${want.map(hex).join(' ')}`);
}

// Differences between Node's classes and tiktoken's, as ranges of equal (nodeKind, tiktokenKind).
const diffs: [number, number, number, number][] = [];
let diffCount = 0;
for (let cp = 0; cp < MAX; cp++) {
  if (nodeKinds[cp] === ttKinds[cp]) continue;
  diffCount++;
  const last = diffs[diffs.length - 1];
  if (last && last[1] === cp - 1 && last[2] === nodeKinds[cp] && last[3] === ttKinds[cp]) last[1] = cp;
  else diffs.push([cp, cp, nodeKinds[cp]!, ttKinds[cp]!]);
}
const byPair = new Map<string, number>();
for (const [a, b, n, t] of diffs) {
  const key = `${KIND_NAMES[n]} -> ${KIND_NAMES[t]}`;
  byPair.set(key, (byPair.get(key) ?? 0) + b - a + 1);
}
console.error(`${diffCount} code points differ (node -> tiktoken) in ${diffs.length} ranges:`);
for (const [k, v] of [...byPair].sort((x, y) => y[1] - x[1])) console.error(`  ${k}: ${v}`);

// Optional: Oniguruma (HF tokenizers) against tiktoken, for the six scanner classes.
if (process.argv.includes('--hf')) {
  interface HfTokenizer { encode(t: string, p: null, o: { addSpecialTokens: boolean }): Promise<{ getOffsets(): [number, number][] }> }
  const { Tokenizer } = require('tokenizers') as { Tokenizer: { fromString(json: string): HfTokenizer } };
  const classes: [string, number[]][] = [
    ['\\p{L}', [1, 2, 3, 4, 5]], ['\\p{N}', [7, 8, 9]], ['\\s', [10]], ['\\p{M}', [6]],
    ['[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]', [1, 3, 4, 5, 6]], ['[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]', [2, 4, 5, 6]],
  ];
  for (const [pat, kinds] of classes) {
    const tok = Tokenizer.fromString(JSON.stringify({
      version: '1.0', truncation: null, padding: null, added_tokens: [], normalizer: null, post_processor: null, decoder: null,
      pre_tokenizer: { type: 'Split', pattern: { Regex: pat }, behavior: 'Removed', invert: false },
      model: { type: 'WordLevel', vocab: { '[UNK]': 0 }, unk_token: '[UNK]' },
    }));
    const inClass = new Uint8Array(MAX).fill(1);
    for (const chunk of CHUNKS) {
      const cps = Array.from(chunk, (ch) => ch.codePointAt(0)!);
      const enc = await tok.encode(chunk, null, { addSpecialTokens: false });
      for (const [a, b] of enc.getOffsets()) for (let i = a; i < b; i++) inClass[cps[i]!] = 0;
    }
    let differ = 0;
    for (let cp = 0; cp < MAX; cp++) if (!isSurrogate(cp) && (inClass[cp] === 1) !== kinds.includes(ttKinds[cp]!)) differ++;
    console.error(`HF tokenizers ${pat}: ${differ} code points differ from tiktoken`);
  }
}

// Run-length encoding of tiktoken's kinds.
function encodeRuns(kinds: Uint8Array): { text: string; runs: number } {
  let out = '';
  let runs = 0;
  let start = 0;
  for (let cp = 1; cp <= MAX; cp++) {
    if (cp < MAX && kinds[cp] === kinds[start]) continue;
    let v = (cp - start - 1) * 16 + kinds[start]!;
    for (;;) {
      const d = v % 32;
      v = Math.floor(v / 32);
      out += RUN_ALPHABET[v === 0 ? d : 32 + d];
      if (v === 0) break;
    }
    runs++;
    start = cp;
  }
  return { text: out, runs };
}
const { text: runText, runs } = encodeRuns(ttKinds);

function wrap(s: string, width: number): string {
  const lines: string[] = [];
  for (let i = 0; i < s.length; i += width) lines.push(`  '${s.slice(i, i + width)}'`);
  return lines.join(' +\n');
}

const diffLines = diffs.map(([a, b, n, t]) => `  [0x${hex(a)}, 0x${hex(b)}, ${n}, ${t}],`).join('\n');
const file = `// GENERATED by scripts/gen-char-classes.ts. Do not edit: rerun the script.
// Sources: tiktoken ${readPkgVersion('tiktoken')} (Rust regex tables, the reference) and Node ${process.versions.node}
// (ICU ${process.versions.icu}, Unicode ${process.versions.unicode}) for the recorded differences.

/**
 * Kind of a code point, one of these names by index. The kinds are disjoint; every property used by
 * the tiktoken patterns is a union of kinds (\\p{L} = Lu|Ll|Lt|Lm|Lo, \\p{N} = Nd|Nl|No, \\p{M} = M,
 * \\s = White_Space in Rust's definition).
 */
export const KIND_NAMES = ${JSON.stringify(KIND_NAMES)} as const;

/**
 * tiktoken's kind of every code point U+0000..U+10FFFF, run-length encoded: each run (length L, kind K)
 * is v = (L - 1) * 16 + K in little-endian base 32, one character of RUN_ALPHABET per digit, the
 * character RUN_ALPHABET[32 + d] for a digit d that has more digits after it. ${runs} runs.
 */
export const RUN_ALPHABET = '${RUN_ALPHABET}';
export const KIND_RUNS =
${wrap(runText, 100)};

/** Number of runs in KIND_RUNS (a decoder self-check). */
export const KIND_RUN_COUNT = ${runs};

/** Unicode version of the Node that generated NODE_DIFFS (ranges are relative to its \\p{} tables). */
export const NODE_UNICODE_VERSION = '${process.versions.unicode}';

/**
 * Where Node's \\p{} tables (above version) and tiktoken's differ: [first, last, nodeKind, tiktokenKind]
 * per range, ${diffCount} code points in all. KIND_RUNS already follows tiktoken; this list documents the
 * overrides and lets tests check the table against Node everywhere else.
 */
export const NODE_DIFFS: readonly (readonly [number, number, number, number])[] = [
${diffLines}
];
`;

function readPkgVersion(name: string): string {
  const pkg = join(dirname(require.resolve(name)), 'package.json');
  return (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
}

const target = new URL('../src/pretokenize/scanners/generated/char-classes.ts', import.meta.url).pathname;
if (process.argv.includes('--check')) {
  let old = '';
  try { old = readFileSync(target, 'utf8'); } catch { /* missing */ }
  // Only the table is compared: the header and NODE_DIFFS depend on the Node that runs the script.
  const body = (s: string) => s.slice(s.indexOf('export const KIND_NAMES'), s.indexOf('/** Number of runs'));
  if (body(old) !== body(file)) { console.error(`${target} is stale`); process.exit(1); }
  console.error(`${target} is up to date`);
} else {
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target + '.tmp', file);
  renameSync(target + '.tmp', target);
  console.error(`wrote ${target}: ${runs} runs, ${runText.length} chars, ${diffs.length} diff ranges`);
}
