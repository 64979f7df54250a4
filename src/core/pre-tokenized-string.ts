/**
 * PreTokenizedString: the input as an ordered list of splits, each a NormalizedString that keeps its
 * alignment to the original input (HF PreTokenizedString). Pre-tokenizers refine the splits that
 * have no tokens yet; splits with tokens (added tokens, already-tokenized pieces) are left alone.
 * Invariant: split offsets (`offsetsOriginal`) are increasing and lie inside the original input.
 */
import { NormalizedString } from './normalized-string.js';
import type { PreTokenizedText, Token } from './stages.js';

export interface PreTokenizedSplit {
  text: NormalizedString;
  tokens?: Token[];
}

export class PreTokenizedString implements PreTokenizedText {
  splits: PreTokenizedSplit[];

  /** From a whole input string, or from one already-normalized string. */
  constructor(input: string | NormalizedString) {
    const ns = typeof input === 'string' ? new NormalizedString(input) : input;
    this.splits = [{ text: ns }];
  }

  /**
   * Replaces each split without tokens by the pieces `fn` returns; empty pieces are dropped
   * (HF `PreTokenizedString::split`). `index` is the split's position before this call.
   */
  split(fn: (index: number, ns: NormalizedString) => NormalizedString[]): void {
    const out: PreTokenizedSplit[] = [];
    this.splits.forEach((sp, i) => {
      if (sp.tokens !== undefined) {
        out.push(sp);
        return;
      }
      for (const piece of fn(i, sp.text)) {
        if (piece.length > 0) out.push({ text: piece });
      }
    });
    this.splits = out;
  }

  /** Applies `fn` to every split without tokens, in place (HF `PreTokenizedString::normalize`). */
  normalize(fn: (ns: NormalizedString) => void): void {
    for (const sp of this.splits) {
      if (sp.tokens === undefined) fn(sp.text);
    }
  }

  /** Each split's normalized text with its absolute original span (HF `get_splits(Original, ...)`). */
  getSplits(): [string, [number, number]][] {
    return this.splits.map((sp) => [sp.text.normalized, sp.text.offsetsOriginal()]);
  }
}
