/**
 * Pairs of the BPE trainer: (left id, right id) -> dense pair index (the shared PairInterner), plus
 * each pair's current weighted count, exact while below 2^53.
 */
import { PairInterner } from '../../util/pair-interner.js';

export class PairTable extends PairInterner {
  /** Current (weighted) count of each pair, indexed like `left`/`right`. */
  count = new Float64Array(this.left.length);

  /** The pair's index, creating it (count 0) when new. */
  override intern(a: number, b: number): number {
    const p = super.intern(a, b);
    if (p >= this.count.length) {
      const c = new Float64Array(this.left.length); c.set(this.count); this.count = c;
    }
    return p;
  }
}
