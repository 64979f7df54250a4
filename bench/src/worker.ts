/**
 * Child process: benchmarks ONE library on ONE encoding (fresh process => own JIT state, own peak RSS,
 * empty caches). Invoked by main.ts; writes one JSON result to --out.
 *
 *   node --expose-gc dist/src/worker.js --mode throughput --lib L --encoding E --round R --corpora en,code --out f.json
 *   node --expose-gc dist/src/worker.js --mode worst --lib L --encoding E --case letter --bytes 100000 --out f.json
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { loadAdapter } from '../adapters/index.js';
import type { Adapter, Ids } from '../adapters/types.js';
import { WORST_CASES } from './cases.js';
import { readSamples } from './corpus.js';
import { hashIds, list, parseArgs, utf8Bytes } from './util.js';

const args = parseArgs(process.argv.slice(2));
const out = String(args.out);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const now = () => performance.now();
/** Process CPU time in ms (user + system, all threads: includes the library's GC work). */
const cpu = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
const LOAD_PROBE = 'Hello, world! This is the load-time probe: the first encode after loading.';

export interface Sample {
  bytes: number;
  /** wall-clock ms */
  ms: number;
  /** process CPU ms over the same interval */
  cpuMs: number;
  /** encode: token count; count: the count returned. */
  tokens: number;
  /** encode: fingerprint of the ids (per batch for docs). */
  hash?: number;
  /** decode: did decode(encode(x)) === x for every text. */
  roundtrip?: boolean;
  /** encode: countTokens-equivalent consistency (count phase only compares against the reference). */
}
export interface OpSamples {
  encode: Sample[];
  count: Sample[];
  decode: Sample[];
}
export interface ThroughputResult {
  mode: 'throughput';
  lib: string;
  encoding: string;
  round: number;
  unsupported?: boolean;
  error?: string;
  loadMs?: number;
  loadCpuMs?: number;
  /** 1-minute load average at the start and the end of the child */
  loadavg?: [number, number];
  rssAfterLoadMiB?: number;
  maxRssMiB?: number;
  corpora: Record<string, { chunk: OpSamples; docs: OpSamples }>;
}
export interface WorstResult {
  mode: 'worst';
  lib: string;
  encoding: string;
  case: string;
  bytes: number;
  ms?: number;
  cpuMs?: number;
  tokens?: number;
  hash?: number;
  unsupported?: boolean;
  error?: string;
}

const mib = (b: number) => b / (1024 * 1024);

function write(r: unknown): void {
  writeFileSync(out, JSON.stringify(r));
}

async function load(a: Adapter, encoding: string): Promise<{ ms: number; cpuMs: number }> {
  const c0 = cpu();
  const t0 = now();
  await a.load(encoding);
  a.encode(LOAD_PROBE);
  return { ms: now() - t0, cpuMs: cpu() - c0 };
}

function timeEncode(a: Adapter, texts: string[]): { sample: Sample; ids: Ids[] } {
  gc();
  const ids: Ids[] = new Array(texts.length);
  const c0 = cpu();
  const t0 = now();
  for (let i = 0; i < texts.length; i++) ids[i] = a.encode(texts[i]!);
  const ms = now() - t0;
  const cpuMs = cpu() - c0;
  let h = 0x811c9dc5,
    tokens = 0,
    bytes = 0;
  for (let i = 0; i < texts.length; i++) {
    h = hashIds(ids[i]!, h);
    tokens += ids[i]!.length;
    bytes += utf8Bytes(texts[i]!);
  }
  return { sample: { bytes, ms, cpuMs, tokens, hash: h }, ids };
}

function timeCount(a: Adapter, texts: string[]): Sample {
  gc();
  let n = 0;
  const c0 = cpu();
  const t0 = now();
  for (let i = 0; i < texts.length; i++) n += a.count(texts[i]!);
  const ms = now() - t0;
  const cpuMs = cpu() - c0;
  return { bytes: texts.reduce((s, t) => s + utf8Bytes(t), 0), ms, cpuMs, tokens: n };
}

function timeDecode(a: Adapter, ids: Ids[], texts: string[]): Sample {
  gc();
  const outs: string[] = new Array(ids.length);
  const c0 = cpu();
  const t0 = now();
  for (let i = 0; i < ids.length; i++) outs[i] = a.decode(ids[i]!);
  const ms = now() - t0;
  const cpuMs = cpu() - c0;
  return {
    bytes: texts.reduce((s, t) => s + utf8Bytes(t), 0),
    ms,
    cpuMs,
    tokens: ids.reduce((s, x) => s + x.length, 0),
    roundtrip: outs.every((o, i) => o === texts[i]),
  };
}

async function throughput(): Promise<void> {
  const lib = String(args.lib);
  const encoding = String(args.encoding);
  const round = Number(args.round ?? 0);
  const res: ThroughputResult = { mode: 'throughput', lib, encoding, round, corpora: {} };
  const a = await loadAdapter(lib);
  res.loadavg = [loadavg()[0]!, 0];
  try {
    const l = await load(a, encoding);
    res.loadMs = l.ms;
    res.loadCpuMs = l.cpuMs;
  } catch (e) {
    if ((e as Error).name === 'Unsupported') res.unsupported = true;
    else res.error = `load: ${String((e as Error).message ?? e)}`;
    return write(res);
  }
  res.rssAfterLoadMiB = mib(process.memoryUsage().rss);
  try {
    for (const corpus of list(args.corpora, ['en', 'code', 'multi'])) {
      const s = readSamples(corpus, round);
      // Warm-up (untimed) on text that is never timed: passes over the warm chunk and warm docs (encode,
      // count, decode) until 300 ms of CPU were spent (at most 4 passes), so JIT tiers are reached.
      const w0 = cpu();
      for (let pass = 0; pass < 4 && cpu() - w0 < 300; pass++) {
        a.decode(a.encode(s.chunkWarm));
        a.count(s.chunkWarm);
        for (const d of s.docWarm) a.decode(a.encode(d)), a.count(d);
      }
      const chunk: OpSamples = { encode: [], count: [], decode: [] };
      const docs: OpSamples = { encode: [], count: [], decode: [] };
      const chunkIds: Ids[][] = [];
      for (const t of s.chunkEncode) {
        const r = timeEncode(a, [t]);
        chunk.encode.push(r.sample);
        chunkIds.push(r.ids);
      }
      s.chunkEncode.forEach((t, i) => chunk.decode.push(timeDecode(a, chunkIds[i]!, [t])));
      chunkIds.length = 0;
      for (const t of s.chunkCount) chunk.count.push(timeCount(a, [t]));
      for (const batch of s.docEncode) {
        const r = timeEncode(a, batch);
        docs.encode.push(r.sample);
        docs.decode.push(timeDecode(a, r.ids, batch));
      }
      for (const batch of s.docCount) docs.count.push(timeCount(a, batch));
      res.corpora[corpus] = { chunk, docs };
    }
  } catch (e) {
    res.error = String((e as Error).stack ?? e).slice(0, 500);
  }
  a.free?.();
  res.loadavg[1] = loadavg()[0]!;
  res.maxRssMiB = process.resourceUsage().maxRSS / 1024;
  write(res);
}

async function worst(): Promise<void> {
  const lib = String(args.lib);
  const encoding = String(args.encoding);
  const kase = String(args.case);
  const bytes = Number(args.bytes);
  const res: WorstResult = { mode: 'worst', lib, encoding, case: kase, bytes };
  const a = await loadAdapter(lib);
  try {
    await load(a, encoding);
  } catch (e) {
    if ((e as Error).name === 'Unsupported') res.unsupported = true;
    else res.error = `load: ${String((e as Error).message ?? e)}`;
    return write(res);
  }
  const text = WORST_CASES[kase]!.make(bytes);
  // Warm-up on strings of the same shape built from another character/seed (no piece of the timed text gets
  // cached): 10 short ones, then up to 300 ms of CPU on sizes doubling while one call stays under 50 ms and
  // under a tenth of the timed size, so long-piece code paths are compiled without spending a quadratic
  // peer's cap.
  // (spaces: the warm string ends in "x" so that its long run of spaces is a different piece.)
  const W = WORST_CASES[kase]!;
  for (let i = 0; i < 10; i++) a.encode(W.warm(1000 + 17 * i) + ' ' + LOAD_PROBE);
  const w0 = cpu();
  for (let n = 2000, i = 0; i < 40 && cpu() - w0 < 300; i++) {
    const t0 = cpu();
    a.encode(W.warm(n));
    if (cpu() - t0 < 50 && n * 20 <= bytes) n *= 2;
  }
  gc();
  write(res); // a partial result exists even if the process is killed or crashes below
  process.stdout.write('@@ready\n');
  try {
    const c0 = cpu();
    const t0 = now();
    const ids = a.encode(text);
    res.ms = now() - t0;
    res.cpuMs = cpu() - c0;
    res.tokens = ids.length;
    res.hash = hashIds(ids);
  } catch (e) {
    res.error = String(e).slice(0, 200);
  }
  write(res);
}

/** No library: the harness's own floor (node + samples in memory), for reading the RSS column. */
function baseline(): void {
  let n = 0;
  for (const corpus of list(args.corpora, ['en', 'code', 'multi'])) n += readSamples(corpus, 0).chunkWarm.length;
  write({ mode: 'baseline', chars: n, maxRssMiB: process.resourceUsage().maxRSS / 1024 });
}

if (args.mode === 'worst') await worst();
else if (args.mode === 'baseline') baseline();
else await throughput();
