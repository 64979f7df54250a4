/** Aggregation (medians) and the markdown report. */
import { spawnSync } from 'node:child_process';
import { cpus, release, totalmem } from 'node:os';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADAPTERS, REFERENCE } from '../adapters/index.js';
import { WORST_CASES } from './cases.js';
import type { Manifest } from './corpus.js';
import { BENCH_DIR, fmtNum, fmtRatio, median } from './util.js';
import type { Sample, ThroughputResult } from './worker.js';

export interface Config {
  command: string;
  quick: boolean;
  libs: string[];
  encodings: string[];
  corpora: string[];
  suites: string[];
  rounds: number;
  k: number;
  chunkBytes: number;
  docBytes: number;
  docsPerBatch: number;
  warmBytes: number;
  worstEncodings: string[];
  worstCases: string[];
  worstSizes: number[];
  worstCapSec: number;
  worstProbeSec: number;
  worstFull: boolean;
  /** Which clock the tables use: process CPU time (robust on a shared machine) or wall time. */
  clock: 'cpu' | 'wall';
}

export interface WorstOutcome {
  lib: string;
  encoding: string;
  case: string;
  bytes: number;
  status: 'ok' | 'timeout' | 'crash' | 'skipped' | 'n/a' | 'error';
  ms?: number;
  cpuMs?: number;
  tokens?: number;
  hash?: number;
  capSec?: number;
  note?: string;
}

interface Input {
  cfg: Config;
  started: Date;
  finished: Date;
  buildStatus: string;
  throughput: ThroughputResult[];
  baselineRssMiB?: number;
  worst: WorstOutcome[];
  manifest?: Manifest;
  /** tokenlab's git commit when the run started (see tokenlabCommit) */
  commit?: string;
}

const OPS = ['encode', 'count', 'decode'] as const;
const KINDS = [
  ['chunk', '1 MB'],
  ['docs', '10 KB docs'],
] as const;
let CLOCK: 'cpu' | 'wall' = 'cpu';
const msOf = (s: { ms?: number; cpuMs?: number }) => (CLOCK === 'cpu' ? s.cpuMs : s.ms)!;
const mbps = (s: Sample) => s.bytes / msOf(s) / 1000;

/** Commit of the tokenlab tree being measured, with "+dirty" when src/ has uncommitted changes. */
export function tokenlabCommit(): string {
  const root = join(BENCH_DIR, '..');
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim();
  const dirty = spawnSync('git', ['status', '--porcelain', '--', 'src', 'data'], { cwd: root, encoding: 'utf8' }).stdout.trim();
  return head ? `${head}${dirty ? '+dirty' : ''}` : '?';
}

function version(lib: string): string {
  const pkg = lib === 'tokenlab' ? join(BENCH_DIR, '..', 'package.json') : join(BENCH_DIR, 'node_modules', lib, 'package.json');
  try {
    return (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}

async function notes(libs: string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const l of libs) {
    try {
      const a = ((await import(ADAPTERS[l]!.replace('./', '../adapters/'))) as { default: { note?: string } }).default;
      if (a.note) out[l] = a.note;
    } catch {
      /* ignore */
    }
  }
  return out;
}

export async function renderReportAsync(inp: Input): Promise<string> {
  return renderReport(inp, await notes(inp.cfg.libs));
}

export function renderReport(inp: Input, libNotes: Record<string, string> = {}): string {
  const { cfg, throughput } = inp;
  CLOCK = cfg.clock;
  const L: string[] = [];
  const ok = (r: ThroughputResult) => !r.unsupported && !r.error;
  const runs = (lib: string, enc: string) => throughput.filter((r) => r.lib === lib && r.encoding === enc);
  const samples = (lib: string, enc: string, corpus: string, kind: 'chunk' | 'docs', op: (typeof OPS)[number]) =>
    runs(lib, enc)
      .filter(ok)
      .flatMap((r) => r.corpora[corpus]?.[kind][op] ?? []);
  const status = (lib: string, enc: string): string | undefined => {
    const rs = runs(lib, enc);
    if (rs.length === 0) return 'not run';
    if (rs.every((r) => r.unsupported)) return 'n/a';
    if (rs.every((r) => !ok(r))) return `error: ${(rs.find((r) => r.error)?.error ?? '').split('\n')[0]!.slice(0, 120)}`;
    return undefined;
  };
  // Ratio base: tokenlab when it produced numbers for this encoding, else the reference (tiktoken).
  const baseOf = (enc: string) =>
    ['tokenlab', REFERENCE, ...cfg.libs].find((l) => cfg.libs.includes(l) && runs(l, enc).some(ok)) ?? cfg.libs[0]!;

  const cpu = cpus();
  L.push(`# tokenlab benchmark — ${inp.started.toISOString().slice(0, 16).replace('T', ' ')} UTC${cfg.quick ? ' (quick mode)' : ''}`);
  L.push('');
  L.push(`Command (in bench/): \`${cfg.command}\``);
  L.push('');
  L.push(
    `Machine: ${cpu.length} × ${cpu[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Linux ${release()}, Node ${process.version}. ` +
      `Run took ${((inp.finished.getTime() - inp.started.getTime()) / 60000).toFixed(1)} min. tokenlab build: ${inp.buildStatus}.`,
  );
  L.push('');
  const allSamples = throughput.flatMap((r) => Object.values(r.corpora).flatMap((c) => [c.chunk, c.docs].flatMap((o) => [...o.encode, ...o.count, ...o.decode])));
  const la = throughput.filter((r) => !r.unsupported && !r.error).flatMap((r) => r.loadavg ?? []);
  L.push(
    `Clock: ${cfg.clock === 'cpu' ? "the child process's CPU time (user + system, all its threads), so that other work on the machine does not inflate a library's time; `--clock wall` reports wall time" : 'wall time (performance.now())'}. ` +
      (allSamples.length
        ? `Median wall/CPU ratio of the timed samples: ${median(allSamples.map((s) => s.ms / s.cpuMs)).toFixed(2)}; 1-minute load average during the run: ${fmtNum(Math.min(...la))}–${fmtNum(Math.max(...la))} (median ${fmtNum(median(la))}) on ${cpu.length} cores` +
          (median(la) > cpu.length - 0.5 ? ' — the machine was shared with other work: trust ratios more than absolute MB/s.' : '.')
        : ''),
  );
  L.push('');
  L.push('Libraries: ' + cfg.libs.map((l) => (l === 'tokenlab' ? `tokenlab ${version(l)} (commit ${inp.commit ?? '?'})` : `${l} ${version(l)}`)).join(', ') + '.');
  L.push('');

  if (cfg.suites.includes('throughput')) {
    const nChunk = cfg.rounds * cfg.k;
    L.push('## Throughput');
    L.push('');
    L.push(
      `MB/s = 10^6 UTF-8 bytes of input (encode, count) or output (decode) per second; median of ${nChunk} sample(s) per cell ` +
        `(${cfg.rounds} round(s) × ${cfg.k} slot(s)); each (library, encoding, round) runs in its own child process, ` +
        `warms up on text it never times, then times text it has not seen. "1 MB": one call per ~${cfg.chunkBytes / 1e6} MB chunk; ` +
        `"10 KB docs": a batch of ${cfg.docsPerBatch} calls on ~${cfg.docBytes / 1000} KB documents. ` +
        `In parentheses: the library's number divided by the base library's (for MB/s, below 1× = slower than the base).`,
    );
    L.push('');
    for (const enc of cfg.encodings) {
      const base = baseOf(enc);
      L.push(`### ${enc}${base !== 'tokenlab' ? ` — ratios relative to ${base} (tokenlab column pending)` : ''}`);
      L.push('');
      for (const op of OPS) {
        const cols = cfg.corpora.flatMap((c) => KINDS.map(([k, label]) => [c, k, `${c} ${label}`] as const));
        L.push(`**${op}** MB/s (× ${base})`);
        L.push('');
        L.push(`| library | ${cols.map((c) => c[2]).join(' | ')} |`);
        L.push(`|---|${cols.map(() => '---:').join('|')}|`);
        for (const lib of cfg.libs) {
          const st = status(lib, enc);
          if (st) {
            L.push(`| ${lib} | ${cols.map(() => st.startsWith('error') ? 'error' : st).join(' | ')} |`);
            continue;
          }
          const cells = cols.map(([c, k]) => {
            const v = median(samples(lib, enc, c, k, op).map(mbps));
            const b = median(samples(base, enc, c, k, op).map(mbps));
            return `${fmtNum(v)} (${fmtRatio(v / b)})`;
          });
          L.push(`| ${lib} | ${cells.join(' | ')} |`);
        }
        L.push('');
      }
    }

    L.push('## Load time and memory');
    L.push('');
    L.push(
      'Load = time to first encode in a fresh process: dynamic import of the library + vocabulary load + encoding a short sentence ' +
        '(median over rounds). Peak RSS = the child process\'s maxRSS after the whole throughput run (all corpora); ' +
        `the harness alone (node + samples, no library) peaks at ${fmtNum(inp.baselineRssMiB)} MiB. In parentheses: ÷ the base library.`,
    );
    L.push('');
    L.push(`| library | ${cfg.encodings.map((e) => `${e} load ms | ${e} peak RSS MiB`).join(' | ')} |`);
    L.push(`|---|${cfg.encodings.map(() => '---:|---:').join('|')}|`);
    for (const lib of cfg.libs) {
      const cells = cfg.encodings.flatMap((enc) => {
        const st = status(lib, enc);
        if (st) return [st.startsWith('error') ? 'error' : st, ''];
        const base = baseOf(enc);
        const m = (l: string, f: (r: ThroughputResult) => number | undefined) =>
          median(runs(l, enc).filter(ok).map(f).filter((x): x is number => x !== undefined));
        const loadOf = (r: ThroughputResult) => (CLOCK === 'cpu' ? r.loadCpuMs : r.loadMs);
        const load = m(lib, loadOf),
          rss = m(lib, (r) => r.maxRssMiB);
        return [
          `${fmtNum(load)} (${fmtRatio(load / m(base, loadOf))})`,
          `${fmtNum(rss)} (${fmtRatio(rss / m(base, (r) => r.maxRssMiB))})`,
        ];
      });
      L.push(`| ${lib} | ${cells.join(' | ')} |`);
    }
    L.push('');

    // Correctness: every timed text's ids/count/roundtrip vs the reference library's on the same text.
    L.push(`## Correctness side check (reference: ${REFERENCE})`);
    L.push('');
    if (!cfg.libs.includes(REFERENCE)) L.push(`${REFERENCE} was not run: no reference, no check.`);
    else {
      L.push(
        `For every timed text (each 1 MB chunk and each batch of 10 KB docs): encode ids identical to ${REFERENCE}'s (fingerprint of the ids), ` +
          `count equal to ${REFERENCE}'s token count, and decode(encode(text)) === text. ✗ flags a library that is wrong.`,
      );
      L.push('');
      L.push(`| library | ${cfg.encodings.join(' | ')} |`);
      L.push(`|---|${cfg.encodings.map(() => '---').join('|')}|`);
      for (const lib of cfg.libs) {
        const cells = cfg.encodings.map((enc) => {
          const st = status(lib, enc);
          if (st) return st.startsWith('error') ? 'error' : st;
          const refRuns = runs(REFERENCE, enc).filter(ok);
          if (refRuns.length === 0) return 'no reference';
          let ids = 0, idsBad = 0, cnt = 0, cntBad = 0, rt = 0, rtBad = 0;
          const bad: string[] = [];
          for (const r of runs(lib, enc).filter(ok)) {
            const ref = refRuns.find((x) => x.round === r.round);
            for (const [corpus, v] of Object.entries(r.corpora))
              for (const [kind] of KINDS) {
                const rv = ref?.corpora[corpus]?.[kind];
                v[kind].encode.forEach((s, i) => {
                  const rs = rv?.encode[i];
                  if (!rs) return;
                  ids++;
                  if (rs.hash !== s.hash || rs.tokens !== s.tokens) (idsBad++, bad.push(`${corpus} ${kind}`));
                });
                v[kind].count.forEach((s, i) => {
                  const rs = rv?.count[i];
                  if (!rs) return;
                  cnt++;
                  if (rs.tokens !== s.tokens) (cntBad++, bad.push(`${corpus} ${kind} count`));
                });
                for (const s of v[kind].decode) (rt++, s.roundtrip === false && (rtBad++, bad.push(`${corpus} ${kind} roundtrip`)));
              }
          }
          if (idsBad + cntBad + rtBad === 0) return `✓ ids ${ids}/${ids}, counts ${cnt}/${cnt}, roundtrip ${rt}/${rt}`;
          return `✗ **WRONG**: ids ${ids - idsBad}/${ids}, counts ${cnt - cntBad}/${cnt}, roundtrip ${rt - rtBad}/${rt} (${[...new Set(bad)].slice(0, 4).join('; ')})`;
        });
        L.push(`| ${lib} | ${cells.join(' | ')} |`);
      }
    }
    L.push('');
  }

  if (cfg.suites.includes('worst')) {
    const sizes = [...cfg.worstSizes].sort((a, b) => a - b);
    L.push('## Worst cases');
    L.push('');
    L.push(
      `Seconds (${cfg.clock === 'cpu' ? 'CPU' : 'wall'}) to encode one string of N UTF-8 bytes, fresh process per cell (load and a short warm-up excluded), cap ${cfg.worstCapSec} s of the child's CPU time (4× that in wall time as a backstop). ` +
        `Sizes run smallest first; ${cfg.worstFull ? 'every size runs to the cap.' : `when a linear extrapolation of the previous size already exceeds the cap, the size runs under a ${cfg.worstProbeSec} s probe instead (to still catch fast crashes) and a kill there is reported as "timeout (≥ N s)" with that lower bound.`} ` +
        `A linear encoder has ratio ≈ 10 per 10× size (less when fixed costs dominate small sizes); a quadratic one ≈ 100. "not run": a smaller size already timed out or crashed. "ids ≠" marks output that differs from ${REFERENCE}'s.`,
    );
    L.push('');
    for (const enc of cfg.worstEncodings) {
      L.push(`### ${enc}`);
      L.push('');
      const ratioCols = sizes.slice(1).map((s, i) => `${label(s)}/${label(sizes[i]!)}`);
      L.push(`| case | library | ${sizes.map((s) => `${label(s)} s`).join(' | ')} | ${ratioCols.join(' | ')} |`);
      L.push(`|---|---|${sizes.map(() => '---:').join('|')}|${ratioCols.map(() => '---:').join('|')}|`);
      for (const kase of cfg.worstCases)
        for (const lib of cfg.libs) {
          const cell = (s: number) => inp.worst.find((w) => w.encoding === enc && w.case === kase && w.lib === lib && w.bytes === s);
          const ref = (s: number) => inp.worst.find((w) => w.encoding === enc && w.case === kase && w.lib === REFERENCE && w.bytes === s);
          const show = (s: number) => {
            const w = cell(s);
            if (!w) return '—';
            if (w.status === 'ok') {
              const r = ref(s);
              const wrong = lib !== REFERENCE && r?.status === 'ok' && (r.hash !== w.hash || r.tokens !== w.tokens);
              return `${fmtSec(msOf(w) / 1000)}${wrong ? ' ✗ ids ≠' : ''}`;
            }
            if (w.status === 'timeout')
              return w.note?.startsWith('wall')
                ? `timeout (wall backstop)`
                : w.note
                  ? `timeout (≥ ${w.note.match(/≥ (\d+)/)?.[1] ?? '?'} s)`
                  : `timeout (> ${w.capSec} s)`;
            if (w.status === 'crash') return `crash (${(w.note ?? '').slice(0, 60)})`;
            if (w.status === 'skipped') return 'not run';
            return w.status;
          };
          const ratios = sizes.slice(1).map((s, i) => {
            const a = cell(sizes[i]!), b = cell(s);
            return a?.status === 'ok' && b?.status === 'ok' ? fmtNum(msOf(b) / msOf(a), 1) : '—';
          });
          L.push(`| ${WORST_CASES[kase]!.label} | ${lib} | ${sizes.map(show).join(' | ')} | ${ratios.join(' | ')} |`);
        }
      L.push('');
    }
  }

  if (inp.manifest) {
    L.push('## Corpora');
    L.push('');
    L.push(
      'en and code: built by /work/shared/data/scripts/build-{en,code}-corpus.sh into bench/.corpus/ (`npm run corpus`); ' +
        'multi: every FLORES-200 devtest file (sorted by name) interleaved in blocks of 5 sentences. ' +
        `Samples are regions cut at line boundaries, spread evenly over the files (bench/src/corpus.ts)${inp.manifest.neutralizedSpecials ? `; ${inp.manifest.neutralizedSpecials} special-token strings were neutralized` : ''}.`,
    );
    L.push('');
    L.push('| corpus | file | bytes | sha256 |');
    L.push('|---|---|---:|---|');
    for (const s of inp.manifest.sources) L.push(`| ${s.corpus} | ${s.path.split('/').pop()} | ${s.bytes} | \`${s.sha256}\` |`);
    L.push('');
  }
  const noteLines = Object.entries(libNotes);
  if (noteLines.length) {
    L.push('## How each library is called');
    L.push('');
    for (const [l, n] of noteLines) L.push(`- ${l}: ${n}`);
    L.push('');
  }
  return L.join('\n');
}

function label(bytes: number): string {
  return bytes >= 1e6 ? `${bytes / 1e6} MB` : `${bytes / 1e3} KB`;
}
function fmtSec(s: number): string {
  return s >= 10 ? s.toFixed(1) : s >= 0.1 ? s.toFixed(2) : s.toFixed(4);
}
