/**
 * Unigram LM training on word counts (SentencePiece's algorithm as HF's UnigramTrainer runs it on
 * pre-tokenized words; spec §9.1; docs/algorithms/unigram-training.md):
 *
 *   seeds -> repeat { 2 × (E-step: expected counts; M-step: drop < 0.5, score = ψ(c) − ψ(Σc)) ;
 *                     stop if |pieces| <= 1.1 × vocabSize ; prune to max(1.1 × vocab, 0.75 × |pieces|) }
 *         -> finalize: required chars + best-scoring pieces, up to vocabSize − |specials|
 *
 * Pruning (SentencePiece `PruneSentencePieces`):
 * - each piece is segmented with the other pieces. If its best segmentation already splits it, it
 *   can go.
 * - otherwise its loss is F × (log p(piece) − Σ log p'(alternative)). F is the share of word
 *   occurrences whose Viterbi path uses the piece; p' is recomputed with the piece's frequency moved
 *   to its second-best segmentation.
 * - the highest-loss pieces are kept.
 * Every char of the training words is required (HF; SentencePiece's character_coverage = 1).
 * Deterministic: ties in sorting fall back to the piece string.
 */
import { TokenlabError } from '../../core/errors.js';
import type { WordCounts } from '../counting/word-counts.js';
import type { TrainControl } from '../trainer.js';
import { buildLattices, expectedCounts, viterbi, type Lattices } from './unigram-lattice.js';
import { seedPieces } from './unigram-seeds.js';

export interface UnigramTrainerOptions {
  vocabSize: number;
  /** Special tokens first (ids 0..k−1); the unk token among them gets `unk_id`. */
  specialTokens?: string[];
  unkToken?: string;
  maxPieceLength?: number;
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
  const maxLen = o.maxPieceLength ?? 16;
  const specials = [...new Set(o.specialTokens ?? [])];
  const words: string[][] = [];
  const wc: number[] = [];
  for (const [w, c] of counts.entries()) {
    if (w.length === 0) continue;
    words.push(Array.from(w));
    wc.push(c);
  }
  const wordCounts = Float64Array.from(wc);
  const required = new Set(words.flat());
  const budget = o.vocabSize - specials.length;
  if (required.size > budget) {
    throw new TokenlabError(`vocabSize ${o.vocabSize} is too small: the training words have ${required.size} distinct chars (+${specials.length} special tokens), and every char must be in the vocabulary`);
  }
  let pieces = seedPieces(counts, { maxPieceLength: maxLen, seedSize: o.seedSize ?? 1_000_000 });
  const seeds = pieces.length;
  const desired = Math.floor((o.vocabSize * 11) / 10);
  let rounds = 0;
  let objective = 0;
  let lattices = latticesFor(pieces);
  for (;;) {
    if (control.signal?.aborted) throw new TokenlabError('training was interrupted');
    for (let it = 0; it < (o.subIterations ?? 2); it++) {
      const score = Float64Array.from(pieces, (p) => p[1]);
      const r = expectedCounts(lattices, score, minScore(pieces) - 10);
      objective = r.objective;
      pieces = mStep(pieces, r.expected);
      lattices = latticesFor(pieces);
    }
    rounds++;
    // Reported as the 'merge' phase (the trainer's main loop): pieces removed so far of those to remove.
    const total = Math.max(1, seeds - desired);
    control.onProgress?.({ phase: 'merge', done: Math.min(total, Math.max(0, seeds - pieces.length)), total });
    if (pieces.length <= desired) break;
    pieces = prune(pieces, lattices, desired, o.shrinkingFactor ?? 0.75);
    lattices = latticesFor(pieces);
  }
  return { vocab: finalize(pieces, required, specials, budget), unkId: o.unkToken !== undefined ? specials.indexOf(o.unkToken) : null, stats: { seeds, rounds, objective } };

  function latticesFor(ps: [string, number][]): Lattices {
    return buildLattices(words, wordCounts, new Map(ps.map(([p], i) => [p, i])), maxLen);
  }
}

function minScore(ps: [string, number][]): number {
  let m = Infinity;
  for (const [, s] of ps) if (s < m) m = s;
  return m === Infinity ? 0 : m;
}

/** Drops pieces expected fewer than 0.5 times; Bayesian (digamma) re-estimation of the rest. */
function mStep(ps: [string, number][], expected: Float64Array): [string, number][] {
  const kept: [string, number][] = [];
  let sum = 0;
  ps.forEach(([p], i) => {
    const f = expected[i]!;
    if (f < 0.5) return;
    kept.push([p, f]);
    sum += f;
  });
  const logSum = digamma(sum);
  return kept.map(([p, f]) => [p, digamma(f) - logSum]);
}

function prune(ps: [string, number][], l: Lattices, desired: number, shrink: number): [string, number][] {
  const score = Float64Array.from(ps, (p) => p[1]);
  const unk = minScore(ps) - 10;
  const index = new Map(ps.map(([p], i) => [p, i]));
  // Segment each piece on its own: removable, always kept, or kept with its alternative segmentation.
  const selfLat = buildLattices(ps.map(([p]) => Array.from(p)), new Float64Array(ps.length), index, Infinity);
  const alternatives: (number[] | undefined)[] = new Array(ps.length);
  const keep = new Uint8Array(ps.length);
  for (let i = 0; i < ps.length; i++) {
    const full = fullArc(selfLat, i, i);
    const best = viterbi(selfLat, i, score, unk);
    if (best === undefined || best.length === 1 && full < 0) { keep[i] = 1; continue; }
    if (best.length >= 2) continue; // its own best segmentation splits it: removable
    const second = viterbi(selfLat, i, score, unk, full);
    keep[i] = 1;
    if (second !== undefined && !second.includes(-1)) alternatives[i] = second;
  }
  // Viterbi over the corpus: piece frequencies and the (weighted) share of words using each piece.
  const freq = new Float64Array(ps.length);
  const inWords = new Float64Array(ps.length);
  let total = 0;
  for (let w = 0; w < l.wordLen.length; w++) {
    const c = l.counts[w]!;
    total += c;
    const path = viterbi(l, w, score, unk) ?? [];
    const seen = new Set<number>();
    for (const p of path) {
      if (p < 0) continue;
      freq[p] = freq[p]! + c;
      if (!seen.has(p)) { seen.add(p); inWords[p] = inWords[p]! + c; }
    }
  }
  const sum = freq.reduce((a, b) => a + b, 0);
  const logSum = Math.log(sum);
  const kept: [string, number][] = [];
  const candidates: [number, number][] = [];
  for (let i = 0; i < ps.length; i++) {
    if (freq[i] === 0 || !keep[i]) continue;
    const alt = alternatives[i];
    if (alt === undefined) { kept.push(ps[i]!); continue; }
    const F = inWords[i]! / total;
    const logProb = Math.log(freq[i]!) - logSum;
    const logSumAlt = Math.log(sum + freq[i]! * (alt.length - 1));
    let logProbAlt = 0;
    for (const n of alt) logProbAlt += Math.log(freq[n]! + freq[i]!) - logSumAlt;
    candidates.push([i, F * (logProb - logProbAlt)]);
  }
  const size = Math.max(desired, Math.floor(shrink * ps.length));
  candidates.sort((a, b) => b[1] - a[1] || (ps[a[0]]![0] < ps[b[0]]![0] ? -1 : 1));
  for (const [i] of candidates) {
    if (kept.length >= size) break;
    kept.push(ps[i]!);
  }
  // Keep the pieces' previous relative order (seed order), so later steps do not depend on pruning order.
  const order = new Map(ps.map(([p], i) => [p, i]));
  return kept.sort((a, b) => order.get(a[0])! - order.get(b[0])!);
}

/** Index of the arc of word w that spans the whole word with piece `piece`, or −1. */
function fullArc(l: Lattices, w: number, piece: number): number {
  for (let a = l.wordArc[w]!; a < l.wordArc[w + 1]!; a++) if (l.arcStart[a] === 0 && l.arcEnd[a] === l.wordLen[w] && l.arcPiece[a] === piece) return a;
  return -1;
}

/** Required chars first (missing ones just below the lowest score), then the best pieces; sorted by score. */
function finalize(ps: [string, number][], required: Set<string>, specials: string[], budget: number): [string, number][] {
  const have = new Map(ps);
  const low = minScore(ps);
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
