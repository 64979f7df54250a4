/**
 * LiB's reading rule (spec §4.1 "Encoding"; `show_reading` in the reference): at each position take
 * the longest lexicon chunk; when it is longer than one character and a second-longest chunk exists,
 * follow both paths greedily (longest match) until they end at the same position and keep the
 * better one: fewer unknown characters, then fewer chunks, then the lower sum of ranks (an unknown
 * character ranks |lexicon|). A character the lexicon lacks is a chunk of its own.
 * Not BPE and not a single greedy pass: the choice looks ahead until the two paths realign.
 * Cost: O(n·L) look-ups for a text of n code points and chunks of at most L, times the look-ahead.
 */
import { cpLength, type LibLexicon } from './lib-lexicon.js';

interface Path { chunks: string[]; end: number; unknown: number }

function step(lex: LibLexicon, cps: readonly string[], p: Path, maxLen: number): void {
  const [c] = lex.matchTwo(cps, p.end, maxLen);
  if (c === '') {
    p.chunks.push(cps[p.end]!);
    p.end += 1;
    p.unknown += 1;
  } else {
    p.chunks.push(c);
    p.end += cpLength(c);
  }
}

function rankSum(lex: LibLexicon, chunks: readonly string[]): number {
  let s = 0;
  for (const c of chunks) s += lex.rank(c) ?? lex.size;
  return s;
}

/** True when path `alt` beats path `def` (same span). */
export function altIsBetter(lex: LibLexicon, def: Path, alt: Path): boolean {
  if (def.unknown !== alt.unknown) return def.unknown > alt.unknown;
  if (def.chunks.length !== alt.chunks.length) return def.chunks.length > alt.chunks.length;
  return rankSum(lex, def.chunks) > rankSum(lex, alt.chunks);
}

/** Segments the code points `cps` into chunks (their concatenation is the input). */
export function libSegment(lex: LibLexicon, cps: readonly string[], maxLen = Infinity): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < cps.length) {
    const [chunk, second] = lex.matchTwo(cps, i, maxLen);
    if (chunk === '') {
      out.push(cps[i]!);
      i += 1;
      continue;
    }
    const n = cpLength(chunk);
    if (n > 1 && second !== '') {
      const def: Path = { chunks: [chunk], end: i + n, unknown: 0 };
      const alt: Path = { chunks: [second], end: i + cpLength(second), unknown: 0 };
      while (def.end !== alt.end) step(lex, cps, def.end > alt.end ? alt : def, maxLen);
      const best = altIsBetter(lex, def, alt) ? alt : def;
      for (const c of best.chunks) out.push(c);
      i = best.end;
    } else {
      out.push(chunk);
      i += n;
    }
  }
  return out;
}
