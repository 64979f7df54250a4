/**
 * Cutting a trained LiB lexicon to a target vocabulary size. LiB's rank is a reading priority, not
 * a frequency: cutting by rank alone drops short, frequent chunks ("We", "now") that the top-ranked
 * long ones do not cover, and the text falls apart into characters (measured with the library
 * defaults, 300 epochs, FLORES English: whole lexicon 3.48 chars/token, cut by rank to 8k 1.97). So the default cut is by *use*: segment the training sentences with the
 * current lexicon (LiB's own reading rule), drop the least-used multi-character chunks (at most a quarter
 * of the excess per round, longer chunks first among equally used ones, so the re-segmentation can shift usage to the survivors), repeat until the
 * size is reached. Single characters are always kept; rank order of the survivors is unchanged.
 * Cost: one segmentation of the sentences per round, about log_{4/3}(excess) rounds.
 */
import { TokenlabError } from '../../../core/errors.js';
import { cpLength, LibLexicon } from './lib-lexicon.js';
import { libSegment } from './lib-segment.js';
import { LIB_BYTE_IDS } from './lib-tokenizer.js';

export function pruneByUsage(lexicon: LibLexicon, sentences: readonly string[], vocabSize: number, maxChunkLen: number): string[] {
  let chunks = [...lexicon.chunks()];
  const singles = chunks.filter((c) => cpLength(c) === 1).length;
  const target = vocabSize - LIB_BYTE_IDS;
  if (target < singles) throw new TokenlabError(`vocabulary size ${vocabSize} is smaller than 256 byte ids + ${singles} characters of the corpus`);
  const cps = sentences.map((s) => Array.from(s));
  while (chunks.length > target) {
    const lex = new LibLexicon(chunks);
    const used = new Map<string, number>();
    for (const s of cps) for (const c of libSegment(lex, s, maxChunkLen)) used.set(c, (used.get(c) ?? 0) + 1);
    const excess = chunks.length - target;
    const drop = Math.max(1, Math.ceil(excess / 4));
    const order = chunks
      .map((c, rank) => ({ c, rank, n: used.get(c) ?? 0 }))
      .filter((x) => cpLength(x.c) > 1)
      .sort((a, b) => a.n - b.n || cpLength(b.c) - cpLength(a.c) || b.rank - a.rank);
    const gone = new Set(order.slice(0, excess <= 1 ? excess : drop).map((x) => x.c));
    chunks = chunks.filter((c) => !gone.has(c));
  }
  return chunks;
}
