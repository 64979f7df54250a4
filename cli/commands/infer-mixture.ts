/**
 * `tokenlab infer-mixture`: estimate a BPE tokenizer's training-data mixture from its merge list
 * (Hayase et al. 2024; docs/algorithms/mixture-inference.md). Thin: parses options, prints progress
 * to stderr and the estimated proportions to stdout; the work is in src/analysis/mixture-inference.
 */
import { Command } from 'commander';
import { TokenlabError } from '../../src/core/errors.js';
import { inferMixture } from '../../src/analysis/mixture-inference/infer.js';
import type { CategorySource } from '../../src/analysis/mixture-inference/category-source.js';
import { loadEncodingMerges, loadTokenizerJsonMerges } from '../../src/analysis/mixture-inference/merge-source.js';
import { filesUnder, udhrSource } from '../../src/analysis/mixture-inference/udhr-sources.js';
import { writeLp } from '../../src/analysis/mixture-inference/lp.js';
import { writeFileAtomic } from '../io.js';
import { numberFlag } from '../number-flags.js';

interface Flags {
  tokenizer?: string;
  encoding?: string;
  category: string[];
  udhr?: string;
  merges?: string;
  fromMerge?: string;
  sampleBytes?: string;
  threads?: string;
  maxAdd?: string;
  purgeAbove?: string;
  json?: string;
  lp?: string;
  quiet?: boolean;
}

const DEFAULT_UDHR = 'eng,fra,deu_1996,spa,rus';


function parseCategory(spec: string, maxBytes: number | undefined): CategorySource {
  const eq = spec.indexOf('=');
  if (eq <= 0) throw new TokenlabError(`--category expects NAME=PATH[,PATH…] or NAME=udhr:CODE, got ${JSON.stringify(spec)}`);
  const name = spec.slice(0, eq);
  const src: CategorySource = { name, texts: [], files: [] };
  for (const part of spec.slice(eq + 1).split(',')) {
    if (part.startsWith('udhr:')) src.texts!.push(...udhrSource(part.slice(5)).texts!);
    else src.files!.push(...filesUnder(part));
  }
  if (maxBytes !== undefined) src.maxBytes = maxBytes;
  return src;
}

export function inferMixtureCommand(): Command {
  return new Command('infer-mixture')
    .description("estimate a BPE tokenizer's training-data mixture over given categories from its merge list (Hayase et al. 2024)")
    .option('-t, --tokenizer <file>', 'a byte-level BPE tokenizer.json')
    .option('-e, --encoding <name>', 'a tiktoken encoding (r50k_base, cl100k_base, o200k_base, …)')
    .option('-c, --category <NAME=PATH>', 'a category and its sample: files, folders (all files under them), DIR/*.ext (files with that ending under DIR) or udhr:CODE, comma-separated; repeat per category', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--udhr <codes>', `categories from the embedded UDHR corpus, comma-separated (default when no --category: ${DEFAULT_UDHR})`)
    .option('--merges <T>', "use the first T merges ('all' for every merge; the paper uses 30000, which needs large samples and minutes to hours)", '1000')
    .option('--from-merge <S>', 'constrain only merges S.. (earlier ones are replayed): the mixture behind an extension, e.g. 100000 for Llama-3 over cl100k')
    .option('--sample-bytes <N>', 'read at most N bytes of sample text per category')
    .option('--threads <N>', 'worker threads for the replay (0: in this thread)', '2')
    .option('--max-add <N>', 'constraints added per epoch before re-solving', '2000')
    .option('--purge-above <N>', 'delete slack rows after a solve once the LP has more than N rows (bounds WebAssembly memory)', '150000')
    .option('--json <file>', 'write the estimate and run statistics as JSON')
    .option('--lp <file>', 'write the final LP (CPLEX LP format, lines ≤ 255 chars)')
    .option('-q, --quiet', 'no progress on stderr')
    .action(async (flags: Flags) => {
      if ((flags.tokenizer === undefined) === (flags.encoding === undefined)) throw new TokenlabError('choose exactly one of --tokenizer FILE or --encoding NAME');
      const sampleBytes = numberFlag('sample-bytes', flags.sampleBytes, { int: true, min: 0 });
      const source = flags.tokenizer !== undefined ? loadTokenizerJsonMerges(flags.tokenizer) : loadEncodingMerges(flags.encoding!);
      const sources = flags.category.map((c) => parseCategory(c, sampleBytes));
      const udhr = flags.udhr ?? (sources.length === 0 ? DEFAULT_UDHR : undefined);
      if (udhr !== undefined) {
        for (const code of udhr.split(',').filter(Boolean)) {
          const s = udhrSource(code);
          if (sampleBytes !== undefined) s.maxBytes = sampleBytes;
          sources.push(s);
        }
      }
      const log = (s: string): void => {
        if (!flags.quiet) process.stderr.write(s + '\n');
      };
      const maxMerges = flags.merges === 'all' ? undefined : numberFlag('merges', flags.merges, { int: true, min: 0 });
      const T = Math.min(maxMerges ?? Infinity, source.merges.length);
      log(`${source.name}: ${source.merges.length} merges, ${source.note}${source.unreachable ? ` (${source.unreachable} unreachable tokens skipped)` : ''}, using ${T}; ${sources.length} categories`);
      const est = await inferMixture(source.merges, sources, source.splitter, {
        ...(maxMerges !== undefined ? { maxMerges } : {}),
        threads: numberFlag('threads', flags.threads, { int: true, min: 0 })!,
        maxAdd: numberFlag('max-add', flags.maxAdd, { int: true, min: 0 })!,
        fromStep: numberFlag('from-merge', flags.fromMerge, { int: true, min: 0 }) ?? 0,
        purgeAbove: numberFlag('purge-above', flags.purgeAbove, { int: true, min: 0 })!,
        keepLp: flags.lp !== undefined,
        onReplay: (i, p) => {
          if (p.phase === 'count') log(`  ${sources[i]!.name}: ${p.bytes} sample bytes counted`);
          else if (p.step === p.of) log(`  ${sources[i]!.name}: replayed ${p.of} merges`);
        },
        onReplayed: (r) => log(`  replay ${(r.replayMs / 1000).toFixed(1)}s, join ${(r.joinMs / 1000).toFixed(1)}s: ${r.pairs} pairs, ${r.diffEntries} diff entries`),
        onEpoch: (e) => log(`  epoch ${e.epoch}: +${e.added} constraints (${e.constraints} total, ${e.liveRows} in the LP), objective ${e.objective.toExponential(3)}, scan ${(e.scanMs / 1000).toFixed(1)}s, solve ${(e.solveMs / 1000).toFixed(1)}s`),
      });
      const width = Math.max(8, ...est.categories.map((c) => c.name.length));
      const lines = [`${'category'.padEnd(width)}  byte share  pair share`];
      for (const c of [...est.categories].sort((a, b) => b.byteShare - a.byteShare)) {
        lines.push(`${c.name.padEnd(width)}  ${(c.byteShare * 100).toFixed(3).padStart(9)}%  ${(c.pairShare * 100).toFixed(3).padStart(9)}%`);
      }
      process.stdout.write(lines.join('\n') + '\n');
      log(`${est.merges} merges (${est.missingMerges} not in any sample), ${est.epochs} epochs, ${est.constraints} constraints, ${(est.timings.totalMs / 1000).toFixed(1)}s`);
      if (flags.lp !== undefined && est.lp) {
        writeFileAtomic(flags.lp, writeLp(est.lp.toLpModel()));
        est.lp.dispose();
      }
      if (flags.json !== undefined) {
        const { lp: _lp, ...rest } = est;
        writeFileAtomic(flags.json, JSON.stringify({ tokenizer: source.name, ...rest }, null, 2) + '\n');
      }
    });
}
