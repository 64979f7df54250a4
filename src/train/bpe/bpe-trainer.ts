/**
 * Byte-level (and general) BPE trainer, equivalent to HF `BpeTrainer` (spec §1.1; our rules and the
 * documented differences: docs/algorithms/bpe-training.md).
 *
 * Each step merges the pair with the highest count; ties go to the smaller (left id, right id), HF's
 * rule, so older/lower-code-point tokens win. Ids: specials, alphabet by code point, then one per new
 * token in merge order (a token string formed twice keeps its first id, as in HF).
 *
 * Data structures (why it is fast):
 * - words are linked lists of symbols in flat Int32Arrays (bpe-vocab-init.ts);
 * - pairs are interned in an open-addressing table with exact Float64 counts (pair-table.ts);
 * - an indexed max-heap holds every eligible pair with count > 0 (pair-heap.ts);
 * - each pair keeps the positions where it was formed (occurrence-pool.ts; possibly stale); a merge
 *   visits only those positions, checking each is still the pair; runs of one symbol (`a a a`) are
 *   visited in increasing order so they merge left to right, non-overlapping (`aa a`), exactly
 *   like HF's `Word::merge`.
 * Cost per merge: O(occurrences × log pairs). Memory: O(symbols + pairs + occurrence entries).
 *
 * Counts are exact below 2^53 (JS numbers); HF keeps pair counts in i32 (issue #2058).
 *
 * Performance notes: HF re-scans whole words from a per-pair word set; visiting positions instead
 * keeps SuperBPE stage 2 (one "word" per line) linear in what changes. Heap updates are batched per
 * merge (each touched pair is re-sifted once).
 */
import { TokenlabError } from '../../core/errors.js';
import type { WordCounts } from '../counting/word-counts.js';
import type { TrainControl } from '../trainer.js';
import { validateBpeOptions, type BpeTrainerOptions } from './bpe-options.js';
import { PairHeap } from './pair-heap.js';
import { PairTable } from './pair-table.js';
import { OccurrencePool } from './occurrence-pool.js';
import { addToken, buildWords, initialVocab, type BpeVocab, type BpeWords } from './bpe-vocab-init.js';

export interface BpeModelData {
  /** Token strings by id (specials first). */
  tokens: string[];
  /** Merges in rank order. */
  merges: [string, string][];
  specialTokens: string[];
  continuingSubwordPrefix?: string;
  endOfWordSuffix?: string;
  /** `initialMerges` that could not be replayed (a part is not in the vocabulary). */
  skippedMerges: [string, string][];
  /** Why training stopped. */
  stop: 'vocab-size' | 'min-frequency' | 'no-pairs';
  /** Sizes and phase times (ms) of the run. */
  stats: { words: number; symbols: number; initialPairs: number; setupMs: number; pairsMs: number; mergeMs: number };
}

export function trainBpe(counts: WordCounts, options: BpeTrainerOptions, control: TrainControl = {}): BpeModelData {
  validateBpeOptions(options);
  const run = new BpeRun(counts, options, control);
  const steps = run.steps();
  let r = steps.next();
  while (r.done !== true) r = steps.next();
  return r.value;
}

/**
 * The same training, yielding to the event loop about every `sliceMs` (default 50 ms) so a caller
 * can show progress and react to SIGINT (the signal is checked between slices). Same result.
 * `counts` is read before the returned promise is created and not kept.
 */
export async function trainBpeAsync(counts: WordCounts, options: BpeTrainerOptions, control: TrainControl = {}, sliceMs = 50): Promise<BpeModelData> {
  validateBpeOptions(options);
  const run = new BpeRun(counts, options, control);
  // The run copied what it needs; drop this frame's reference so a caller that lets go of the
  // counts too frees them during the merges (they outlive every await otherwise).
  counts = null!;
  const steps = run.steps();
  let deadline = performance.now() + sliceMs;
  for (;;) {
    const r = steps.next();
    if (r.done === true) return r.value;
    if (performance.now() >= deadline) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (control.signal?.aborted) throw new TokenlabError('training was interrupted');
      deadline = performance.now() + sliceMs;
    }
  }
}

function isSorted(xs: Int32Array): boolean {
  for (let i = 1; i < xs.length; i++) if (xs[i]! < xs[i - 1]!) return false;
  return true;
}

class BpeRun {
  private readonly v: BpeVocab;
  private readonly w: BpeWords;
  private readonly pairs = new PairTable();
  private readonly heap: PairHeap;
  private readonly occ = new OccurrencePool();
  private banned = new Uint8Array(1024);
  private readonly merges: [string, string][] = [];
  /** Pairs touched by the current merge, and whether each got a positive change. */
  private readonly touched: number[] = [];
  private stamp = new Int32Array(1024);
  private grew = new Uint8Array(1024);
  private pending = new Float64Array(1024);
  private epoch = 1;
  private readonly maxLen: number;

  private readonly t0 = performance.now();
  private setupMs = 0;

  constructor(counts: WordCounts, private readonly o: BpeTrainerOptions, private readonly control: TrainControl) {
    this.v = initialVocab(counts, o);
    this.w = buildWords(counts, this.v, o);
    this.heap = new PairHeap(this.pairs);
    this.maxLen = o.maxTokenLength ?? Infinity;
    this.setupMs = performance.now() - this.t0;
  }

  /** The whole run; yields every 64 merges (and after set-up) so a driver can pause between slices. */
  *steps(): Generator<void, BpeModelData> {
    const tPairs = performance.now();
    this.countInitialPairs();
    const initialPairs = this.pairs.size;
    const pairsMs = performance.now() - tPairs;
    this.control.onProgress?.({ phase: 'prepare', words: this.w.words, symbols: this.w.sym.length, pairs: initialPairs });
    yield;
    const tMerge = performance.now();
    const skipped = yield* this.replay(this.o.initialMerges ?? []);
    const stop = yield* this.mergeLoop();
    const stats = { words: this.w.words, symbols: this.w.sym.length, initialPairs, setupMs: Math.round(this.setupMs), pairsMs: Math.round(pairsMs), mergeMs: Math.round(performance.now() - tMerge) };
    return {
      stats,
      tokens: this.v.tokens,
      merges: this.merges,
      specialTokens: [...new Set(this.o.specialTokens ?? [])],
      continuingSubwordPrefix: this.o.continuingSubwordPrefix,
      endOfWordSuffix: this.o.endOfWordSuffix,
      skippedMerges: skipped,
      stop,
    };
  }

  /**
   * Counts every adjacent pair and records its positions (grouped by pair, exact size: two passes,
   * the second looking the pairs up again, rather than a per-position pair array).
   */
  private countInitialPairs(): void {
    const { sym, nxt, wordOf, wordCount } = this.w;
    for (let p = 0; p < sym.length; p++) {
      const r = nxt[p]!;
      if (r < 0) continue;
      this.add(sym[p]!, sym[r]!, wordCount[wordOf[p]!]!, -1);
    }
    const t = this.pairs;
    const start = new Int32Array(t.size + 1);
    for (let p = 0; p < sym.length; p++) {
      const r = nxt[p]!;
      if (r >= 0) start[t.get(sym[p]!, sym[r]!) + 1]++;
    }
    for (let i = 0; i < t.size; i++) start[i + 1] = start[i + 1]! + start[i]!;
    const positions = new Int32Array(start[t.size]!);
    const fill = start.slice(0, t.size);
    for (let p = 0; p < sym.length; p++) {
      const r = nxt[p]!;
      if (r >= 0) positions[fill[t.get(sym[p]!, sym[r]!)]!++] = p;
    }
    this.occ.setInitial(start, positions);
    for (let i = 0; i < this.touched.length; i++) this.settle(this.touched[i]!, true);
    this.touched.length = 0;
    this.epoch++;
  }

  /**
   * Adds `delta` to pair (a, b); a positive delta records position `pos` as an occurrence (unless
   * `pos` is -1: the initial occurrences are recorded in bulk).
   * The delta is held in `pending` until `settle`, so the heap sees one changed key at a time
   * (re-sifting several changed keys one after another does not restore heap order).
   */
  private add(a: number, b: number, delta: number, pos: number): void {
    const t = this.pairs;
    const before = t.size;
    const p = t.intern(a, b);
    if (t.size !== before) this.created(p, a, b);
    this.pending[p] = this.pending[p]! + delta;
    if (this.stamp[p] !== this.epoch) {
      this.stamp[p] = this.epoch;
      this.grew[p] = 0;
      this.touched.push(p);
    }
    if (delta > 0) {
      this.grew[p] = 1;
      if (pos >= 0) this.occ.push(p, pos);
    }
  }

  /** A new pair: grow per-pair columns; in fixed mode, pairs forming too-long tokens are never eligible. */
  private created(p: number, a: number, b: number): void {
    this.occ.ensurePair(p);
    if (p >= this.banned.length) {
      const n = this.pairs.left.length;
      const bn = new Uint8Array(n); bn.set(this.banned); this.banned = bn;
      const st = new Int32Array(n); st.set(this.stamp); this.stamp = st;
      const gr = new Uint8Array(n); gr.set(this.grew); this.grew = gr;
      const pd = new Float64Array(n); pd.set(this.pending); this.pending = pd;
    }
    if (!this.o.hfCompat && this.v.tokenLen[a]! + this.v.tokenLen[b]! > this.maxLen) this.banned[p] = 1;
  }

  /** Puts a touched pair where it belongs in the heap (HF pushes only pairs that grew in this step). */
  private settle(p: number, grew: boolean): void {
    this.pairs.count[p] = this.pairs.count[p]! + this.pending[p]!;
    this.pending[p] = 0;
    if (this.banned[p]) return;
    if (this.pairs.count[p]! > 0) {
      if (grew || this.heap.has(p)) this.heap.update(p);
    } else {
      this.heap.remove(p);
    }
  }

  private settleTouched(): void {
    const touched = this.touched;
    for (let i = 0; i < touched.length; i++) this.settle(touched[i]!, this.grew[touched[i]!] === 1);
    touched.length = 0;
    this.epoch++;
  }

  /** The string a merge of ids (a, b) creates: the right part loses the continuing-subword prefix. */
  private mergedString(a: number, b: number): string {
    const prefix = this.o.continuingSubwordPrefix;
    let right = this.v.tokens[b]!;
    if (prefix !== undefined && prefix !== '' && right.startsWith(prefix)) right = right.slice(prefix.length);
    return this.v.tokens[a]! + right;
  }

  /** Merges pair index `pi` = (a, b) into token n at every live occurrence, left to right. */
  private applyMerge(pi: number, a: number, b: number, n: number): void {
    const { positions, length } = this.occ.take(pi);
    this.heap.remove(pi);
    // Order only matters for runs of one symbol (a === b: `a a a` -> `aa a`, left to right); for
    // a !== b occurrences cannot overlap and the count changes are the same in any order.
    const list = positions.subarray(0, length);
    if (a === b && !isSorted(list)) list.sort();
    const { sym, nxt, prv, wordOf, wordCount } = this.w;
    const compat = this.o.hfCompat === true;
    const len = this.v.tokenLen;
    const lenN = len[n]!;
    for (let k = 0; k < list.length; k++) {
      const p = list[k]!;
      if (sym[p] !== a) continue;
      const r = nxt[p]!;
      if (r < 0 || sym[r] !== b) continue;
      const c = wordCount[wordOf[p]!]!;
      const q = prv[p]!;
      const s = nxt[r]!;
      if (q >= 0) {
        const x = sym[q]!;
        this.add(x, a, -c, q);
        if (!compat || len[x]! + lenN < this.maxLen) this.add(x, n, c, q);
      }
      sym[p] = n;
      sym[r] = -1;
      nxt[p] = s;
      if (s >= 0) {
        prv[s] = p;
        const y = sym[s]!;
        this.add(b, y, -c, p);
        if (!compat || lenN + len[y]! < this.maxLen) this.add(n, y, c, p);
      }
    }
    // Fixed mode: every occurrence is gone, so the count is exactly 0. hfCompat keeps HF's stale count.
    if (!compat) {
      this.pairs.count[pi] = 0;
      this.pending[pi] = 0;
    }
  }

  /** Records a merge of ids (a, b) and applies it; returns the new token's id. */
  private doMerge(pi: number, a: number, b: number): number {
    const s = this.mergedString(a, b);
    const n = addToken(this.v, s, this.v.tokenLen[a]! + this.v.tokenLen[b]!);
    this.merges.push([this.v.tokens[a]!, this.v.tokens[b]!]);
    if (pi >= 0) this.applyMerge(pi, a, b, n);
    this.settleTouched();
    return n;
  }

  /** Replays merges in order regardless of counts (resume, SuperBPE stage 2); yields every 64. */
  private *replay(list: [string, string][]): Generator<void, [string, string][]> {
    const skipped: [string, string][] = [];
    let k = 0;
    for (const [l, r] of list) {
      if (++k % 64 === 0) {
        if (this.control.signal?.aborted) throw new TokenlabError('training was interrupted');
        yield;
      }
      const a = this.v.ids.get(l);
      const b = this.v.ids.get(r);
      if (a === undefined || b === undefined) {
        skipped.push([l, r]);
        continue;
      }
      this.doMerge(this.pairs.get(a, b), a, b);
    }
    return skipped;
  }

  private *mergeLoop(): Generator<void, BpeModelData['stop']> {
    const o = this.o;
    const minCount = Math.max(1, o.minFrequency ?? 0);
    const total = Math.max(0, o.vocabSize - this.v.tokens.length);
    const startVocab = this.v.tokens.length;
    const t = this.pairs;
    let sinceReport = 0;
    for (;;) {
      if (this.v.tokens.length >= o.vocabSize) {
        this.control.onProgress?.({ phase: 'merge', done: this.v.tokens.length - startVocab, total, lastMerge: this.merges[this.merges.length - 1] });
        return 'vocab-size';
      }
      const pi = this.heap.top();
      if (pi < 0) return 'no-pairs';
      const count = t.count[pi]!;
      if (count < minCount) return 'min-frequency';
      const a = t.left[pi]!;
      const b = t.right[pi]!;
      if (o.veto !== undefined) {
        const left = this.v.tokens[a]!;
        const right = this.v.tokens[b]!;
        if (o.veto({ left, right, merged: this.mergedString(a, b), count })) {
          this.heap.remove(pi);
          this.banned[pi] = 1;
          continue;
        }
      }
      this.doMerge(pi, a, b);
      if (++sinceReport >= 64) {
        sinceReport = 0;
        if (this.control.signal?.aborted) throw new TokenlabError('training was interrupted');
        this.control.onProgress?.({ phase: 'merge', done: this.v.tokens.length - startVocab, total, lastMerge: this.merges[this.merges.length - 1], lastCount: count });
        yield;
      }
    }
  }
}
