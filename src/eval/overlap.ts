/**
 * Vocabulary overlap between tokenizers: how many token surface strings two vocabularies share.
 *
 *   overlap(A, B) = |A ∩ B|           jaccard(A, B) = |A ∩ B| / |A ∪ B|
 *
 * over the sets of token surface bytes (adapter's `idToBytes`, word-start marker as a space, so
 * GPT-2 "Ġthe" and SentencePiece "▁the" are the same " the"); special tokens are left out.
 */
import type { EvalTokenizer } from './adapter.js';

export function vocabKeySet(tok: EvalTokenizer): Set<string> {
  const out = new Set<string>();
  for (const id of tok.vocabIds()) {
    if (tok.isSpecial(id)) continue;
    out.add(Buffer.from(tok.idToBytes(id)).toString('latin1'));
  }
  return out;
}

export function setOverlap(a: ReadonlySet<string>, b: ReadonlySet<string>): { shared: number; jaccard: number } {
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const x of small) if (big.has(x)) shared++;
  const union = a.size + b.size - shared;
  return { shared, jaccard: union === 0 ? 0 : shared / union };
}
