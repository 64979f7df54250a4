/**
 * tokenlab benchmark harness: `npm run bench [-- options]` in bench/ (see bench/README.md).
 * Orchestrates one child process per (library, encoding, round) for throughput and one per
 * (library, case, size) for the worst cases; aggregates medians; writes bench/results/<date>.md.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ADAPTERS, REFERENCE } from '../adapters/index.js';
import { WORST_CASES } from './cases.js';
import { CORPORA, prepareSamples, type CorpusName, type SampleParams } from './corpus.js';
import { renderReportAsync, tokenlabCommit, type Config, type WorstOutcome } from './report.js';
import { BENCH_DIR, REPO_DIR, list, parseArgs } from './util.js';
import type { ThroughputResult, WorstResult } from './worker.js';

const argv = process.argv.slice(2);
const args = parseArgs(argv);
const log = (s: string) => process.stderr.write(s + '\n');

if (args.help) {
  log(readFileSync(join(BENCH_DIR, 'README.md'), 'utf8'));
  process.exit(0);
}

// --from-json results/x.json: re-render a report from a previous run's raw samples (no benchmarking).
if (typeof args['from-json'] === 'string') {
  const j = JSON.parse(readFileSync(args['from-json'], 'utf8'));
  if (args.clock === 'wall' || args.clock === 'cpu') j.cfg.clock = args.clock;
  const md = await renderReportAsync({ ...j, started: new Date(j.started), finished: new Date(j.finished ?? j.started) });
  const outPath = typeof args.out === 'string' ? args.out : args['from-json'].replace(/\.json$/, '.md');
  writeFileSync(outPath, md);
  process.stdout.write(md + '\n');
  log(`written: ${outPath}`);
  process.exit(0);
}

const quick = args.quick === true;
const num = (k: string, d: number) => (args[k] !== undefined && args[k] !== true ? Number(args[k]) : d);
const cfg: Config = {
  command: `npm run bench${argv.length ? ' -- ' + argv.join(' ') : ''}`,
  quick,
  libs: list(args.libs, Object.keys(ADAPTERS)),
  encodings: list(args.encodings, quick ? ['cl100k_base'] : ['cl100k_base', 'o200k_base', 'r50k_base']),
  corpora: list(args.corpora, [...CORPORA]) as CorpusName[],
  suites: list(args.suites, ['throughput', 'worst']),
  rounds: num('rounds', quick ? 1 : 3),
  k: num('k', 1),
  chunkBytes: num('chunk-bytes', 1_000_000),
  docBytes: num('doc-bytes', 10_000),
  docsPerBatch: num('docs-per-batch', quick ? 20 : 50),
  warmBytes: num('warm-bytes', 250_000),
  worstEncodings: list(args['worst-encodings'], ['cl100k_base']),
  worstCases: list(args['worst-cases'], Object.keys(WORST_CASES)),
  worstSizes: list(args['worst-sizes'], ['10000', '100000', '1000000']).map(Number),
  worstCapSec: num('worst-cap', quick ? 10 : 60),
  worstProbeSec: num('worst-probe', 5),
  worstFull: args['worst-full'] === true,
  clock: args.clock === 'wall' ? 'wall' : 'cpu',
};
for (const l of cfg.libs) if (!ADAPTERS[l]) throw new Error(`unknown library "${l}" (known: ${Object.keys(ADAPTERS).join(', ')})`);
for (const c of cfg.corpora) if (!(CORPORA as readonly string[]).includes(c)) throw new Error(`unknown corpus "${c}"`);
for (const c of cfg.worstCases) if (!WORST_CASES[c]) throw new Error(`unknown worst case "${c}"`);

const WORKER = fileURLToPath(new URL('./worker.js', import.meta.url));
const TMP = join(tmpdir(), `tokenlab-bench-${process.pid}`);
mkdirSync(TMP, { recursive: true });
let seq = 0;

interface ChildOutcome<T> {
  result?: T;
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  /** which limit killed it: the CPU cap or the wall-clock limit */
  killedBy?: 'cpu' | 'wall';
  stderr: string;
}

/** CPU seconds (user + system) used so far by a process, from /proc (Linux); undefined elsewhere. */
function procCpuSec(pid: number): number | undefined {
  try {
    const st = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = st.slice(st.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / CLK_TCK;
  } catch {
    return undefined;
  }
}
const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/**
 * Spawns a worker. Without `fromReady`, `capMs` is a wall-clock safety limit from spawn. With `fromReady`
 * (worst cases), the cap starts when the child prints @@ready and counts the child's CPU time (so a busy
 * machine does not turn a slow-but-finishing case into a timeout), with 4x the cap of wall time as a backstop.
 */
function runChild<T>(workerArgs: string[], capMs: number, fromReady: boolean): Promise<ChildOutcome<T>> {
  const out = join(TMP, `r${seq++}.json`);
  return new Promise((resolveP) => {
    const child = spawn(process.execPath, ['--expose-gc', WORKER, ...workerArgs, '--out', out], {
      stdio: ['ignore', 'pipe', 'pipe'],
      cwd: BENCH_DIR,
    });
    let stderr = '';
    let timedOut = false;
    let killedBy: 'cpu' | 'wall' | undefined;
    const kill = (by: 'cpu' | 'wall' = 'wall') => {
      timedOut = true;
      killedBy ??= by;
      child.kill('SIGKILL');
    };
    let timer = setTimeout(kill, fromReady ? 300_000 : capMs);
    let poll: NodeJS.Timeout | undefined;
    child.stdout.on('data', (d: Buffer) => {
      if (fromReady && !poll && d.toString().includes('@@ready')) {
        clearTimeout(timer);
        timer = setTimeout(kill, capMs * 4);
        const cpu0 = procCpuSec(child.pid!);
        if (cpu0 !== undefined)
          poll = setInterval(() => {
            const c = procCpuSec(child.pid!);
            if (c !== undefined && c - cpu0 > capMs / 1000) kill('cpu');
          }, 100);
        else {
          clearTimeout(timer);
          timer = setTimeout(() => kill('cpu'), capMs);
        }
      }
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-4000);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (poll) clearInterval(poll);
      let result: T | undefined;
      if (existsSync(out)) {
        try {
          result = JSON.parse(readFileSync(out, 'utf8')) as T;
        } catch {
          /* partial write */
        }
        rmSync(out, { force: true });
      }
      resolveP({ result, code, signal, timedOut, killedBy, stderr });
    });
  });
}

function buildTokenlab(): string {
  if (args.build === false) return 'skipped (--no-build)';
  log('building tokenlab at the repo root (npm run build)...');
  const r = spawnSync('npm', ['run', 'build', '--silent'], { cwd: REPO_DIR, encoding: 'utf8' });
  if (r.status === 0) return 'ok';
  log(`  warning: root build failed (exit ${r.status}); benchmarking whatever dist/ holds.\n${(r.stdout + r.stderr).slice(-1500)}`);
  return `failed (exit ${r.status})`;
}

const started = new Date();
const buildStatus = cfg.libs.includes('tokenlab') ? buildTokenlab() : 'not needed';
const commit = tokenlabCommit();

// ---------------------------------------------------------------- throughput
const throughput: ThroughputResult[] = [];
let baselineRssMiB: number | undefined;
let manifest: ReturnType<typeof prepareSamples> | undefined;
if (cfg.suites.includes('throughput')) {
  const params: SampleParams = { rounds: cfg.rounds, k: cfg.k, chunkBytes: cfg.chunkBytes, docBytes: cfg.docBytes, docsPerBatch: cfg.docsPerBatch, warmBytes: cfg.warmBytes };
  log(`preparing samples (${cfg.corpora.join(', ')})...`);
  manifest = prepareSamples(params, cfg.corpora as CorpusName[], log);
  const base = await runChild<{ maxRssMiB: number }>(['--mode', 'baseline', '--corpora', cfg.corpora.join(',')], 120_000, false);
  baselineRssMiB = base.result?.maxRssMiB;
  for (let round = 0; round < cfg.rounds; round++) {
    for (const encoding of cfg.encodings) {
      // Rotate the library order every round so no library always runs first/last.
      const libs = cfg.libs.map((_, i) => cfg.libs[(i + round + cfg.encodings.indexOf(encoding)) % cfg.libs.length]!);
      for (const lib of libs) {
        const t0 = Date.now();
        const o = await runChild<ThroughputResult>(
          ['--mode', 'throughput', '--lib', lib, '--encoding', encoding, '--round', String(round), '--corpora', cfg.corpora.join(',')],
          900_000,
          false,
        );
        const r: ThroughputResult = o.result ?? { mode: 'throughput', lib, encoding, round, corpora: {} };
        if (!o.result || o.code !== 0) r.error ??= `child ${o.timedOut ? 'timed out' : `exited ${o.code ?? o.signal}`}: ${o.stderr.trim().split('\n').slice(-3).join(' | ')}`;
        throughput.push(r);
        const first = r.corpora[cfg.corpora[0]!]?.chunk.encode[0];
        const status = r.unsupported ? 'n/a' : r.error ? `ERROR ${r.error.split('\n')[0]}` : `load ${r.loadCpuMs?.toFixed(0)} ms CPU, peak RSS ${r.maxRssMiB?.toFixed(0)} MiB, ${cfg.corpora[0]} encode ${first ? ((first.bytes / first.cpuMs) / 1000).toFixed(1) : '?'} MB/s (CPU)`;
        log(`  [round ${round + 1}/${cfg.rounds}] ${encoding} ${lib.padEnd(13)} ${((Date.now() - t0) / 1000).toFixed(1).padStart(5)} s  ${status}`);
      }
    }
  }
}

// ---------------------------------------------------------------- worst cases
const worst: WorstOutcome[] = [];
if (cfg.suites.includes('worst')) {
  log(`worst cases (cap ${cfg.worstCapSec} s${cfg.worstFull ? ', no projection' : `, probe ${cfg.worstProbeSec} s when projected over the cap`})...`);
  const sizes = [...cfg.worstSizes].sort((a, b) => a - b);
  for (const encoding of cfg.worstEncodings)
    for (const kase of cfg.worstCases)
      for (const lib of cfg.libs) {
        let prev: WorstOutcome | undefined;
        for (const bytes of sizes) {
          const base = { lib, encoding, case: kase, bytes };
          if (prev && prev.status !== 'ok') {
            worst.push({ ...base, status: 'skipped', note: `${prev.status} at ${prev.bytes / 1000} KB` });
            prev = worst[worst.length - 1];
            continue;
          }
          let capSec = cfg.worstCapSec;
          let projectedSec: number | undefined;
          if (prev?.ms !== undefined) {
            projectedSec = (Math.min(prev.ms, prev.cpuMs ?? prev.ms) / 1000) * (bytes / prev.bytes); // linear lower bound
            if (!cfg.worstFull && projectedSec > cfg.worstCapSec) capSec = Math.min(cfg.worstProbeSec, cfg.worstCapSec);
          }
          const o = await runChild<WorstResult>(
            ['--mode', 'worst', '--lib', lib, '--encoding', encoding, '--case', kase, '--bytes', String(bytes)],
            capSec * 1000,
            true,
          );
          const r = o.result;
          let w: WorstOutcome;
          if (r?.unsupported) w = { ...base, status: 'n/a' };
          else if (r?.ms !== undefined) w = { ...base, status: 'ok', ms: r.ms, cpuMs: r.cpuMs, tokens: r.tokens, hash: r.hash };
          else if (o.timedOut && o.killedBy === 'wall')
            w = { ...base, status: 'timeout', capSec, note: `wall-clock backstop (${4 * capSec} s) hit before ${capSec} s of CPU: machine too busy` };
          else if (o.timedOut)
            w = capSec < cfg.worstCapSec
              ? { ...base, status: 'timeout', capSec, note: `killed after the ${capSec} s probe; ≥ ${projectedSec!.toFixed(0)} s by linear extrapolation` }
              : { ...base, status: 'timeout', capSec };
          else if (r?.error?.startsWith('load:')) w = { ...base, status: 'error', note: r.error };
          else
            w = {
              ...base,
              status: 'crash',
              note: r?.error ?? `exit ${o.code ?? o.signal}: ${o.stderr.trim().split('\n').filter(Boolean).slice(-1)[0] ?? ''}`.slice(0, 160),
            };
          worst.push(w);
          prev = w;
          log(`  ${encoding} ${kase.padEnd(7)} ${String(bytes / 1000).padStart(5)} KB ${lib.padEnd(13)} ${w.status === "ok" ? `${(w.cpuMs! / 1000).toFixed(3)} s CPU, ${(w.ms! / 1000).toFixed(3)} s wall` : w.status}${w.note ? ` (${w.note})` : ''}`);
        }
      }
}

rmSync(TMP, { recursive: true, force: true });
const finished = new Date();
const md = await renderReportAsync({ cfg, started, finished, buildStatus, throughput, baselineRssMiB, worst, manifest, commit });
const day = started.toISOString().slice(0, 10);
const outPath = typeof args.out === 'string' ? args.out : join(BENCH_DIR, 'results', `${day}${quick ? '-quick' : ''}.md`);
mkdirSync(join(outPath, '..'), { recursive: true });
writeFileSync(outPath, md);
writeFileSync(outPath.replace(/\.md$/, '') + '.json', JSON.stringify({ cfg, started, finished, buildStatus, throughput, baselineRssMiB, worst, manifest, commit }, null, 1));
process.stdout.write(md + '\n');
log(`\nwritten: ${outPath} (+ .json with every sample); took ${((Date.now() - started.getTime()) / 60000).toFixed(1)} min`);
