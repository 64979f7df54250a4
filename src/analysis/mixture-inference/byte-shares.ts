/**
 * From the LP's pair shares to byte shares, and the score (spec §1 Step D).
 * α_i is category i's share of all adjacent pairs in the training data; a category whose words are
 * longer has more bytes per pair, so pred_i ∝ α_i · bytes_i / pairs_i, renormalised — bytes_i and
 * pairs_i measured on category i's attacker sample (pairs = D_i, the denominator the LP used).
 */
import { TokenlabError } from '../../core/errors.js';

export function pairSharesToByteShares(alpha: ArrayLike<number>, bytes: ArrayLike<number>, pairs: ArrayLike<number>): Float64Array {
  const n = alpha.length;
  if (bytes.length !== n || pairs.length !== n) throw new TokenlabError(`byte-share conversion needs ${n} byte and pair totals, got ${bytes.length} and ${pairs.length}`);
  const out = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const a = Math.max(0, alpha[i]!);
    out[i] = pairs[i]! > 0 ? (a * bytes[i]!) / pairs[i]! : 0;
    sum += out[i]!;
  }
  if (sum > 0) for (let i = 0; i < n; i++) out[i]! /= sum;
  return out;
}

/** Byte shares to pair shares (the inverse map; used to check the conversion and by experiments). */
export function byteSharesToPairShares(shares: ArrayLike<number>, bytes: ArrayLike<number>, pairs: ArrayLike<number>): Float64Array {
  return pairSharesToByteShares(shares, pairs, bytes);
}

/** Mean squared error (1/n) Σ (pred − truth)². */
export function meanSquaredError(pred: ArrayLike<number>, truth: ArrayLike<number>): number {
  if (pred.length !== truth.length || pred.length === 0) throw new TokenlabError(`MSE needs two non-empty vectors of one length, got ${pred.length} and ${truth.length}`);
  let s = 0;
  for (let i = 0; i < pred.length; i++) s += (pred[i]! - truth[i]!) ** 2;
  return s / pred.length;
}
