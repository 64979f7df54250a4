/**
 * Seed pieces for Unigram training (spec §9.1 step 4): every char, plus the `seedSize − chars` best
 * substrings by `frequency × length`, turned into log-probabilities.
 *
 * Candidates are the internal nodes of a suffix tree over the segment text (unigram-segments.ts), as
 * in SentencePiece (esaxx over the sentences joined by NUL), read from a suffix array sorted to
 * `maxPieceLength` chars (depth-suffix-array.ts): substrings of 2..maxPieceLength chars that occur in
 * two or more places and are right-branching. A segment's end is followed by its context symbol (the
 * next segment's first char, or end of word), so a word that is always followed by a space is not a
 * node, as in SentencePiece's sentences.
 * Frequency is the corpus frequency: the segment counts summed over the interval (prefix sums in
 * suffix-array order), as SentencePiece counts occurrences in a text corpus (its TSV input, not
 * used here, counts each distinct word twice instead). The top candidates are kept with a bounded
 * heap; no string is made for any of them.
 * Ties: score descending, then the piece in code-point order (the interval's first suffix-array row,
 * then the shorter piece), so the seeds do not depend on anything but the counts.
 * Cost: O(n log maxPieceLength) time for n chars of distinct segments; memory ~30 bytes per char.
 */
import { cappedLcp, sortSuffixesToDepth } from './depth-suffix-array.js';
import { runSync, type Steps } from './steps.js';
import type { SegmentTable } from './unigram-segments.js';

export interface SeedOptions {
  maxPieceLength: number;
  seedSize: number;
  onStep?: (step: 'sort' | 'lcp' | 'candidates', done: number) => void;
}

export interface Seeds {
  /** Per piece (chars first, by weighted frequency, then substrings by score): a text position where it occurs, its length, its log-probability. */
  pieceStart: Int32Array;
  pieceLen: Uint8Array;
  score: Float64Array;
  /** Per piece: its suffix-array rows [lb, rb] (chars: −1); every occurrence of the piece starts at sa[lb..rb]. */
  lb: Int32Array;
  rb: Int32Array;
  /** Suffix array of the non-separator positions. */
  sa: Int32Array;
  /** Piece id of each char id. */
  charPiece: Int32Array;
}

export function seedPieces(t: SegmentTable, o: SeedOptions): Seeds {
  return runSync(seedSteps(t, o));
}

/** seedPieces, yielding after the sort, the LCP array and the candidate scan. */
export function* seedSteps(t: SegmentTable, o: SeedOptions): Steps<Seeds> {
  const { text, segStart, segCount, charFreq, contextBase } = t;
  const maxLen = o.maxPieceLength;
  const nSeg = segCount.length;
  const full = sortSuffixesToDepth(text, 2 * contextBase, maxLen, (chars) => o.onStep?.('sort', chars));
  // Separators sort first, context symbols last: keep the suffixes that start with a char.
  yield;
  const sa = full.subarray(nSeg, text.length - nSeg);
  const m = sa.length;
  const lcp = cappedLcp(text, sa, maxLen + 1);
  o.onStep?.('lcp', m);
  yield;
  // Prefix sums of segment counts in suffix-array order: an interval's corpus frequency in O(1).
  const posWeight = new Float64Array(text.length);
  for (let s = 0; s < nSeg; s++) posWeight.fill(segCount[s]!, segStart[s]!, segStart[s + 1]! - 2);
  const W = new Float64Array(m + 1);
  for (let i = 0; i < m; i++) W[i + 1] = W[i]! + posWeight[sa[i]!]!;

  // Chars first, by weighted frequency (ties: code point).
  const chars: number[] = [];
  for (let c = 1; c < charFreq.length; c++) if (charFreq[c]! > 0) chars.push(c);
  chars.sort((a, b) => charFreq[b]! - charFreq[a]! || a - b);
  const top = new TopK(Math.max(0, o.seedSize - chars.length));

  // Internal nodes: bottom-up LCP intervals (Abouelhoda et al.); depths are capped at maxLen + 1.
  const stackL = new Int32Array(maxLen + 3);
  const stackLb = new Int32Array(maxLen + 3);
  let sp = 0;
  for (let i = 1; i <= m; i++) {
    const l = i < m ? lcp[i]! : 0;
    let lb = i - 1;
    while (l < stackL[sp]!) {
      const depth = stackL[sp]!;
      lb = stackLb[sp]!;
      sp--;
      // A node whose string ends in a context symbol is not a piece.
      if (depth >= 2 && depth <= maxLen && text[sa[lb]! + depth - 1]! < contextBase) top.offer((W[i]! - W[lb]!) * depth, lb, i - 1, depth);
    }
    if (l > stackL[sp]!) { sp++; stackL[sp] = l; stackLb[sp] = lb; }
  }
  o.onStep?.('candidates', top.offered);
  yield;

  const picked = top.sorted();
  const n = chars.length + picked.length;
  const pieceStart = new Int32Array(n);
  const pieceLen = new Uint8Array(n);
  const score = new Float64Array(n);
  const lbs = new Int32Array(n).fill(-1);
  const rbs = new Int32Array(n).fill(-1);
  const charPiece = new Int32Array(charFreq.length).fill(-1);
  const firstAt = new Int32Array(charFreq.length).fill(-1);
  for (let p = text.length - 1; p >= 0; p--) if (text[p]! < contextBase) firstAt[text[p]!] = p;
  chars.forEach((c, id) => {
    pieceStart[id] = firstAt[c]!;
    pieceLen[id] = 1;
    score[id] = charFreq[c]!;
    charPiece[c] = id;
  });
  picked.forEach((slot, k) => {
    const id = chars.length + k;
    lbs[id] = top.lb[slot]!;
    rbs[id] = top.rb[slot]!;
    pieceStart[id] = sa[top.lb[slot]!]!;
    pieceLen[id] = top.len[slot]!;
    score[id] = top.score[slot]!;
  });
  let sum = 0;
  for (let i = 0; i < n; i++) sum += score[i]!;
  const logSum = Math.log(sum);
  for (let i = 0; i < n; i++) score[i] = Math.log(score[i]!) - logSum;
  return { pieceStart, pieceLen, score, lb: lbs, rb: rbs, sa, charPiece };
}

/** The k best candidates (score, then suffix-array row, then length), in a min-heap of slots whose top is the worst. */
class TopK {
  readonly score: Float64Array;
  readonly lb: Int32Array;
  readonly rb: Int32Array;
  readonly len: Uint8Array;
  private readonly heap: Int32Array;
  private size = 0;
  offered = 0;

  constructor(private readonly k: number) {
    this.score = new Float64Array(k);
    this.lb = new Int32Array(k);
    this.rb = new Int32Array(k);
    this.len = new Uint8Array(k);
    this.heap = new Int32Array(k);
  }

  /** a ranks below b. */
  private worse(a: number, b: number): boolean {
    const sa = this.score[a]!;
    const sb = this.score[b]!;
    if (sa !== sb) return sa < sb;
    if (this.lb[a] !== this.lb[b]) return this.lb[a]! > this.lb[b]!;
    return this.len[a]! > this.len[b]!;
  }

  offer(score: number, lb: number, rb: number, len: number): void {
    this.offered++;
    if (this.k === 0) return;
    let slot: number;
    if (this.size < this.k) {
      slot = this.size;
      this.put(slot, score, lb, rb, len);
      this.heap[this.size++] = slot;
      this.up(this.size - 1);
      return;
    }
    slot = this.heap[0]!;
    const ts = this.score[slot]!;
    if (score < ts || (score === ts && (lb > this.lb[slot]! || (lb === this.lb[slot] && len > this.len[slot]!)))) return;
    this.put(slot, score, lb, rb, len);
    this.down(0);
  }

  /** Slots best first. */
  sorted(): Int32Array {
    const out = this.heap.slice(0, this.size);
    return out.sort((a, b) => (this.worse(a, b) ? 1 : this.worse(b, a) ? -1 : 0));
  }

  private put(slot: number, score: number, lb: number, rb: number, len: number): void {
    this.score[slot] = score;
    this.lb[slot] = lb;
    this.rb[slot] = rb;
    this.len[slot] = len;
  }

  private up(i: number): void {
    const h = this.heap;
    const x = h[i]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.worse(x, h[parent]!)) break;
      h[i] = h[parent]!;
      i = parent;
    }
    h[i] = x;
  }

  private down(i: number): void {
    const h = this.heap;
    const n = this.size;
    const x = h[i]!;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && this.worse(h[c + 1]!, h[c]!)) c++;
      if (!this.worse(h[c]!, x)) break;
      h[i] = h[c]!;
      i = c;
    }
    h[i] = x;
  }
}
