/**
 * Rebuilds src/normalize/generated/hf-unicode-gaps.ts by probing the native HF binding over every
 * code point: HF's Rust crates carry older Unicode tables than Node's ICU, so a few hundred newer
 * characters get different properties. We record only the differences (as code-point ranges, or
 * per-char decompositions) so the library can reproduce HF exactly.
 *
 *   node --import tsx test/normalize/tools/gen-hf-unicode-gaps.ts
 *
 * Takes about a minute. Not a test (no .test.ts suffix).
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { hfNormalize, hfTokenizer } from '../hf-helpers.js';

const hfVersion = (createRequire(import.meta.url)('tokenizers/package.json') as { version: string }).version;

const SEP = '\ua66e';
const cps: number[] = [];
for (let cp = 0; cp <= 0x10ffff; cp++) if ((cp < 0xd800 || cp > 0xdfff) && cp !== 0xa66e) cps.push(cp);
const chars = cps.map((c) => String.fromCodePoint(c));
const joined = chars.join(SEP) + SEP;

function perChar(out: string): string[] {
  const parts = out.split(SEP);
  if (parts.length !== cps.length + 1) throw new Error(`separator count mismatch: ${parts.length}`);
  return parts.slice(0, cps.length);
}

function ranges(list: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const cp of list.sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last && last[1] + 1 === cp) last[1] = cp;
    else out.push([cp, cp]);
  }
  return out;
}

const re = (src: string) => new RegExp(`^${src}$`, 'u');

// 1. BERT clean_text: which chars HF removes.
const clean = perChar(hfNormalize({ type: 'BertNormalizer', clean_text: true, handle_chinese_chars: false, strip_accents: false, lowercase: false }, joined));
const jsOther = re('[\\p{Cc}\\p{Cf}\\p{Co}]');
const otherDiff: number[] = [];
chars.forEach((c, i) => {
  const hfRemoves = clean[i] === '';
  const jsRemoves = c === '\u0000' || c === '\ufffd' || (jsOther.test(c) && c !== '\t' && c !== '\n' && c !== '\r');
  if (hfRemoves !== jsRemoves) otherDiff.push(cps[i]!);
});

// 2. StripAccents: which chars HF treats as combining marks.
const strip = perChar(hfNormalize({ type: 'StripAccents' }, joined));
const jsMark = re('\\p{M}');
const markDiff: number[] = [];
chars.forEach((c, i) => {
  if ((strip[i] === '') !== jsMark.test(c)) markDiff.push(cps[i]!);
});

// 3. Decompositions (NFD, NFKD): per-char overrides where HF differs.
const nfd = perChar(hfNormalize({ type: 'NFD' }, joined));
const nfkd = perChar(hfNormalize({ type: 'NFKD' }, joined));
const nfdOverride: [number, string][] = [];
const nfkdOverride: [number, string][] = [];
chars.forEach((c, i) => {
  if (nfd[i] !== c.normalize('NFD')) nfdOverride.push([cps[i]!, nfd[i]!]);
  if (nfkd[i] !== c.normalize('NFKD')) nfkdOverride.push([cps[i]!, nfkd[i]!]);
});

// 4. Mn (BERT strip_accents) on chars whose NFD is themselves for both.
const bertStrip = perChar(hfNormalize({ type: 'BertNormalizer', clean_text: false, handle_chinese_chars: false, strip_accents: true, lowercase: false }, joined));
const jsMn = re('\\p{Mn}');
const mnDiff: number[] = [];
chars.forEach((c, i) => {
  if (nfd[i] !== c) return;
  if ((bertStrip[i] === '') !== jsMn.test(c)) mnDiff.push(cps[i]!);
});

// 5. Non-starters HF treats as starters: "a" + U+0345 (ccc 240) + c reorders iff 0 < ccc(c) < 240.
const nonStarter: number[] = [];
const probeChars: string[] = [];
chars.forEach((c, i) => {
  if (c.normalize('NFD') !== c || nfd[i] !== c || c === '\u0345') return;
  if (('a\u0345' + c).normalize('NFD') === 'a' + c + '\u0345') {
    nonStarter.push(cps[i]!);
    probeChars.push('a\u0345' + c);
  }
});
const reordered = perChar(hfNormalize({ type: 'NFD' }, probeChars.join(SEP) + SEP + SEP.repeat(cps.length - probeChars.length))).slice(0, probeChars.length);
const starterInHf: number[] = [];
probeChars.forEach((p, i) => {
  if (reordered[i] === p) starterInHf.push(nonStarter[i]!);
});

// 6. Chars Oniguruma (HF's regex engine) considers unassigned while JS does not.
const tk = hfTokenizer(null, { type: 'Split', pattern: { Regex: '\\p{Cn}' }, behavior: 'Removed', invert: false });
const kept = (tk.getPreTokenizer().preTokenizeString(joined) as [string, unknown][]).map((p) => p[0]).join('');
const keptParts = perChar(kept);
const jsCn = re('\\p{Cn}');
const onigUnassigned: number[] = [];
chars.forEach((c, i) => {
  if (keptParts[i] === '' && !jsCn.test(c)) onigUnassigned.push(cps[i]!);
});

// 7. Punctuation (BERT / Punctuation pre-tokenizer).
const tp = hfTokenizer(null, { type: 'Punctuation', behavior: 'Removed' });
const pkept = perChar((tp.getPreTokenizer().preTokenizeString(joined) as [string, unknown][]).map((p) => p[0]).join(''));
const jsPunct = re('[!-/:-@[-`{-~\\p{P}]');
const punctDiff: number[] = [];
chars.forEach((c, i) => {
  if ((pkept[i] === '') !== jsPunct.test(c)) punctDiff.push(cps[i]!);
});

// 7b. Numeric (Digits pre-tokenizer, Rust `char::is_numeric`): a numeric char is its own piece.
// Only checked (0 differences with tokenizers 0.23.2, so no table is emitted; the count is printed).
const td = hfTokenizer(null, { type: 'Digits', individual_digits: true });
const dpieces = td.getPreTokenizer().preTokenizeString(joined) as [string, [number, number]][];
const numericHf = new Set<number>();
for (const [piece] of dpieces) if ([...piece].length === 1 && piece !== SEP) numericHf.add(piece.codePointAt(0)!);
const jsNumeric = re('\\p{N}');
const numericDiff: number[] = [];
chars.forEach((c, i) => {
  if (numericHf.has(cps[i]!) !== jsNumeric.test(c)) numericDiff.push(cps[i]!);
});

const fmt = (r: [number, number][]) => JSON.stringify(r.map(([a, b]) => (a === b ? a : [a, b])));
const ascii = (j: string) => j.replace(/[^\x20-\x7e]/gu, (c) => Array.from({ length: c.length }, (_, k) => '\\u' + c.charCodeAt(k).toString(16).padStart(4, '0')).join(''));
const fmtMap = (m: [number, string][]) => ascii(JSON.stringify(Object.fromEntries(m.map(([cp, s]) => [cp, s]))));
const body = `/**
 * GENERATED by test/normalize/tools/gen-hf-unicode-gaps.ts from the native HF binding (tokenizers
 * ${hfVersion}) — do not edit. Node's Unicode tables are newer than the ones inside HF's
 * Rust crates; these are the code points where they disagree. Ranges are [first, last] inclusive
 * (a bare number is a one-char range). Decomposition overrides map a code point to HF's result.
 */
/** Chars whose "BERT clean_text removes it" verdict differs between HF and JS \\p{Cc,Cf,Co}. */
export const BERT_OTHER_FLIP = ${fmt(ranges(otherDiff))};
/** Chars whose "is a combining mark" (StripAccents) verdict differs from JS \\p{M}. */
export const MARK_FLIP = ${fmt(ranges(markDiff))};
/** Chars whose "is nonspacing mark" (BERT strip_accents) verdict differs from JS \\p{Mn}. */
export const MN_FLIP = ${fmt(ranges(mnDiff))};
/** Non-starters (ccc > 0) for JS that HF treats as starters. */
export const STARTER_IN_HF = ${fmt(ranges(starterInHf))};
/** Assigned for JS, unassigned (Cn) for HF's Oniguruma: regex and script behaviour may differ. */
export const ONIG_UNASSIGNED = ${fmt(ranges(onigUnassigned))};
/** Chars whose punctuation verdict differs from JS [ASCII punct + \\p{P}]. */
export const PUNCT_FLIP = ${fmt(ranges(punctDiff))};
/** NFD results that differ from String.prototype.normalize('NFD'). */
export const NFD_OVERRIDE: Record<number, string> = ${fmtMap(nfdOverride)};
/** NFKD results that differ from String.prototype.normalize('NFKD'). */
export const NFKD_OVERRIDE: Record<number, string> = ${fmtMap(nfkdOverride)};
`;

writeFileSync(new URL('../../../src/normalize/generated/hf-unicode-gaps.ts', import.meta.url), body);
console.log({ otherDiff: otherDiff.length, markDiff: markDiff.length, mnDiff: mnDiff.length, starterInHf: starterInHf.length, onigUnassigned: onigUnassigned.length, punctDiff: punctDiff.length, numericDiff: numericDiff.length, nfd: nfdOverride.length, nfkd: nfkdOverride.length });

// 8. Scripts (UnicodeScripts pre-tokenizer): chars whose HF script differs from the engine's.
{
  const { jsScript } = await import('../../../src/pretokenize/unicode-scripts.js');
  const scriptOf = new Map<number, string>();
  const rep = new Map<string, string>();
  chars.forEach((c, i) => {
    if (c === ' ') return;
    const s = jsScript(c);
    scriptOf.set(cps[i]!, s);
    if (!rep.has(s)) rep.set(s, c);
  });
  const fold = (s: string) => (s === 'Hira' || s === 'Kana' ? 'Hani' : s);
  const ts = hfTokenizer(null, { type: 'UnicodeScripts' }).getPreTokenizer();
  /** For pairs [a, b]: does HF split between a and b? */
  const splitsBetween = (pairs: [string, string][]): boolean[] => {
    const text = pairs.map(([a, b]) => a + b).join('');
    const starts = new Set((ts.preTokenizeString(text) as [string, [number, number]][]).map((p) => p[1][0]));
    let pos = 0;
    return pairs.map(() => {
      const r = starts.has(pos + 1);
      pos += 2;
      return r;
    });
  };
  // Probe X + c + rep(script of c), X of another script. HF's script of c equals the engine's iff
  // there is a cut before c and none before rep. No cut before c means HF has no script for c
  // (HF's get_script gives Any, like ' ').
  const candidates = chars.filter((c, i) => c !== ' ' && cps[i] !== 0x30fc && scriptOf.get(cps[i]!) !== 'Zzzz');
  const triples = candidates.map((c) => {
    const r = rep.get(scriptOf.get(c.codePointAt(0)!)!)!;
    return [fold(jsScript(r)) === 'Latn' ? '\u03b1' : 'a', c, r];
  });
  const text = triples.map((t) => t.join('')).join('');
  const cuts = new Set((ts.preTokenizeString(text) as [string, [number, number]][]).map((p) => p[1][0]));
  const overrides: [number, string][] = [];
  const needClass: string[] = [];
  triples.forEach(([, c], k) => {
    const cutC = cuts.has(3 * k + 1);
    const cutR = cuts.has(3 * k + 2);
    if (!cutC) overrides.push([c!.codePointAt(0)!, 'Any']);
    else if (cutR) needClass.push(c!);
  });
  const reps = [...rep.entries()].filter(([s]) => s !== 'Zzzz' && (fold(s) === s || s === 'Hira'));
  for (const c of needClass) {
    const res = splitsBetween(reps.map(([, r]) => [c, r]));
    const k = res.findIndex((x) => !x);
    overrides.push([c.codePointAt(0)!, k >= 0 ? fold(reps[k]![0]) : 'Any']);
  }
  overrides.sort((x, y) => x[0] - y[0]);
  const merged: [number, number, string][] = [];
  for (const [cp, s] of overrides) {
    const last = merged[merged.length - 1];
    if (last && last[1] + 1 === cp && last[2] === s) last[1] = cp;
    else merged.push([cp, cp, s]);
  }
  writeFileSync(
    new URL('../../../src/pretokenize/generated/hf-script-gaps.ts', import.meta.url),
    `/**
 * GENERATED by test/normalize/tools/gen-hf-unicode-gaps.ts from the native HF binding (tokenizers
 * ${hfVersion}) — do not edit. [first, last, script]: code points whose Script (as HF's older table
 * has it, Hiragana/Katakana folded into Han) differs from the engine's \\p{Script=...}.
 */
export const SCRIPT_OVERRIDE: readonly (readonly [number, number, string])[] = ${JSON.stringify(merged)};
`,
  );
  console.log({ scriptOverrides: overrides.length, ranges: merged.length });
}
