/**
 * Benchmark corpora and the samples cut from them.
 *
 * Sources (never committed; bench/.corpus/ is gitignored):
 *   en    bench/.corpus/en/*.txt     built by /work/shared/data/scripts/build-en-corpus.sh   (npm run corpus)
 *   code  bench/.corpus/code/*.txt   built by /work/shared/data/scripts/build-code-corpus.sh (npm run corpus)
 *   multi bench/.corpus/multi/flores200-devtest.txt: every FLORES-200 devtest file (sorted by name),
 *         interleaved in blocks of 5 sentences, so that every 1 MB chunk holds every language.
 *
 * Samples: for round r and k measured slots, the harness needs per corpus a warm-up chunk, k chunks to time
 * encode (and decode), k other chunks to time count, and the same for batches of ~10 KB documents. Slot i of
 * round r reads file (r*k+i) mod F, so encode and count of slot i see the same kind of text but different
 * bytes; regions are spread evenly over each file and never overlap within a round (each child process
 * handles one round, so no timed text was seen before in that process).
 * Regions start after a newline and end at a newline (a UTF-8 boundary otherwise).
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BENCH_DIR } from './util.js';

export const CORPORA = ['en', 'code', 'multi'] as const;
export type CorpusName = (typeof CORPORA)[number];

export const CORPUS_DIR = resolve(process.env.BENCH_CORPUS_DIR ?? join(BENCH_DIR, '.corpus'));
export const FLORES_DIR = resolve(process.env.FLORES_DIR ?? join(BENCH_DIR, '../../shared/data/flores200/devtest'));
export const SAMPLES_DIR = join(CORPUS_DIR, 'samples');

export interface SampleParams {
  rounds: number;
  k: number;
  chunkBytes: number;
  docBytes: number;
  docsPerBatch: number;
  /** size of the untimed warm-up chunk (the warm-up docs batch has 10 docs) */
  warmBytes: number;
}

/** What one child process reads for one corpus. */
export interface RoundSamples {
  corpus: CorpusName;
  round: number;
  /** [warm-up, encode_0..k-1, count_0..k-1] */
  chunkWarm: string;
  chunkEncode: string[];
  chunkCount: string[];
  docWarm: string[];
  docEncode: string[][];
  docCount: string[][];
  /** "file@offset" of each region, for the record. */
  origin: Record<string, string>;
}

export interface SourceFile {
  corpus: CorpusName;
  path: string;
  bytes: number;
  sha256: string;
}

export interface Manifest {
  params: SampleParams;
  sources: SourceFile[];
  samples: { corpus: CorpusName; round: number; file: string; sha256: string; textBytes: number }[];
  neutralizedSpecials: number;
}

const SPECIAL = /<\|(endoftext|fim_prefix|fim_middle|fim_suffix|endofprompt|im_start|im_end|im_sep)\|>/g;

function sha256File(path: string): string {
  const h = createHash('sha256');
  const fd = openSync(path, 'r');
  const buf = Buffer.allocUnsafe(1 << 22);
  try {
    for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0; ) h.update(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return h.digest('hex');
}

export function sourceFiles(corpus: CorpusName): string[] {
  const dir = join(CORPUS_DIR, corpus);
  if (corpus === 'multi') return [buildMulti()];
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join(dir, f));
}

/** FLORES-200 devtest, all files sorted by name, interleaved by blocks of 5 sentences. Cached on disk. */
export function buildMulti(): string {
  const out = join(CORPUS_DIR, 'multi', 'flores200-devtest.txt');
  if (existsSync(out)) return out;
  if (!existsSync(FLORES_DIR)) throw new Error(`FLORES-200 devtest not found at ${FLORES_DIR} (set FLORES_DIR)`);
  const files = readdirSync(FLORES_DIR).filter((f) => f.endsWith('.devtest')).sort();
  const docs = files.map((f) => readFileSync(join(FLORES_DIR, f), 'utf8').split('\n').filter((l) => l.length > 0));
  const maxLines = Math.max(...docs.map((d) => d.length));
  const parts: string[] = [];
  for (let b = 0; b < maxLines; b += 5) for (const d of docs) for (const l of d.slice(b, b + 5)) parts.push(l + '\n');
  mkdirSync(join(CORPUS_DIR, 'multi'), { recursive: true });
  writeFileSync(out, parts.join(''));
  return out;
}

interface Region {
  text: string;
  end: number;
}

/** Reads ~maxBytes from `start`, beginning after the first newline (unless at 0), ending at a newline. */
function readRegion(fd: number, size: number, start: number, maxBytes: number): Region {
  const len = Math.min(maxBytes + 64 * 1024, size - start);
  const buf = Buffer.allocUnsafe(len);
  readSync(fd, buf, 0, len, start);
  let s = 0;
  if (start > 0) {
    const nl = buf.indexOf(10);
    if (nl >= 0 && nl < 64 * 1024) s = nl + 1;
  }
  let e = Math.min(len, s + maxBytes);
  if (e < len) {
    const nl = buf.lastIndexOf(10, e - 1);
    if (nl > s + maxBytes / 2) e = nl + 1;
    else while (e > s && (buf[e]! & 0xc0) === 0x80) e--;
  }
  return { text: buf.subarray(s, e).toString('utf8'), end: start + e };
}

type Req = { round: number; kind: 'chunk' | 'docs'; role: 'warm' | 'encode' | 'count'; slot: number; file: number; bytes: number; docs: number };

export function prepareSamples(params: SampleParams, corpora: readonly CorpusName[], log: (s: string) => void): Manifest {
  const manifest: Manifest = { params, sources: [], samples: [], neutralizedSpecials: 0 };
  mkdirSync(SAMPLES_DIR, { recursive: true });
  for (const corpus of corpora) {
    const files = sourceFiles(corpus);
    if (files.length === 0)
      throw new Error(`corpus "${corpus}" missing under ${join(CORPUS_DIR, corpus)}: run \`npm run corpus\` in bench/`);
    const sizes = files.map((f) => statSync(f).size);
    for (let i = 0; i < files.length; i++)
      manifest.sources.push({ corpus, path: files[i]!, bytes: sizes[i]!, sha256: sha256File(files[i]!) });
    const F = files.length;
    const { k, rounds, chunkBytes, docBytes, docsPerBatch, warmBytes } = params;
    const warmDocs = Math.min(10, docsPerBatch);
    const reqs: Req[] = [];
    for (let r = 0; r < rounds; r++) {
      const warmFile = (r * k + k) % F;
      for (const kind of ['chunk', 'docs'] as const) {
        const bytes = kind === 'chunk' ? chunkBytes : docBytes * docsPerBatch;
        const warm = kind === 'chunk' ? Math.min(warmBytes, chunkBytes) : docBytes * warmDocs;
        reqs.push({ round: r, kind, role: 'warm', slot: 0, file: warmFile, bytes: warm, docs: warmDocs });
        for (let i = 0; i < k; i++) {
          const file = (r * k + i) % F;
          reqs.push({ round: r, kind, role: 'encode', slot: i, file, bytes, docs: docsPerBatch });
          reqs.push({ round: r, kind, role: 'count', slot: i, file, bytes, docs: docsPerBatch });
        }
      }
    }
    // Spread each file's regions evenly: gap between consecutive regions of the same file.
    const demand = new Array<number>(F).fill(0);
    const n = new Array<number>(F).fill(0);
    for (const q of reqs) (demand[q.file]! += q.bytes), n[q.file]!++;
    const cursor = sizes.map((s, f) => Math.max(0, Math.floor((s - demand[f]!) / n[f]! / 2)));
    const gap = sizes.map((s, f) => Math.max(0, Math.floor((s - demand[f]!) / Math.max(1, n[f]!))));
    const fds = files.map((f) => openSync(f, 'r'));
    const byRound: RoundSamples[] = [];
    for (let r = 0; r < rounds; r++)
      byRound.push({ corpus, round: r, chunkWarm: '', chunkEncode: [], chunkCount: [], docWarm: [], docEncode: [], docCount: [], origin: {} });
    const fix = (t: string) =>
      t.replace(SPECIAL, (m) => {
        manifest.neutralizedSpecials++;
        return '<\u200b' + m.slice(1);
      });
    for (const q of reqs) {
      const f = q.file;
      if (cursor[f]! + q.bytes + 1 > sizes[f]!) cursor[f] = 0; // tiny file: wrap (only across rounds in practice)
      const rs = byRound[q.round]!;
      const at = `${files[f]!.split('/').pop()}@${cursor[f]}`;
      if (q.kind === 'chunk') {
        const reg = readRegion(fds[f]!, sizes[f]!, cursor[f]!, q.bytes);
        cursor[f] = reg.end + gap[f]!;
        const t = fix(reg.text);
        if (q.role === 'warm') rs.chunkWarm = t;
        else (q.role === 'encode' ? rs.chunkEncode : rs.chunkCount)[q.slot] = t;
        rs.origin[`chunk/${q.role}/${q.slot}`] = at;
      } else {
        const batch: string[] = [];
        let c = cursor[f]!;
        for (let d = 0; d < q.docs; d++) {
          const reg = readRegion(fds[f]!, sizes[f]!, c, docBytes);
          batch.push(fix(reg.text));
          c = reg.end;
        }
        cursor[f] = c + gap[f]!;
        if (q.role === 'warm') rs.docWarm = batch;
        else (q.role === 'encode' ? rs.docEncode : rs.docCount)[q.slot] = batch;
        rs.origin[`docs/${q.role}/${q.slot}`] = at;
      }
    }
    fds.forEach((fd) => closeSync(fd));
    for (const rs of byRound) {
      const file = join(SAMPLES_DIR, `${corpus}-r${rs.round}.json`);
      const json = JSON.stringify(rs);
      writeFileSync(file, json);
      const textBytes = [rs.chunkWarm, ...rs.chunkEncode, ...rs.chunkCount, ...rs.docWarm, ...rs.docEncode.flat(), ...rs.docCount.flat()]
        .map((t) => Buffer.byteLength(t))
        .reduce((a, b) => a + b, 0);
      manifest.samples.push({ corpus, round: rs.round, file, sha256: createHash('sha256').update(json).digest('hex'), textBytes });
    }
    log(`  ${corpus}: ${F} source file(s), ${(sizes.reduce((a, b) => a + b, 0) / 1e6).toFixed(1)} MB; samples for ${rounds} round(s) written`);
  }
  writeFileSync(join(SAMPLES_DIR, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return manifest;
}

export function readSamples(corpus: string, round: number): RoundSamples {
  return JSON.parse(readFileSync(join(SAMPLES_DIR, `${corpus}-r${round}.json`), 'utf8')) as RoundSamples;
}
