/**
 * Training benchmark: tokenlab's byte-level BPE trainer vs the native HF trainer (npm `tokenizers`)
 * on the same files, each in its own process; prints wall time, peak RSS and whether the merges are
 * identical. Never part of the test suite (heavy).
 *
 *   node --import tsx bench/train/bench-train.ts [--input <files/dirs, comma-separated>] [--langs N] [--threads N] [--repeat N] [--preset gpt2|llama3]
 *
 * Default input: the first N (default 40) FLORES-200 devtest files from ../shared/data; when absent,
 * a generated corpus (test/train/synthetic-corpus.ts, about 8 MB).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { syntheticCorpus } from '../../test/train/synthetic-corpus.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1]!);

function defaultInput(): string {
  const flores = resolve(root, '..', 'shared', 'data', 'flores200', 'devtest');
  const n = Number(args.get('langs') ?? '40');
  if (existsSync(flores)) return readdirSync(flores).sort().slice(0, n).map((f) => join(flores, f)).join(',');
  const file = join(mkdtempSync(join(tmpdir(), 'tl-bench-')), 'synthetic.txt');
  writeFileSync(file, syntheticCorpus(1, 150_000));
  return file;
}

const input = args.get('input') ?? defaultInput();
const threads = args.get('threads') ?? 'auto';
const repeat = Number(args.get('repeat') ?? '1');
const preset = args.get('preset') ?? 'gpt2';
const script = join(root, 'bench', 'train', 'run-trainer.ts');
const rows: Record<string, unknown>[] = [];
for (let r = 0; r < repeat; r++) {
  for (const impl of ['hf', 'tokenlab']) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', script, '--impl', impl, '--input', input, '--threads', threads, '--preset', preset], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const row = JSON.parse(out.trim().split('\n').pop()!) as Record<string, unknown>;
    rows.push(row);
    console.log(JSON.stringify(row));
  }
}
const shas = new Set(rows.map((r) => r['mergesSha']));
console.log(shas.size === 1 ? 'merges identical across implementations' : 'MERGES DIFFER between implementations');
