/**
 * Controlled data-mixture-inference experiment (Hayase et al. 2024, §controlled): for each trial,
 * draw n categories from a pool and a uniform random mixture (Smith–Tromble sampler), train a BPE
 * tokenizer on that mixture, infer the mixture from its merge list with disjoint attacker samples,
 * and score log10 MSE of the byte shares. Heavy (minutes); not a test.
 *
 *   node --import tsx scripts/mixture-experiment.ts --kind languages --n 5 --trials 20 --json out.json
 *
 * Data: languages = FLORES-200 (`../shared/data/flores200`): training text from dev, attacker samples
 * from devtest (disjoint sentences). code = source files by language found on the machine
 * (node_modules .js/.ts/.d.ts/.json/.html/.md, /usr/lib/python3 .py, /usr/include .h, perl .pm/.pl,
 * .hpp C++ headers), each file assigned to training or attack by a hash of its path (disjoint).
 * Training text for category i is α_i·B bytes of its training lines (cycled when the pool is smaller);
 * the truth is the byte share actually written. Trainer (--trainer): `hf` (default), the native
 * Hugging Face BPE trainer (npm `tokenizers`; ByteLevel pre-tokenizer with the GPT-2 regex, 30k
 * vocabulary), or `tokenlab` (src/train/bpe, GPT-2 preset, 30k vocabulary).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { trainByteLevelBpe } from '../src/train/bpe/train-byte-level-bpe.js';
import { inferMixture, meanSquaredError, mergesFromTokenizerJson, mulberry32, sampleSimplex } from '../src/analysis/mixture-inference/index.js';

const LANGUAGE_POOL = [
  'eng_Latn', 'fra_Latn', 'deu_Latn', 'spa_Latn', 'ita_Latn', 'por_Latn', 'nld_Latn', 'pol_Latn', 'ces_Latn', 'swe_Latn',
  'fin_Latn', 'hun_Latn', 'tur_Latn', 'vie_Latn', 'ind_Latn', 'swh_Latn', 'rus_Cyrl', 'ukr_Cyrl', 'bul_Cyrl', 'ell_Grek',
  'heb_Hebr', 'arb_Arab', 'pes_Arab', 'hin_Deva', 'ben_Beng', 'tam_Taml', 'kor_Hang', 'jpn_Jpan', 'zho_Hans', 'tha_Thai',
];

interface Pool {
  name: string;
  train: string[];
  attack: string[];
}

const { values: args } = parseArgs({
  options: {
    kind: { type: 'string', default: 'languages' },
    n: { type: 'string', default: '5' },
    trials: { type: 'string', default: '10' },
    'train-bytes': { type: 'string', default: '1000000' },
    'attack-bytes': { type: 'string', default: '1000000' },
    merges: { type: 'string', default: '30000' },
    seed: { type: 'string', default: '1' },
    threads: { type: 'string', default: '2' },
    flores: { type: 'string', default: join(process.cwd(), '..', 'shared', 'data', 'flores200') },
    json: { type: 'string' },
    'max-add': { type: 'string', default: '5000' },
    verbose: { type: 'boolean', default: false },
    trainer: { type: 'string', default: 'hf' },
    'max-epochs': { type: 'string', default: '10000' },
  },
});

function languagePools(dir: string): Pool[] {
  if (!existsSync(join(dir, 'dev'))) throw new Error(`FLORES-200 not found at ${dir} (pass --flores DIR)`);
  return LANGUAGE_POOL.map((code) => ({ name: code, train: [join(dir, 'dev', `${code}.dev`)], attack: [join(dir, 'devtest', `${code}.devtest`)] }));
}

function walk(root: string, accept: (p: string) => boolean, out: string[], depth = 0): void {
  if (depth > 12 || !existsSync(root)) return;
  for (const e of readdirSync(root, { withFileTypes: true })) {
    const p = join(root, e.name);
    if (e.isDirectory()) walk(p, accept, out, depth + 1);
    else if (e.isFile() && accept(p)) out.push(p);
  }
}

function codePools(): Pool[] {
  const nm = join(process.cwd(), 'node_modules');
  const small = (p: string): boolean => { const s = statSync(p).size; return s > 200 && s < 200_000; };
  const defs: [string, string[], (p: string) => boolean][] = [
    ['javascript', [nm], (p) => /\.(c|m)?js$/.test(p) && !p.endsWith('.min.js')],
    ['typescript', [nm], (p) => p.endsWith('.ts') && !p.endsWith('.d.ts')],
    ['ts-declarations', [nm], (p) => p.endsWith('.d.ts')],
    ['json', [nm], (p) => p.endsWith('.json')],
    ['html', [nm], (p) => p.endsWith('.html')],
    ['markdown', [nm], (p) => p.endsWith('.md')],
    ['python', ['/usr/lib/python3', '/usr/lib/python3.11'], (p) => p.endsWith('.py')],
    ['c-headers', ['/usr/include'], (p) => p.endsWith('.h')],
    ['perl', ['/usr/share/perl', '/usr/share/perl5', '/usr/lib/x86_64-linux-gnu/perl', '/usr/lib/x86_64-linux-gnu/perl-base'], (p) => /\.p[ml]$/.test(p)],
    ['cpp-headers', ['/usr/include', '/usr/share'], (p) => p.endsWith('.hpp')],
  ];
  return defs.map(([name, roots, accept]) => {
    const files: string[] = [];
    for (const r of roots) walk(r, (p) => accept(p) && small(p), files);
    const uniq = [...new Set(files)].sort();
    const isTrain = (p: string): boolean => (createHash('sha1').update(p).digest()[0]! & 1) === 0;
    return { name, train: uniq.filter(isTrain), attack: uniq.filter((p) => !isTrain(p)) };
  }).filter((p) => p.train.length > 0 && p.attack.length > 0);
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const order = [...items];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/** Exactly `bytes` bytes or a little more (whole lines) of a pool's training lines, cycling. */
function takeLines(files: string[], bytes: number, random: () => number): string {
  const order = shuffled(files, random);
  const parts: string[] = [];
  let got = 0;
  for (let round = 0; got < bytes && round < 1000; round++) {
    for (const f of order) {
      for (const line of readFileSync(f, 'utf8').split('\n')) {
        if (line.length === 0) continue;
        const l = line + '\n';
        parts.push(l);
        got += Buffer.byteLength(l);
        if (got >= bytes) return parts.join('');
      }
    }
  }
  return parts.join('');
}

const require = createRequire(join(process.cwd(), 'package.json'));
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const hf = require('tokenizers') as any;

function trainHf(file: string, dir: string): unknown {
  const tok = new hf.Tokenizer(hf.BPE.empty());
  tok.setPreTokenizer(hf.byteLevelPreTokenizer(false, true));
  tok.train([file]);
  tok.save(join(dir, 'tokenizer.json'));
  return JSON.parse(readFileSync(join(dir, 'tokenizer.json'), 'utf8'));
}

async function main(): Promise<void> {
  const n = Number(args.n);
  const trials = Number(args.trials);
  const trainBytes = Number(args['train-bytes']);
  const attackBytes = Number(args['attack-bytes']);
  const random = mulberry32(Number(args.seed));
  const pools = args.kind === 'code' ? codePools() : languagePools(args.flores!);
  if (pools.length < n) throw new Error(`only ${pools.length} categories in the ${args.kind} pool, need ${n}`);
  const results: Record<string, unknown>[] = [];
  const logs: number[] = [];
  for (let trial = 0; trial < trials; trial++) {
    const chosen = [...pools].sort(() => random() - 0.5).slice(0, n);
    const mix = sampleSimplex(n, random);
    const dir = mkdtempSync(join(tmpdir(), 'tokenlab-mix-'));
    try {
      const texts = chosen.map((p, i) => takeLines(p.train, mix[i]! * trainBytes, random));
      const bytes = texts.map((t) => Buffer.byteLength(t));
      const total = bytes.reduce((a, b) => a + b, 0);
      const truth = bytes.map((b) => b / total);
      writeFileSync(join(dir, 'train.txt'), texts.join(''));
      const t0 = performance.now();
      const json = args.trainer === 'tokenlab'
        ? (await trainByteLevelBpe({ input: { corpus: { inputs: [join(dir, 'train.txt')], unit: 'line' }, threads: 0 }, preTokenizer: 'gpt2', options: { vocabSize: 30000 } })).tokenizer
        : trainHf(join(dir, 'train.txt'), dir);
      const trainMs = performance.now() - t0;
      const { merges, splitter } = mergesFromTokenizerJson(json);
      // Attacker files in a random order, so a byte cap samples the whole pool, not one directory.
      const est = await inferMixture(merges, chosen.map((p) => ({ name: p.name, files: shuffled(p.attack, random), maxBytes: attackBytes })), splitter, {
        maxMerges: Number(args.merges), threads: Number(args.threads), maxAdd: Number(args['max-add']), maxEpochs: Number(args['max-epochs']),
        onReplayed: args.verbose ? (r) => process.stderr.write(`  replay ${(r.replayMs / 1000).toFixed(1)}s, join ${(r.joinMs / 1000).toFixed(1)}s, ${r.pairs} pairs, ${r.diffEntries} diff entries, RSS ${(process.memoryUsage().rss / 1e9).toFixed(2)} GB\n`) : undefined,
        onEpoch: args.verbose ? (e) => process.stderr.write(`  epoch ${e.epoch} +${e.added} (${e.constraints}) obj ${e.objective.toExponential(3)} scan ${e.scanMs.toFixed(0)}ms solve ${e.solveMs.toFixed(0)}ms\n`) : undefined,
      });
      const pred = est.categories.map((c) => c.byteShare);
      const mse = meanSquaredError(pred, truth);
      logs.push(Math.log10(mse));
      results.push({ trial, categories: chosen.map((p) => p.name), truth, pred, log10mse: Math.log10(mse), merges: est.merges, epochs: est.epochs, converged: est.converged, constraints: est.constraints, trainBytes: total, attackBytes: est.categories.map((c) => c.sampleBytes), trainMs, timings: est.timings });
      process.stderr.write(`trial ${trial}: log10 MSE ${Math.log10(mse).toFixed(2)}  T=${est.merges} epochs=${est.epochs}${est.converged ? '' : ' (not converged)'} constraints=${est.constraints} train ${(trainMs / 1000).toFixed(1)}s infer ${(est.timings.totalMs / 1000).toFixed(1)}s\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const mean = logs.reduce((a, b) => a + b, 0) / logs.length;
  const std = Math.sqrt(logs.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, logs.length - 1));
  const summary = { kind: args.kind, n, trials, trainBytes, attackBytes, merges: Number(args.merges), seed: Number(args.seed), meanLog10Mse: mean, stdLog10Mse: std, trainer: args.trainer === 'tokenlab' ? 'tokenlab trainByteLevelBpe, GPT-2 preset, vocab 30000' : 'huggingface tokenizers (native) BpeTrainer, ByteLevel GPT-2 regex, vocab 30000' };
  process.stdout.write(JSON.stringify(summary) + '\n');
  if (args.json) writeFileSync(args.json, JSON.stringify({ summary, results }, null, 1));
}

await main();
