/**
 * LiB, the "Less-is-Better" model (Yang, Frank & van den Bosch; spec §4.1; docs/algorithms/lib.md),
 * following the reference `LiB.py` (ray306/The-Less-is-Better-Model): a memorizer/forgetter that reads
 * unsegmented sentences in random "articles" and keeps an ordered lexicon.
 * Per sentence, left to right at position i:
 * - pending two-path evaluations are extended (the alternative path by longest match) and, when the
 *   alternative ends exactly at i, compared with the path actually read: if the read path has more
 *   chunks (or as many with a larger rank sum), the big chunk is punished and its smaller prefix
 *   rewarded; otherwise the big chunk is rewarded and leaves probation;
 * - the longest (and second-longest) chunk at i is read; with probability inRate the previous chunk
 *   + this one is memorized (appended at the tail, on probation for `life` articles); a chunk longer
 *   than one character with a smaller alternative opens an evaluation; otherwise it leaves probation.
 * After each article: probation lives tick down and expired chunks are forgotten; rewards and
 * punishments move chunks by e·(⌊index·updateRate⌋ + 1); the last ⌈outRate·|lexicon|⌉ chunks go on
 * probation. At the end every chunk still on probation is removed.
 * Differences from the reference: all characters of the corpus are preloaded and permanent (never on
 * probation), so every training character stays encodable; the generator is seeded mulberry32, not
 * Python's `random`, so runs reproduce in tokenlab but not bit-for-bit against the Python code.
 */
import { TokenlabError } from '../../../core/errors.js';
import type { TrainControl } from '../../trainer.js';
import { mulberry32 as seededRandom } from '../../../util/seeded-random.js';
import { cpLength, LibLexicon } from './lib-lexicon.js';

export interface LibOptions {
  /** α: probability of memorizing previous chunk + current chunk (default 0.25). */
  inRate?: number;
  /** ω: fraction of the lexicon tail put on probation after each article (default 0.0001). */
  outRate?: number;
  /** τ₀: probation length in articles (default 10). */
  life?: number;
  /** Δ: rank update rate (default 0.2, as LiB.py). */
  updateRate?: number;
  /** Longest chunk in code points (default 12; the reference has no limit). */
  maxChunkLen?: number;
  /** Sentences per article (default 200). */
  articleLength?: number;
  /** Articles to read (default 500). */
  epochs?: number;
  seed?: number;
}

export interface LibTrainStats {
  epochs: number;
  lexiconSize: number;
  forgotten: number;
  memorized: number;
}

type Required2<T> = { [K in keyof T]-?: T[K] };

export function libDefaults(o: LibOptions = {}): Required2<LibOptions> {
  const r = { inRate: 0.25, outRate: 0.0001, life: 10, updateRate: 0.2, maxChunkLen: 12, articleLength: 200, epochs: 500, seed: 0, ...o };
  const check = (name: string, v: number, ok: boolean): void => {
    if (!ok || !Number.isFinite(v)) throw new TokenlabError(`LiB option ${name} is out of range (got ${v})`);
  };
  check('inRate', r.inRate, r.inRate >= 0 && r.inRate <= 1);
  check('outRate', r.outRate, r.outRate >= 0 && r.outRate <= 1);
  check('updateRate', r.updateRate, r.updateRate >= 0);
  for (const k of ['life', 'maxChunkLen', 'articleLength', 'epochs'] as const) check(k, r[k], Number.isSafeInteger(r[k]) && r[k] >= 1);
  check('seed', r.seed, Number.isSafeInteger(r.seed));
  return r;
}

interface Pending { def: string[]; alt: string[]; altEnd: number }

export function trainLib(sentences: readonly string[], options: LibOptions = {}, control: TrainControl = {}): { lexicon: LibLexicon; stats: LibTrainStats } {
  const o = libDefaults(options);
  const corpus = sentences.filter((s) => s.length > 0).map((s) => Array.from(s));
  if (corpus.length === 0) throw new TokenlabError('LiB: the training corpus has no non-empty sentence');
  const random = seededRandom(o.seed);
  const chars = new Set<string>();
  for (const s of corpus) for (const c of s) chars.add(c);
  const lexicon = new LibLexicon([...chars].sort());
  const probation = new Map<string, number>();
  const stats: LibTrainStats = { epochs: o.epochs, lexiconSize: 0, forgotten: 0, memorized: 0 };

  const memorize = (chunk: string): void => {
    if (chunk.length === 0 || cpLength(chunk) > o.maxChunkLen) return;
    if (lexicon.append(chunk)) {
      probation.set(chunk, o.life);
      stats.memorized++;
    }
  };
  const rankSum = (chunks: string[]): number => chunks.reduce((s, c) => s + (lexicon.rank(c) ?? 0), 0);

  const readSentence = (cps: string[], rewards: [string, number][]): void => {
    const pending = new Map<string, Pending>();
    let last = '';
    let i = 0;
    while (i < cps.length) {
      for (const [big, p] of pending) {
        while (p.altEnd < i) {
          const [c] = lexicon.matchTwo(cps, p.altEnd, o.maxChunkLen);
          const piece = c === '' ? cps[p.altEnd]! : c;
          p.alt.push(piece);
          p.altEnd += cpLength(piece);
        }
        if (p.altEnd !== i) continue;
        pending.delete(big);
        const redundant = p.def.length > p.alt.length || (p.def.length === p.alt.length && rankSum(p.def) > rankSum(p.alt));
        if (redundant) {
          const smaller = lexicon.matchTwo(Array.from(big).slice(0, -1), 0, o.maxChunkLen)[0];
          rewards.push([big, 1]);
          if (smaller !== '') rewards.push([smaller, -1]);
        } else {
          rewards.push([big, -1]);
          probation.delete(big);
        }
      }
      const [chunk, second] = lexicon.matchTwo(cps, i, o.maxChunkLen);
      const read = chunk === '' ? cps[i]! : chunk;
      for (const p of pending.values()) p.def.push(read);
      if (random() < o.inRate && last !== '') memorize(last + read);
      const n = cpLength(read);
      if (n > 1 && second !== '') pending.set(read, { def: [read], alt: [second], altEnd: i + cpLength(second) });
      else probation.delete(read);
      last = read;
      i += n;
    }
  };

  for (let epoch = 0; epoch < o.epochs; epoch++) {
    if (control.signal?.aborted) throw new TokenlabError('LiB training interrupted');
    const start = corpus.length > o.articleLength ? Math.floor(random() * (corpus.length - o.articleLength + 1)) : 0;
    const rewards: [string, number][] = [];
    for (const s of corpus.slice(start, start + o.articleLength)) readSentence(s, rewards);
    // forget
    const forget = new Set<string>();
    for (const [c, life] of probation) {
      if (life <= 1) {
        probation.delete(c);
        forget.add(c);
      } else probation.set(c, life - 1);
    }
    lexicon.removeAll(forget);
    stats.forgotten += forget.size;
    lexicon.groupMove(rewards.filter(([c]) => !forget.has(c)), o.updateRate);
    // mark the tail
    for (let k = Math.floor((1 - o.outRate) * lexicon.size); k < lexicon.size; k++) {
      const c = lexicon.at(k);
      if (!probation.has(c) && !chars.has(c)) probation.set(c, o.life);
    }
    control.onProgress?.({ phase: 'merge', done: epoch + 1, total: o.epochs });
  }
  lexicon.removeAll(new Set(probation.keys()));
  stats.lexiconSize = lexicon.size;
  return { lexicon, stats };
}
