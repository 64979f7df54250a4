/**
 * Pruning step of Unigram training (SentencePiece `PruneSentencePieces`, spec §9.1 step 6.3):
 * - each piece is segmented with the other pieces (the arcs inside one of its occurrences). If its
 *   best segmentation already splits it, it can go; if it has no second-best segmentation without
 *   unknown chars, it always stays;
 * - otherwise its loss is F × (log p(piece) − Σ log p'(alternative)). F is the share of segment
 *   occurrences whose Viterbi path uses the piece; p' is recomputed with the piece's frequency moved
 *   to its second-best segmentation;
 * - pieces unused by any Viterbi path go; of the rest, the `max(desired, shrink × |pieces|)` with the
 *   highest loss stay (ties: lower piece id, i.e. seed order).
 * Returns the keep mask.
 */
import { segLength, type SegmentTable } from './unigram-segments.js';
import { viterbi, type Arcs } from './unigram-lattice.js';

export interface PieceSet {
  /** A text position where each piece occurs, its length in chars, its log-probability. */
  start: Int32Array;
  len: Uint8Array;
  score: Float64Array;
}

export function pruneMask(t: SegmentTable, a: Arcs, ps: PieceSet, unkScore: number, desired: number, shrink: number): Uint8Array {
  const np = ps.score.length;
  let maxSeg = 0;
  for (let s = 0; s + 1 < t.segStart.length; s++) maxSeg = Math.max(maxSeg, t.segStart[s + 1]! - t.segStart[s]!);
  const best = new Float64Array(maxSeg + 1);
  const back = new Int32Array(maxSeg + 1);
  const path = new Int32Array(maxSeg + 1);

  // Alternatives: altOff/alt hold each piece's second-best segmentation (empty: none).
  const alwaysKeep = new Uint8Array(np);
  const altOff = new Int32Array(np + 1);
  const altList: number[] = [];
  for (let i = 0; i < np; i++) {
    altOff[i] = altList.length;
    const p = ps.start[i]!;
    const n = ps.len[i]!;
    const full = fullArc(a, p, n, i);
    const k = viterbi(a, p, n, ps.score, unkScore, -1, best, back, path);
    if (k === 1 && full >= 0) {
      alwaysKeep[i] = 1;
      const k2 = viterbi(a, p, n, ps.score, unkScore, full, best, back, path);
      let ok = k2 > 0;
      for (let j = 0; j < k2; j++) if (path[j]! < 0) ok = false;
      if (ok) for (let j = 0; j < k2; j++) altList.push(path[j]!);
    } else if (k === 0) {
      alwaysKeep[i] = 1;
    } // else: its own best segmentation splits it, so it can go
  }
  altOff[np] = altList.length;

  // Viterbi over the segments: piece frequencies and the (weighted) share of segments using each piece.
  const freq = new Float64Array(np);
  const inSegs = new Float64Array(np);
  const lastSeg = new Int32Array(np).fill(-1);
  let total = 0;
  for (let s = 0; s + 1 < t.segStart.length; s++) {
    const c = t.segCount[s]!;
    total += c;
    const start = t.segStart[s]!;
    const k = viterbi(a, start, segLength(t, s), ps.score, unkScore, -1, best, back, path);
    for (let j = 0; j < k; j++) {
      const pc = path[j]!;
      if (pc < 0) continue;
      freq[pc]! += c;
      if (lastSeg[pc] !== s) { lastSeg[pc] = s; inSegs[pc]! += c; }
    }
  }
  let sum = 0;
  for (let i = 0; i < np; i++) sum += freq[i]!;
  const logSum = Math.log(sum);

  const keep = new Uint8Array(np);
  let kept = 0;
  const cand: number[] = [];
  const loss = new Float64Array(np);
  for (let i = 0; i < np; i++) {
    if (freq[i] === 0 || !alwaysKeep[i]) continue;
    if (altOff[i] === altOff[i + 1]) { keep[i] = 1; kept++; continue; }
    const F = inSegs[i]! / total;
    const logProb = Math.log(freq[i]!) - logSum;
    const logSumAlt = Math.log(sum + freq[i]! * (altOff[i + 1]! - altOff[i]! - 1));
    let logProbAlt = 0;
    for (let j = altOff[i]!; j < altOff[i + 1]!; j++) logProbAlt += Math.log(freq[altList[j]!]! + freq[i]!) - logSumAlt;
    loss[i] = F * (logProb - logProbAlt);
    cand.push(i);
  }
  const size = Math.max(desired, Math.floor(shrink * np));
  cand.sort((x, y) => loss[y]! - loss[x]! || x - y);
  for (const i of cand) {
    if (kept >= size) break;
    keep[i] = 1;
    kept++;
  }
  return keep;
}

/** Index of the arc at text position p with piece `piece` spanning n chars, or −1. */
function fullArc(a: Arcs, p: number, n: number, piece: number): number {
  for (let k = a.off[p]!; k < a.off[p + 1]!; k++) if (a.piece[k] === piece && a.len[k] === n) return k;
  return -1;
}
