/**
 * Regenerates src/normalize/generated/onig-unicode-gaps.ts: where Oniguruma inside HF tokenizers (the
 * engine of tokenizer.json regexes) classifies code points differently from the JS engine's `\p{...}`.
 * The Oniguruma -> JS port (src/normalize/onig-regex.ts) corrects the engine's classes with it.
 *
 *     node --import tsx scripts/gen-onig-unicode-gaps.ts           # write the file (~30 s)
 *     node --import tsx scripts/gen-onig-unicode-gaps.ts --check   # exit 1 if the file is stale
 *
 * HOW. Every question is asked of BOTH engines for every Unicode scalar value:
 *   - Oniguruma, through the native binding (npm `tokenizers`): a Split pre-tokenizer with the class as
 *     its regex and behavior "Removed", run over chunks of all code points; the pieces left are the
 *     code points NOT in the class (offsets are code points). ~1 s per class over all code points.
 *   - the JS engine: the same class as `new RegExp(..., 'u')` over the same chunks.
 * To keep the probe count small, the per-code-point VALUE of General_Category and of Script is read
 * bit by bit: probe k is the class of all values whose index has bit k set (5 probes for 30
 * categories, 8 for ~170 scripts). The decoding is checked: every category index must exist, the
 * one-letter categories (L, M, N, P, S, Z, C) are probed directly and must equal the unions of their
 * leaves, and a few scripts are probed directly. Binary properties (Alphabetic, White_Space) and the
 * escapes `\w`, `\s`, `\d` are probed as such; `\w` and `\s` are compared with the JS classes the port
 * writes for them (ONIG_WORD, ONIG_SPACE), `\d` must equal Nd.
 *
 * OUTPUT. Only differences, as [first, last, jsValue, onigValue] runs: a category or script index (into
 * the *_NAMES lists), or 0/1 for binary properties. Surrogates are never probed (not scalar values).
 * Also recorded: the binding version and the JS engine's Unicode version; the port applies the table
 * only when the engine's own `\p{}` still gives the recorded jsValue at every run (so an engine with
 * other Unicode tables gets the uncorrected classes rather than wrong corrections).
 */
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { ONIG_SPACE, ONIG_WORD } from '../src/normalize/onig-regex.js';
import { jsScript } from '../src/pretokenize/unicode-scripts.js';

const require = createRequire(import.meta.url);
const tokenizersVersion = (require('tokenizers/package.json') as { version: string }).version;
const hf = require('tokenizers') as {
  Tokenizer: { fromString(s: string): { getPreTokenizer(): { preTokenizeString(s: string): [string, [number, number]][] } } };
};

const MAX = 0x110000;
const CHUNK = 0x4000;
const GC_NAMES = ['Lu', 'Ll', 'Lt', 'Lm', 'Lo', 'Mn', 'Mc', 'Me', 'Nd', 'Nl', 'No', 'Pc', 'Pd', 'Ps', 'Pe', 'Pi', 'Pf', 'Po',
  'Sm', 'Sc', 'Sk', 'So', 'Zs', 'Zl', 'Zp', 'Cc', 'Cf', 'Cs', 'Co', 'Cn'] as const;

const isSurrogate = (cp: number): boolean => cp >= 0xd800 && cp <= 0xdfff;
/** Chunks of all scalar values: the string and the code point at each of its code-point indices. */
const CHUNKS: { text: string; cps: number[] }[] = [];
for (let s = 0; s < MAX; s += CHUNK) {
  const cps: number[] = [];
  for (let cp = s; cp < Math.min(s + CHUNK, MAX); cp++) if (!isSurrogate(cp)) cps.push(cp);
  CHUNKS.push({ text: cps.map((c) => String.fromCodePoint(c)).join(''), cps });
}

function onigSplitter(regex: string): { preTokenizeString(s: string): [string, [number, number]][] } {
  const json = {
    version: '1.0', truncation: null, padding: null, added_tokens: [], normalizer: null,
    pre_tokenizer: { type: 'Split', pattern: { Regex: regex }, behavior: 'Removed', invert: false },
    post_processor: null, decoder: null, model: { type: 'WordLevel', vocab: { a: 0 }, unk_token: 'a' },
  };
  return hf.Tokenizer.fromString(JSON.stringify(json)).getPreTokenizer();
}

/** Whether Oniguruma accepts `regex`. */
function onigAccepts(regex: string): boolean {
  try {
    onigSplitter(regex);
    return true;
  } catch {
    return false;
  }
}

/** Membership of every code point in the Oniguruma class `regex` (one code point per match). */
function onigMembers(regex: string): Uint8Array {
  const split = onigSplitter(regex);
  const out = new Uint8Array(MAX);
  for (const { text, cps } of CHUNKS) {
    for (const cp of cps) out[cp] = 1;
    for (const [, [a, b]] of split.preTokenizeString(text)) for (let k = a; k < b; k++) out[cps[k]!] = 0;
  }
  return out;
}

/** Membership of every code point in the JS class `jsClass` (flag u). */
function jsMembers(jsClass: string): Uint8Array {
  const out = new Uint8Array(MAX);
  const re = new RegExp(jsClass, 'gu');
  for (const { text } of CHUNKS) for (const m of text.matchAll(re)) out[m[0].codePointAt(0)!] = 1;
  return out;
}

/** Oniguruma's value index per code point, read bit by bit from classes of `names`. */
function onigValues(names: readonly string[], onigClass: (name: string) => string): Int32Array {
  const values = new Int32Array(MAX);
  for (let bit = 0; 1 << bit < names.length; bit++) {
    const members = names.filter((_, i) => (i >> bit) & 1).map(onigClass);
    const m = onigMembers(`[${members.join('')}]`);
    for (let cp = 0; cp < MAX; cp++) if (m[cp]) values[cp]! |= 1 << bit;
  }
  return values;
}

type Diff = [number, number, number, number];
/** Runs of code points where js[cp] !== onig[cp], as [first, last, js, onig]. */
function diffRuns(js: ArrayLike<number>, onig: ArrayLike<number>): Diff[] {
  const out: Diff[] = [];
  for (let cp = 0; cp < MAX; cp++) {
    if (isSurrogate(cp) || js[cp] === onig[cp]) continue;
    const last = out[out.length - 1];
    if (last && last[1] === cp - 1 && last[2] === js[cp] && last[3] === onig[cp]) last[1] = cp;
    else out.push([cp, cp, js[cp]!, onig[cp]!]);
  }
  return out;
}

function assertSame(what: string, a: Uint8Array, b: Uint8Array): void {
  for (let cp = 0; cp < MAX; cp++) {
    if (!isSurrogate(cp) && a[cp] !== b[cp]) throw new Error(`${what}: decoded and direct probe differ at U+${cp.toString(16)}`);
  }
}

const t0 = performance.now();

// ---- General_Category ----
const gcJs = new Int32Array(MAX).fill(-1);
GC_NAMES.forEach((g, i) => {
  const m = jsMembers(`\\p{${g}}`);
  for (let cp = 0; cp < MAX; cp++) if (m[cp]) gcJs[cp] = i;
});
const gcOnig = onigValues(GC_NAMES, (g) => `\\p{${g}}`);
for (let cp = 0; cp < MAX; cp++) {
  if (!isSurrogate(cp) && (gcOnig[cp]! >= GC_NAMES.length || gcOnig[cp] === GC_NAMES.indexOf('Cs'))) {
    throw new Error(`General_Category: impossible decoded index ${gcOnig[cp]} at U+${cp.toString(16)}`);
  }
}
for (const major of ['L', 'M', 'N', 'P', 'S', 'Z', 'C']) {
  const union = new Uint8Array(MAX);
  for (let cp = 0; cp < MAX; cp++) union[cp] = GC_NAMES[gcOnig[cp]!]!.startsWith(major) ? 1 : 0;
  assertSame(`\\p{${major}}`, union, onigMembers(`\\p{${major}}`));
}
const gcDiffs = diffRuns(gcJs, gcOnig);

// ---- Script ----
/** Scripts the JS engine knows that jsScript's list (src/pretokenize/unicode-scripts.ts) lacks. */
const EXTRA_SCRIPTS = ['Berf'];
const scriptJsName = new Array<string>(MAX);
{
  const unknown = jsMembers('\\p{Script=Zzzz}');
  for (let cp = 0; cp < MAX; cp++) {
    if (isSurrogate(cp)) continue;
    const c = String.fromCodePoint(cp);
    let name = unknown[cp] ? 'Zzzz' : jsScript(c);
    if (name === 'Zzzz' && !unknown[cp]) {
      // jsScript answers Zzzz for a script missing from its list.
      name = EXTRA_SCRIPTS.find((s) => new RegExp(`^\\p{Script=${s}}$`, 'u').test(c)) ?? '';
      if (name === '') throw new Error(`Script: U+${cp.toString(16)} has a script neither jsScript nor EXTRA_SCRIPTS names`);
    }
    scriptJsName[cp] = name;
  }
}
const jsScriptNames = [...new Set(scriptJsName.filter((s) => s !== undefined))].sort();
const notInOnig = jsScriptNames.filter((s) => !onigAccepts(`\\p{${s}}`));
const SCRIPT_NAMES = jsScriptNames.filter((s) => !notInOnig.includes(s));
const scriptJs = new Int32Array(MAX).fill(-1);
for (let cp = 0; cp < MAX; cp++) if (!isSurrogate(cp)) scriptJs[cp] = jsScriptNames.indexOf(scriptJsName[cp]!);
// Index into jsScriptNames on both sides (a script Oniguruma lacks never appears on its side).
const scriptOnigBySubset = onigValues(SCRIPT_NAMES, (s) => `\\p{${s}}`);
const scriptOnig = new Int32Array(MAX);
for (let cp = 0; cp < MAX; cp++) {
  const name = SCRIPT_NAMES[scriptOnigBySubset[cp]!];
  if (name === undefined && !isSurrogate(cp)) throw new Error(`Script: impossible decoded index at U+${cp.toString(16)}`);
  scriptOnig[cp] = jsScriptNames.indexOf(name ?? 'Zzzz');
}
for (const s of ['Latn', 'Hani', 'Zyyy', 'Zinh', 'Zzzz', 'Arab']) {
  const idx = jsScriptNames.indexOf(s);
  const decoded = new Uint8Array(MAX);
  for (let cp = 0; cp < MAX; cp++) decoded[cp] = scriptOnig[cp] === idx ? 1 : 0;
  assertSame(`\\p{${s}}`, decoded, onigMembers(`\\p{${s}}`));
}
const scriptDiffs = diffRuns(scriptJs, scriptOnig);

// ---- binary properties and escapes ----
const binary: Record<string, { js: string; onig: string }> = {
  Alphabetic: { js: '\\p{Alphabetic}', onig: '\\p{Alphabetic}' },
  White_Space: { js: '\\p{White_Space}', onig: '\\p{White_Space}' },
  word: { js: `[${ONIG_WORD}]`, onig: '\\w' },
  space: { js: `[${ONIG_SPACE}]`, onig: '\\s' },
};
const binaryDiffs: Record<string, Diff[]> = {};
for (const [name, { js, onig }] of Object.entries(binary)) binaryDiffs[name] = diffRuns(jsMembers(js), onigMembers(onig));
{
  const nd = new Uint8Array(MAX);
  const ndIndex = GC_NAMES.indexOf('Nd');
  for (let cp = 0; cp < MAX; cp++) nd[cp] = gcOnig[cp] === ndIndex ? 1 : 0;
  assertSame('\\d', nd, onigMembers('\\d'));
}

// ---- write ----
const usedScripts = [...new Set(scriptDiffs.flatMap((d) => [d[2], d[3]]))].sort((a, b) => a - b);
const scriptDiffsCompact = scriptDiffs.map(([a, b, j, o]): Diff => [a, b, usedScripts.indexOf(j), usedScripts.indexOf(o)]);
/** A code point the JS engine puts in each used script: how the port recognises a script's aliases. */
const scriptSample = usedScripts.map((i) => scriptJs.indexOf(i));
const runs = (d: Diff[]): string => `[\n${d.map((r) => `  [${r.map((x) => (x > 0xff ? '0x' + x.toString(16) : x)).join(', ')}],`).join('\n')}\n]`;
const count = (d: Diff[]): number => d.reduce((n, [a, b]) => n + b - a + 1, 0);
const file = `// GENERATED by scripts/gen-onig-unicode-gaps.ts. Do not edit: rerun the script.
// Sources: the native HF binding (npm tokenizers ${tokenizersVersion}, whose Oniguruma is the reference), probed
// for every code point, and Node ${process.versions.node} (ICU ${process.versions.icu}, Unicode ${process.versions.unicode}).

/** Unicode version of the JS engine that generated the tables (the jsValue side). */
export const ONIG_GAPS_JS_UNICODE_VERSION = '${process.versions.unicode}';

/** General_Category values; GC_DIFFS holds indices into this list. */
export const GC_NAMES = ${JSON.stringify(GC_NAMES)} as const;

/** [first, last, JS category, Oniguruma category]: ${count(gcDiffs)} code points. */
export const GC_DIFFS: readonly (readonly [number, number, number, number])[] = ${runs(gcDiffs)};

/** Scripts (ISO 15924) that occur in SCRIPT_DIFFS, and a code point the JS engine puts in each. */
export const SCRIPT_NAMES = ${JSON.stringify(usedScripts.map((i) => jsScriptNames[i]))} as const;
export const SCRIPT_SAMPLES: readonly number[] = ${JSON.stringify(scriptSample)};
/** Scripts the JS engine knows and Oniguruma rejects (a pattern naming one does not load in HF). */
export const ONIG_UNKNOWN_SCRIPTS = ${JSON.stringify(notInOnig)} as const;

/** [first, last, JS script, Oniguruma script] (indices into SCRIPT_NAMES): ${count(scriptDiffs)} code points. */
export const SCRIPT_DIFFS: readonly (readonly [number, number, number, number])[] = ${runs(scriptDiffsCompact)};

/**
 * Binary properties: [first, last, in JS, in Oniguruma] (0/1). \`word\` is Oniguruma's \`\\w\` against the
 * port's ONIG_WORD class, \`space\` its \`\\s\` against ONIG_SPACE.
 */
export const BINARY_DIFFS: Readonly<Record<'Alphabetic' | 'White_Space' | 'word' | 'space', readonly (readonly [number, number, number, number])[]>> = {
${Object.entries(binaryDiffs).map(([k, d]) => `  ${k}: ${runs(d).replace(/\n/g, '\n  ')},`).join('\n')}
};
`;

console.log(
  `General_Category: ${count(gcDiffs)} code points in ${gcDiffs.length} runs; Script: ${count(scriptDiffs)} in ${scriptDiffs.length}; ` +
    Object.entries(binaryDiffs).map(([k, d]) => `${k}: ${count(d)} in ${d.length}`).join('; ') +
    `; scripts unknown to Oniguruma: ${notInOnig.join(' ')}; ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);
const target = new URL('../src/normalize/generated/onig-unicode-gaps.ts', import.meta.url);
if (process.argv.includes('--check')) {
  let old = '';
  try {
    old = readFileSync(target, 'utf8');
  } catch {
    // missing: stale
  }
  if (old !== file) {
    console.error('src/normalize/generated/onig-unicode-gaps.ts is stale: rerun scripts/gen-onig-unicode-gaps.ts');
    process.exit(1);
  }
  console.log('up to date');
} else {
  writeFileSync(new URL(target.href + '.tmp'), file);
  renameSync(new URL(target.href + '.tmp'), target);
}
