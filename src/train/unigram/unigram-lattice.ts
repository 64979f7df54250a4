/**
 * Lattices of the Unigram trainer, for all segments at once: at every text position, the arcs of
 * every vocabulary piece that starts there (piece id and length; the first arc of a position is its
 * single char, piece −1 once that char is no longer a piece: the unknown arc).
 *
 * Built once from the seeds' suffix-array intervals, which list every occurrence of every seed, so
 * no trie and no string is needed; after each M-step and pruning the arcs of dropped pieces are
 * removed in place (`compactArcs`).
 *
 * E-step: forward-backward in linear space (a multiply-add per arc, no exp/log), which is exact
 * enough while every path probability stays above ~e^−700; a segment whose all-chars path could
 * underflow falls back to log space. Viterbi runs in log space.
 */
import type { SegmentTable } from './unigram-segments.js';
import type { Seeds } from './unigram-seeds.js';

export interface Arcs {
  /** Arcs starting at text position p: off[p] .. off[p + 1]. */
  off: Int32Array;
  piece: Int32Array;
  len: Uint8Array;
}

export function buildArcs(t: SegmentTable, s: Seeds): Arcs {
  const n = t.text.length;
  const off = new Int32Array(n + 1);
  const { sa, lb, rb } = s;
  const isChar = (sym: number): boolean => sym > 0 && sym < t.contextBase;
  for (let p = 0; p < n; p++) if (isChar(t.text[p]!)) off[p + 1]!++;
  for (let id = 0; id < lb.length; id++) for (let i = lb[id]!; i >= 0 && i <= rb[id]!; i++) off[sa[i]! + 1]!++;
  for (let p = 0; p < n; p++) off[p + 1]! += off[p]!;
  const total = off[n]!;
  const piece = new Int32Array(total);
  const len = new Uint8Array(total);
  const cursor = off.slice(0, n);
  for (let p = 0; p < n; p++) {
    const c = t.text[p]!;
    if (!isChar(c)) continue;
    const k = cursor[p]!++;
    piece[k] = s.charPiece[c]!;
    len[k] = 1;
  }
  for (let id = 0; id < lb.length; id++) {
    const l = s.pieceLen[id]!;
    for (let i = lb[id]!; i >= 0 && i <= rb[id]!; i++) {
      const k = cursor[sa[i]!]!++;
      piece[k] = id;
      len[k] = l;
    }
  }
  return { off, piece, len };
}

/** Renumbers pieces (remap[old] = new id, or −1 if dropped) and removes the arcs of dropped multi-char pieces. */
export function compactArcs(a: Arcs, remap: Int32Array): Arcs {
  const { off, piece, len } = a;
  const n = off.length - 1;
  let w = 0;
  let from = off[0]!;
  for (let p = 0; p < n; p++) {
    const to = off[p + 1]!;
    off[p] = w;
    for (let k = from; k < to; k++) {
      const old = piece[k]!;
      const id = old < 0 ? -1 : remap[old]!;
      if (id < 0 && len[k]! > 1) continue;
      piece[w] = id;
      len[w++] = len[k]!;
    }
    from = to;
  }
  off[n] = w;
  // Give the memory back once the arcs have shrunk enough.
  if (w < 0.7 * piece.length) return { off, piece: piece.slice(0, w), len: len.slice(0, w) };
  return { off, piece, len };
}

export interface EStepResult {
  expected: Float64Array;
  objective: number;
}

/** Expected count of every piece (weighted by segment counts) and the log-likelihood. */
export function expectedCounts(t: SegmentTable, a: Arcs, score: Float64Array, unkScore: number): EStepResult {
  const { segStart, segCount } = t;
  const { off, piece, len } = a;
  const expected = new Float64Array(score.length);
  const prob = new Float64Array(score.length);
  for (let i = 0; i < score.length; i++) prob[i] = Math.exp(score[i]!);
  const unkProb = Math.exp(unkScore);
  let alpha = new Float64Array(256);
  let beta = new Float64Array(256);
  let objective = 0;
  for (let s = 0; s < segCount.length; s++) {
    const start = segStart[s]!;
    const n = segStart[s + 1]! - 2 - start;
    if (n + 1 > alpha.length) { alpha = new Float64Array(2 * n + 2); beta = new Float64Array(2 * n + 2); }
    // Lower bound of every forward/backward value: the all-chars path. Too small for doubles: log space.
    let bound = 0;
    for (let i = 0; i < n; i++) {
      const pc = piece[off[start + i]!]!;
      const sc = pc < 0 ? unkScore : score[pc]!;
      if (sc < 0) bound += sc;
    }
    const c = segCount[s]!;
    if (bound < -600) { objective += c * logSpaceSegment(a, start, n, c, score, unkScore, expected); continue; }
    alpha.fill(0, 0, n + 1);
    alpha[0] = 1;
    for (let i = 0; i < n; i++) {
      const x = alpha[i]!;
      if (x === 0) continue;
      const k1 = off[start + i + 1]!;
      for (let k = off[start + i]!; k < k1; k++) {
        const pc = piece[k]!;
        alpha[i + len[k]!]! += x * (pc < 0 ? unkProb : prob[pc]!);
      }
    }
    const z = alpha[n]!;
    objective += c * Math.log(z);
    const f = c / z;
    beta[n] = 1;
    for (let i = n - 1; i >= 0; i--) {
      const fa = f * alpha[i]!;
      let b = 0;
      const k1 = off[start + i + 1]!;
      for (let k = off[start + i]!; k < k1; k++) {
        const pc = piece[k]!;
        const term = (pc < 0 ? unkProb : prob[pc]!) * beta[i + len[k]!]!;
        b += term;
        if (pc >= 0) expected[pc]! += fa * term;
      }
      beta[i] = b;
    }
  }
  return { expected, objective };
}

function logAdd(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/** Forward-backward of one segment in log space; returns its log-likelihood. */
function logSpaceSegment(a: Arcs, start: number, n: number, c: number, score: Float64Array, unkScore: number, expected: Float64Array): number {
  const { off, piece, len } = a;
  const alpha = new Float64Array(n + 1).fill(-Infinity);
  const beta = new Float64Array(n + 1).fill(-Infinity);
  alpha[0] = 0;
  beta[n] = 0;
  for (let i = 0; i < n; i++) {
    for (let k = off[start + i]!; k < off[start + i + 1]!; k++) {
      const pc = piece[k]!;
      const e = i + len[k]!;
      alpha[e] = logAdd(alpha[e]!, alpha[i]! + (pc < 0 ? unkScore : score[pc]!));
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    for (let k = off[start + i]!; k < off[start + i + 1]!; k++) {
      const pc = piece[k]!;
      beta[i] = logAdd(beta[i]!, beta[i + len[k]!]! + (pc < 0 ? unkScore : score[pc]!));
    }
  }
  const z = alpha[n]!;
  for (let i = 0; i < n; i++) {
    for (let k = off[start + i]!; k < off[start + i + 1]!; k++) {
      const pc = piece[k]!;
      if (pc >= 0) expected[pc]! += c * Math.exp(alpha[i]! + score[pc]! + beta[i + len[k]!]! - z);
    }
  }
  return z;
}

/**
 * Best segmentation of the `n` chars at text position `start` (arcs must end within them), as piece
 * ids (−1: unknown char) into `out`; `skip` is an arc index to leave out (−1: none). Returns the
 * number of pieces, or 0 if there is no path. `best`/`back` are scratch arrays of at least n + 1.
 */
export function viterbi(a: Arcs, start: number, n: number, score: Float64Array, unkScore: number, skip: number, best: Float64Array, back: Int32Array, out: Int32Array): number {
  const { off, piece, len } = a;
  best.fill(-Infinity, 0, n + 1);
  best[0] = 0;
  for (let i = 0; i < n; i++) {
    const x = best[i]!;
    if (x === -Infinity) continue;
    const k1 = off[start + i + 1]!;
    for (let k = off[start + i]!; k < k1; k++) {
      const e = i + len[k]!;
      if (e > n || k === skip) continue;
      const pc = piece[k]!;
      const v = x + (pc < 0 ? unkScore : score[pc]!);
      if (v > best[e]!) { best[e] = v; back[e] = k; }
    }
  }
  if (best[n] === -Infinity) return 0;
  let count = 0;
  for (let e = n; e > 0; e -= len[back[e]!]!) count++;
  let j = count;
  for (let e = n; e > 0; e -= len[back[e]!]!) out[--j] = piece[back[e]!]!;
  return count;
}
