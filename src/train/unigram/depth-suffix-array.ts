/**
 * Suffixes of an Int32Array text sorted by their first `depth` chars only, and the capped LCP array:
 * all a seed search for pieces of at most `depth` chars needs (unigram-seeds.ts). Suffixes that agree
 * on `depth` chars are left in a deterministic but otherwise arbitrary order.
 *
 * Prefix doubling (Manber–Myers) with a stable counting sort per round: ⌈log2 depth⌉ rounds of O(n),
 * four Int32Arrays of n. Char 0 is the separator: it sorts first and never matches in the LCP, so the
 * LCP intervals are those of a generalized suffix tree whose strings each end in a unique terminator.
 */
export function sortSuffixesToDepth(text: Int32Array, alphabetSize: number, depth: number, onRound?: (sortedChars: number) => void): Int32Array {
  const n = text.length;
  const sa = new Int32Array(n);
  let tmp = new Int32Array(n);
  let rank = new Int32Array(n);
  const count = new Int32Array(Math.max(alphabetSize, n) + 1);
  for (let i = 0; i < n; i++) { rank[i] = text[i]!; count[rank[i]!]!++; }
  prefixSums(count, alphabetSize);
  for (let i = 0; i < n; i++) sa[count[rank[i]!]!++] = i;
  let distinct = renumber(sa, rank, tmp, -1);
  [rank, tmp] = [tmp, rank];
  for (let h = 1; h < depth && distinct < n; h *= 2) {
    // Second key rank[p + h] in order: the suffixes with nothing at p + h first, then sa's order shifted by h.
    let k = 0;
    for (let p = n - h; p < n; p++) tmp[k++] = p;
    for (let j = 0; j < n; j++) if (sa[j]! >= h) tmp[k++] = sa[j]! - h;
    // Stable counting sort by the first key.
    count.fill(0, 0, distinct + 1);
    for (let p = 0; p < n; p++) count[rank[p]!]!++;
    prefixSums(count, distinct);
    for (let j = 0; j < n; j++) { const p = tmp[j]!; sa[count[rank[p]!]!++] = p; }
    distinct = renumber(sa, rank, tmp, h);
    [rank, tmp] = [tmp, rank];
    onRound?.(2 * h);
  }
  return sa;
}

/** Exclusive prefix sums of count[0..max]. */
function prefixSums(count: Int32Array, max: number): void {
  let sum = 0;
  for (let c = 0; c <= max; c++) { const v = count[c]!; count[c] = sum; sum += v; }
}

/** New ranks into `out` from the (rank[p], rank[p + h]) pairs in sa order (h < 0: first key only); returns the number of ranks. */
function renumber(sa: Int32Array, rank: Int32Array, out: Int32Array, h: number): number {
  const n = sa.length;
  if (n === 0) return 0;
  let r = 0;
  out[sa[0]!] = 0;
  for (let j = 1; j < n; j++) {
    const p = sa[j]!;
    const q = sa[j - 1]!;
    if (rank[p] !== rank[q] || (h > 0 && (p + h < n ? rank[p + h]! : -1) !== (q + h < n ? rank[q + h]! : -1))) r++;
    out[p] = r;
  }
  return r + 1;
}

/**
 * lcp[i] = common prefix of the suffixes sa[i − 1] and sa[i], counting only chars before a separator
 * (0) and at most `cap`; lcp[0] = lcp[m] = 0.
 */
export function cappedLcp(text: Int32Array, sa: Int32Array, cap: number): Uint16Array {
  const m = sa.length;
  const lcp = new Uint16Array(m + 1);
  for (let i = 1; i < m; i++) {
    const a = sa[i - 1]!;
    const b = sa[i]!;
    let l = 0;
    while (l < cap && text[a + l] === text[b + l] && text[a + l] !== 0) l++;
    lcp[i] = l;
  }
  return lcp;
}
