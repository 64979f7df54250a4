/**
 * Lattices of the Unigram trainer: for every distinct word, the arcs (start, end, piece) of every
 * vocabulary piece that occurs in it (code-point positions). A char with no single-char piece gets
 * an unknown arc (piece −1). The arcs are rebuilt only after pruning; the EM steps in between
 * reuse them.
 * E-step: forward-backward in log space gives each piece's expected count. Viterbi gives the best
 * segmentation. Complexity: O(arcs) per pass.
 */
export interface Lattices {
  /** Per word: code-point length; its arcs are arcStart/arcEnd/arcPiece[wordArc[w] .. wordArc[w+1]). */
  wordLen: Int32Array;
  wordArc: Int32Array;
  arcStart: Int32Array;
  arcEnd: Int32Array;
  arcPiece: Int32Array;
  counts: Float64Array;
}

export function buildLattices(words: string[][], counts: Float64Array, pieceIndex: Map<string, number>, maxLen: number): Lattices {
  const s: number[] = [];
  const e: number[] = [];
  const p: number[] = [];
  const wordArc = new Int32Array(words.length + 1);
  const wordLen = new Int32Array(words.length);
  words.forEach((cps, w) => {
    wordArc[w] = s.length;
    wordLen[w] = cps.length;
    for (let i = 0; i < cps.length; i++) {
      let sub = '';
      let single = false;
      for (let j = i; j < cps.length && j - i < maxLen; j++) {
        sub += cps[j]!;
        const id = pieceIndex.get(sub);
        if (id === undefined) continue;
        if (j === i) single = true;
        s.push(i); e.push(j + 1); p.push(id);
      }
      if (!single) { s.push(i); e.push(i + 1); p.push(-1); }
    }
  });
  wordArc[words.length] = s.length;
  return { wordLen, wordArc, arcStart: Int32Array.from(s), arcEnd: Int32Array.from(e), arcPiece: Int32Array.from(p), counts };
}

function logAdd(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/**
 * Expected count of every piece (weighted by word counts), and the log-likelihood.
 * Arcs are grouped by start position, ascending, which the forward pass relies on.
 */
export function expectedCounts(l: Lattices, score: Float64Array, unkScore: number): { expected: Float64Array; objective: number } {
  const expected = new Float64Array(score.length);
  let objective = 0;
  let alpha = new Float64Array(64);
  let beta = new Float64Array(64);
  for (let w = 0; w < l.wordLen.length; w++) {
    const n = l.wordLen[w]!;
    if (n + 1 > alpha.length) { alpha = new Float64Array(2 * n + 2); beta = new Float64Array(2 * n + 2); }
    alpha.fill(-Infinity, 0, n + 1);
    beta.fill(-Infinity, 0, n + 1);
    alpha[0] = 0;
    beta[n] = 0;
    const a0 = l.wordArc[w]!;
    const a1 = l.wordArc[w + 1]!;
    for (let a = a0; a < a1; a++) {
      const sc = l.arcPiece[a]! < 0 ? unkScore : score[l.arcPiece[a]!]!;
      const e = l.arcEnd[a]!;
      alpha[e] = logAdd(alpha[e]!, alpha[l.arcStart[a]!]! + sc);
    }
    for (let a = a1 - 1; a >= a0; a--) {
      const sc = l.arcPiece[a]! < 0 ? unkScore : score[l.arcPiece[a]!]!;
      const s = l.arcStart[a]!;
      beta[s] = logAdd(beta[s]!, beta[l.arcEnd[a]!]! + sc);
    }
    const z = alpha[n]!;
    const c = l.counts[w]!;
    objective += c * z;
    for (let a = a0; a < a1; a++) {
      const pc = l.arcPiece[a]!;
      if (pc < 0) continue;
      expected[pc] = expected[pc]! + c * Math.exp(alpha[l.arcStart[a]!]! + score[pc]! + beta[l.arcEnd[a]!]! - z);
    }
  }
  return { expected, objective };
}

/** The pieces of the best segmentation of word w (unknown arcs as −1), or of a single string's arcs. */
export function viterbi(l: Lattices, w: number, score: Float64Array, unkScore: number, skipArc = -1): number[] | undefined {
  const n = l.wordLen[w]!;
  const best = new Float64Array(n + 1).fill(-Infinity);
  const back = new Int32Array(n + 1).fill(-1);
  best[0] = 0;
  const a1 = l.wordArc[w + 1]!;
  for (let a = l.wordArc[w]!; a < a1; a++) {
    if (a === skipArc) continue;
    const s = l.arcStart[a]!;
    if (best[s] === -Infinity) continue;
    const v = best[s]! + (l.arcPiece[a]! < 0 ? unkScore : score[l.arcPiece[a]!]!);
    const e = l.arcEnd[a]!;
    if (v > best[e]!) { best[e] = v; back[e] = a; }
  }
  if (best[n] === -Infinity) return undefined;
  const out: number[] = [];
  for (let pos = n; pos > 0; ) {
    const a = back[pos]!;
    out.push(l.arcPiece[a]!);
    pos = l.arcStart[a]!;
  }
  return out.reverse();
}
