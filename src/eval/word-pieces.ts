/**
 * How a tokenizer cuts one word: the character lengths of its tokens, from the token spans.
 *
 * `leadingSpace: true` tokenizes " word" (the form a word takes inside running text, which is what
 * byte-level vocabularies store as "Ġword") and ignores tokens that cover only the space;
 * `false` tokenizes the bare word (CharBench's choice). A token that covers the space and the first
 * letters counts from the word's first character. Lengths are in code points and sum to the word's
 * length; tokens inside one character (byte pieces) merge into that character's token.
 */
import type { EvalTokenizer } from './adapter.js';

export function wordPieceLengths(tok: EvalTokenizer, word: string, leadingSpace: boolean): number[] {
  const prefix = leadingSpace ? 1 : 0;
  const { offsets } = tok.encodeWithOffsets(leadingSpace ? ' ' + word : word);
  // Token end positions inside the word (UTF-16 offsets relative to the word).
  const cuts = new Set<number>();
  for (const [s, e] of offsets) {
    if (e <= prefix || e <= s) continue;
    const end = e - prefix;
    if (end > 0 && end < word.length) cuts.add(end);
  }
  // Convert UTF-16 cut positions to code-point lengths.
  const sorted = [...cuts].sort((a, b) => a - b);
  const lengths: number[] = [];
  let prev = 0;
  for (const cut of [...sorted, word.length]) {
    lengths.push([...word.slice(prev, cut)].length);
    prev = cut;
  }
  return lengths;
}

/** Internal boundaries (code-point positions strictly inside the word) of a list of piece lengths. */
export function boundariesOf(lengths: readonly number[]): number[] {
  const out: number[] = [];
  let p = 0;
  for (let i = 0; i < lengths.length - 1; i++) {
    p += lengths[i]!;
    out.push(p);
  }
  return out;
}
