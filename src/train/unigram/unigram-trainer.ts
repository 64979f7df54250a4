/**
 * Unigram LM training on word counts (SentencePiece's algorithm; spec §9.1;
 * docs/algorithms/unigram-training.md):
 *
 *   segments (unigram-segments.ts: words cut where no piece may cross, e.g. a Unicode script change)
 *   -> seeds (unigram-seeds.ts: chars + top substrings from a suffix array)
 *   -> repeat { 2 × (E-step: expected counts; M-step: drop < 0.5, score = ψ(c) − ψ(Σc)) ;
 *               stop if |pieces| <= 1.1 × vocabSize ; prune (unigram-prune.ts) }
 *   -> finalize: required chars + best-scoring pieces, up to vocabSize − |specials|
 *
 * Pieces are (text position, length) pairs into the segment text until `finalize` makes strings of
 * the survivors. Every char of the training words is required (HF; SentencePiece's
 * character_coverage = 1). Deterministic: ties fall back to the seed order, then to the piece string.
 */
import { TokenlabError } from '../../core/errors.js';
import type { WordCounts } from '../counting/word-counts.js';
import type { TrainControl } from '../trainer.js';
import { buildArcs, compactArcs, expectedCounts, type Arcs } from './unigram-lattice.js';
import { pruneMask, type PieceSet } from './unigram-prune.js';
import { buildSegments, pieceString, type SegmentRules, type SegmentTable } from './unigram-segments.js';
import { seedSteps } from './unigram-seeds.js';
import { runAsync, runSync, type Steps } from './steps.js';

export interface UnigramTrainerOptions extends SegmentRules {
  vocabSize: number;
  /** Special tokens first (ids 0..k−1); the unk token among them gets `unk_id`. */
  specialTokens?: string[];
  unkToken?: string;
  /** SentencePiece `max_sentencepiece_length` (default 16, at most 255). */
  maxPieceLength?: number;
  /** SentencePiece `seed_sentencepiece_size` (default 10^6), chars included. */
  seedSize?: number;
  shrinkingFactor?: number;
  subIterations?: number;
}

export interface UnigramModelData {
  /** [piece, log-probability] by id; specials first with score 0. */
  vocab: [string, number][];
  unkId: number | null;
  stats: { seeds: number; rounds: number; objective: number };
}

/** SentencePiece's digamma approximation. */
export function digamma(x: number): number {
  let r = 0;
  for (; x < 7; ++x) r -= 1 / x;
  x -= 0.5;
  const xx = 1 / x;
  const xx2 = xx * xx;
  const xx4 = xx2 * xx2;
  return r + Math.log(x) + xx2 / 24 - (7 / 960) * xx4 + (31 / 8064) * xx4 * xx2 - (127 / 30720) * xx4 * xx4;
}

const cmpPiece = (a: [string, number], b: [string, number]): number => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

export function trainUnigram(counts: WordCounts, o: UnigramTrainerOptions, control: TrainControl = {}): UnigramModelData {
  return trainUnigramOnSegments(buildSegments(counts, o), o, control);
}

export function trainUnigramOnSegments(t: SegmentTable, o: UnigramTrainerOptions, control: TrainControl = {}): UnigramModelData {
  return runSync(trainSteps(t, o, control));
}

/** The same, giving the event loop a turn between steps, so that Ctrl-C (control.signal) stops it. */
export function trainUnigramOnSegmentsAsync(t: SegmentTable, o: UnigramTrainerOptions, control: TrainControl = {}): Promise<UnigramModelData> {
  return runAsync(trainSteps(t, o, control), control);
}

function* trainSteps(t: SegmentTable, o: UnigramTrainerOptions, control: TrainControl): Steps<UnigramModelData> {
  const maxLen = o.maxPieceLength ?? 16;
  if (!Number.isInteger(maxLen) || maxLen < 1 || maxLen > 255) throw new TokenlabError(`unigram: maxPieceLength must be an integer in 1..255 (got ${maxLen})`);
  const specials = [...new Set(o.specialTokens ?? [])];
  const budget = o.vocabSize - specials.length;
  const alphabet = t.codePoints.length - 1;
  if (alphabet > budget) {
    throw new TokenlabError(`vocabSize ${o.vocabSize} is too small: the training words have ${alphabet} distinct chars (+${specials.length} special tokens), and every char must be in the vocabulary`);
  }
  // What is trained on ('prepare': words = segments, symbols = chars), then the seed steps ('seed').
  const segments = t.segCount.length;
  control.onProgress?.({ phase: 'prepare', words: segments, symbols: t.text.length - 2 * segments, pairs: 0 });
  const seeds = yield* seedSteps(t, { maxPieceLength: maxLen, seedSize: o.seedSize ?? 1_000_000, onStep: (step, done) => control.onProgress?.({ phase: 'seed', step, done }) });
  let arcs = buildArcs(t, seeds);
  yield;
  let ps: PieceSet = { start: seeds.pieceStart, len: seeds.pieceLen, score: seeds.score };
  const seedCount = ps.score.length;
  const desired = Math.floor((o.vocabSize * 11) / 10);
  const total = Math.max(1, seedCount - desired);
  let rounds = 0;
  let objective = 0;
  for (;;) {
    for (let it = 0; it < (o.subIterations ?? 2); it++) {
      yield;
      const r = expectedCounts(t, arcs, ps.score, minScore(ps.score) - 10);
      objective = r.objective;
      ({ ps, arcs } = mStep(ps, arcs, r.expected));
      control.onProgress?.({ phase: 'merge', done: Math.min(total, Math.max(0, seedCount - ps.score.length)), total });
    }
    rounds++;
    if (ps.score.length <= desired) break;
    yield;
    const keep = pruneMask(t, arcs, ps, minScore(ps.score) - 10, desired, o.shrinkingFactor ?? 0.75);
    ({ ps, arcs } = applyKeep(ps, arcs, keep, ps.score));
    control.onProgress?.({ phase: 'merge', done: Math.min(total, Math.max(0, seedCount - ps.score.length)), total });
  }
  const pieces: [string, number][] = [];
  for (let i = 0; i < ps.score.length; i++) pieces.push([pieceString(t, ps.start[i]!, ps.len[i]!), ps.score[i]!]);
  const required: string[] = [];
  for (let c = 1; c < t.codePoints.length; c++) required.push(String.fromCodePoint(t.codePoints[c]!));
  return { vocab: finalize(pieces, required, specials, budget), unkId: o.unkToken !== undefined ? specials.indexOf(o.unkToken) : null, stats: { seeds: seedCount, rounds, objective } };
}

function minScore(score: Float64Array): number {
  let m = Infinity;
  for (let i = 0; i < score.length; i++) if (score[i]! < m) m = score[i]!;
  return m === Infinity ? 0 : m;
}

/** Drops pieces expected fewer than 0.5 times; Bayesian (digamma) re-estimation of the rest. */
function mStep(ps: PieceSet, arcs: Arcs, expected: Float64Array): { ps: PieceSet; arcs: Arcs } {
  const keep = new Uint8Array(expected.length);
  let sum = 0;
  for (let i = 0; i < expected.length; i++) {
    if (expected[i]! < 0.5) continue;
    keep[i] = 1;
    sum += expected[i]!;
  }
  const logSum = digamma(sum);
  const score = new Float64Array(expected.length);
  for (let i = 0; i < expected.length; i++) if (keep[i]) score[i] = digamma(expected[i]!) - logSum;
  return applyKeep(ps, arcs, keep, score);
}

/** The kept pieces (in their order) with the given scores, and the arcs renumbered to match. */
function applyKeep(ps: PieceSet, arcs: Arcs, keep: Uint8Array, score: Float64Array): { ps: PieceSet; arcs: Arcs } {
  const remap = new Int32Array(keep.length).fill(-1);
  let n = 0;
  for (let i = 0; i < keep.length; i++) if (keep[i]) remap[i] = n++;
  const next: PieceSet = { start: new Int32Array(n), len: new Uint8Array(n), score: new Float64Array(n) };
  for (let i = 0; i < keep.length; i++) {
    const j = remap[i]!;
    if (j < 0) continue;
    next.start[j] = ps.start[i]!;
    next.len[j] = ps.len[i]!;
    next.score[j] = score[i]!;
  }
  return { ps: next, arcs: compactArcs(arcs, remap) };
}

/** Required chars first (missing ones just below the lowest score), then the best pieces; sorted by score. */
function finalize(ps: [string, number][], required: string[], specials: string[], budget: number): [string, number][] {
  const have = new Map(ps);
  let low = Infinity;
  for (const [, s] of ps) low = Math.min(low, s);
  if (low === Infinity) low = 0;
  const out = new Map<string, number>();
  let penalty = 0;
  for (const ch of [...required].sort()) {
    const s = have.get(ch);
    if (s !== undefined) out.set(ch, s);
    else { penalty += 0.0001; out.set(ch, low - penalty); }
  }
  for (const [p, s] of [...ps].sort(cmpPiece)) {
    if (out.size >= budget) break;
    if (!out.has(p) && !specials.includes(p)) out.set(p, s);
  }
  // 12 significant digits: 17-digit scores are parsed 1 ulp off by the native HF binding (8241 of 32000
  // on en-5M), which flips near-tied Viterbi paths there (docs/training-benchmarks.md, Interoperability).
  const sorted = [...out.entries()].map(([p, s]): [string, number] => [p, Number(s.toPrecision(12))]).sort(cmpPiece);
  return [...specials.map((t): [string, number] => [t, 0]), ...sorted];
}
