/**
 * Micro-benchmark of the pre-tokenization scanners (not a test):
 *
 *     node --import tsx bench/scanners.ts [--flores DIR] [--lines N] [--reps R]
 *
 * For r50k/cl100k/o200k it splits two corpora into pieces and prints MB/s (UTF-8 megabytes of input
 * per CPU second of this process, best of R repetitions) for:
 *   scanner      the hand-written scanner, called as scanner(text, pos) in a loop (what the BPE
 *                engine does), from a call site that sees only that scanner;
 *   port/sticky  regexScanner(pattern): the regex port (tiktoken's tables as Node's \p{} corrected
 *                with set operations, flag v), a sticky exec per piece;
 *   port/global  the same RegExp driven the usual way, a global exec() loop;
 *   ranges/glob  the port with tiktoken's tables as explicit ranges (long source), global exec() loop;
 *   node \p/glob the port with Node's own \p{} tables, global exec() loop.
 * Corpora: English (FLORES-200 eng_Latn devtest, repeated to ~1 MB) and a FLORES mix (the first N lines
 * of every *.devtest file, all 200+ languages and scripts, concatenated with newlines). All variants
 * must produce the same number of pieces (checked).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CHAR_CLASSES_LOAD_MS,
  CL100K_PATTERN,
  O200K_PATTERN,
  R50K_PATTERN,
  cl100kScanner,
  compilePattern,
  o200kScanner,
  r50kScanner,
  regexScanner,
  type PieceScanner,
} from '../src/pretokenize/scanners/index.js';

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : dflt;
}
const floresDir = arg('flores', '/work/shared/data/flores200/devtest');
const linesPerLang = Number(arg('lines', '60'));
const reps = Number(arg('reps', '5'));

const eng = readFileSync(join(floresDir, 'eng_Latn.devtest'), 'utf8');
const english = eng.repeat(Math.max(1, Math.ceil(1_000_000 / eng.length)));
const mix = readdirSync(floresDir)
  .filter((f) => f.endsWith('.devtest'))
  .sort()
  .map((f) => readFileSync(join(floresDir, f), 'utf8').split('\n').slice(0, linesPerLang).join('\n'))
  .join('\n');

function runScanner(scan: PieceScanner, text: string): number {
  let count = 0;
  for (let pos = 0; pos < text.length; count++) pos = scan(text, pos);
  return count;
}

function runGlobal(re: RegExp, text: string): number {
  let count = 0;
  re.lastIndex = 0;
  while (re.exec(text) !== null) count++;
  return count;
}

/** Best of `reps` runs, in CPU milliseconds of this process (robust on a shared machine). */
function best(fn: () => number): { ms: number; pieces: number } {
  let ms = Infinity;
  let pieces = 0;
  fn(); // warm-up
  for (let r = 0; r < reps; r++) {
    const c0 = process.cpuUsage();
    pieces = fn();
    const d = process.cpuUsage(c0);
    ms = Math.min(ms, (d.user + d.system) / 1000);
  }
  return { ms, pieces };
}

// One loop per scanner (its own call site, as in an encoder bound to one encoding).
const ENCODINGS: [string, string, (text: string) => number][] = [
  ['r50k_base', R50K_PATTERN, (t) => { let c = 0; for (let p = 0; p < t.length; c++) p = r50kScanner(t, p); return c; }],
  ['cl100k_base', CL100K_PATTERN, (t) => { let c = 0; for (let p = 0; p < t.length; c++) p = cl100kScanner(t, p); return c; }],
  ['o200k_base', O200K_PATTERN, (t) => { let c = 0; for (let p = 0; p < t.length; c++) p = o200kScanner(t, p); return c; }],
];

console.log(`char-classes table decoded at load in ${CHAR_CLASSES_LOAD_MS.toFixed(2)} ms`);
console.log(`node ${process.version}; best of ${reps}; MB = 10^6 UTF-8 bytes of input; s = CPU seconds\n`);
const header = ['corpus', 'encoding', 'MB', 'pieces', 'scanner', 'port/sticky', 'port/global', 'ranges/glob', 'node \\p/glob', 'vs port', 'vs best'];
const rows: string[][] = [];
for (const [corpusName, text] of [['English', english], ['FLORES mix', mix]] as const) {
  const mb = Buffer.byteLength(text, 'utf8') / 1e6;
  for (const [name, pattern, scanLoop] of ENCODINGS) {
    const sticky = regexScanner(pattern);
    const global = compilePattern(pattern);
    const rangesGlobal = compilePattern(pattern, { tables: 'tiktoken-ranges' });
    const nodeGlobal = compilePattern(pattern, { tables: 'node' });
    const results = [
      best(() => scanLoop(text)),
      best(() => runScanner(sticky, text)),
      best(() => runGlobal(global, text)),
      best(() => runGlobal(rangesGlobal, text)),
      best(() => runGlobal(nodeGlobal, text)),
    ];
    const pieces = results[0]!.pieces;
    // The Node-table port may differ on Unicode 17.0 characters only; the others must agree exactly.
    if (results.slice(1, 4).some((r) => r.pieces !== pieces)) throw new Error(`${name}: piece counts differ`);
    const rate = (ms: number) => mb / (ms / 1000);
    const fastestRegex = Math.max(...results.slice(1).map((r) => rate(r.ms)));
    rows.push([
      corpusName,
      name,
      mb.toFixed(2),
      String(pieces),
      ...results.map((r) => rate(r.ms).toFixed(1)),
      `${(rate(results[0]!.ms) / rate(results[1]!.ms)).toFixed(1)}x`,
      `${(rate(results[0]!.ms) / fastestRegex).toFixed(1)}x`,
    ]);
  }
}
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const fmt = (r: string[]) => r.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
console.log(fmt(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(fmt(r));
console.log('\nMB/s columns; "vs port" = scanner / port/sticky (the fallback PieceScanner), "vs best" = scanner / fastest regex column.');
