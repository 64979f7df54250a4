/**
 * Data mixture inference end to end (Hayase et al. 2024; docs/algorithms/mixture-inference.md):
 * replay the merge list on each category's sample (parallel-replay.ts), join the replays
 * (mixture-data.ts), solve the LP with lazy constraint generation (lazy-constraints.ts), and convert
 * the pair shares to byte shares (byte-shares.ts).
 */
import { TokenlabError } from '../../core/errors.js';
import { pairSharesToByteShares } from './byte-shares.js';
import type { CategorySource } from './category-source.js';
import { getHighs } from './highs-loader.js';
import { solveLazily, type EpochReport, type LazyOptions } from './lazy-constraints.js';
import { truncateMerges, type MergeList } from './merge-list.js';
import { buildMixtureData } from './mixture-data.js';
import { replayCategories } from './parallel-replay.js';
import type { SplitterSpec } from './piece-splitter.js';
import type { ReplayProgress } from './replay-task.js';
import type { MixtureLp } from './solve.js';

export interface InferOptions extends Omit<LazyOptions, 'onEpoch'> {
  /** Use only the first T merges. */
  maxMerges?: number;
  threads?: number;
  onReplay?: (category: number, p: ReplayProgress) => void;
  onEpoch?: (e: EpochReport) => void;
  /** Called once the replays are joined, before the LP: replay and join times, pairs, diff entries. */
  onReplayed?: (r: { replayMs: number; joinMs: number; pairs: number; diffEntries: number }) => void;
}

export interface CategoryEstimate {
  name: string;
  /** Estimated share of the training data's bytes. */
  byteShare: number;
  /** The LP's α: share of adjacent pairs. */
  pairShare: number;
  sampleBytes: number;
  samplePairs: number;
  wordTypes: number;
}

export interface MixtureEstimate {
  categories: CategoryEstimate[];
  merges: number;
  missingMerges: number;
  epochs: number;
  /** False when the epoch limit stopped the LP loop early (the estimate is then approximate). */
  converged: boolean;
  constraints: number;
  objective: number;
  pairs: number;
  diffEntries: number;
  timings: { replayMs: number; joinMs: number; scanMs: number; solveMs: number; totalMs: number };
  lp?: MixtureLp;
}

export async function inferMixture(mergeList: MergeList, sources: readonly CategorySource[], splitter: SplitterSpec, opts: InferOptions = {}): Promise<MixtureEstimate> {
  if (sources.length < 2) throw new TokenlabError(`mixture inference needs at least 2 categories, got ${sources.length}`);
  if (sources.length > 255) throw new TokenlabError(`at most 255 categories are supported, got ${sources.length}`);
  const names = new Set<string>();
  for (const s of sources) {
    if (names.has(s.name)) throw new TokenlabError(`category ${JSON.stringify(s.name)} is given twice`);
    names.add(s.name);
  }
  const t0 = performance.now();
  const merges = truncateMerges(mergeList, opts.maxMerges);
  const replays = await replayCategories(sources, splitter, merges, { ...(opts.threads !== undefined ? { threads: opts.threads } : {}), ...(opts.onReplay ? { onProgress: opts.onReplay } : {}) });
  for (let i = 0; i < replays.length; i++) {
    if (replays[i]!.totalPairs === 0) throw new TokenlabError(`category ${JSON.stringify(sources[i]!.name)} has no adjacent byte pairs in its sample (empty text?)`);
  }
  const t1 = performance.now();
  const data = buildMixtureData(replays, merges);
  const t2 = performance.now();
  opts.onReplayed?.({ replayMs: t1 - t0, joinMs: t2 - t1, pairs: data.numPairs, diffEntries: data.stepSlot.length });
  const highs = await getHighs();
  const res = await solveLazily(highs, data, opts);
  const t3 = performance.now();
  const alpha = res.solution.alpha;
  const shares = pairSharesToByteShares(alpha, data.totalBytes, data.totalPairs);
  return {
    categories: sources.map((s, i) => ({
      name: s.name,
      byteShare: shares[i]!,
      pairShare: alpha[i]!,
      sampleBytes: data.totalBytes[i]!,
      samplePairs: data.totalPairs[i]!,
      wordTypes: replays[i]!.wordTypes,
    })),
    merges: merges.length,
    missingMerges: res.missingMerges,
    epochs: res.epochs,
    converged: res.converged,
    constraints: res.constraints,
    objective: res.solution.objective,
    pairs: data.numPairs,
    diffEntries: data.stepSlot.length,
    timings: { replayMs: t1 - t0, joinMs: t2 - t1, scanMs: res.scanMs, solveMs: res.solveMs, totalMs: t3 - t0 },
    ...(res.lp ? { lp: res.lp } : {}),
  };
}
