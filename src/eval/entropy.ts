/**
 * Rényi and Shannon efficiency of a token distribution (Zouhar et al. 2023, package
 * `tokenization-scorer`, metrics.py; spec §4).
 *
 *   p_v = n_v / N over the observed token types
 *   H_α = 1/(1−α) · log2 Σ_v p_v^α          (α ≠ 1)
 *   H_1 = −Σ_v p_v log2 p_v                 (Shannon)
 *   efficiency_α = H_α / log2 |V|
 *
 * |V| is the number of *observed* types unless a vocabulary size is given (the package's `vocab`
 * override). Default α = 2.5 (the paper's and README's choice; the package's code defaults to 3).
 * With |V| ≤ 1 the efficiency is 0 (a single type carries no information).
 */

export const DEFAULT_RENYI_ALPHA = 2.5;

export function renyiEntropy(counts: Iterable<number>, alpha: number): number {
  const xs = [...counts].filter((n) => n > 0);
  const total = xs.reduce((a, b) => a + b, 0);
  if (total === 0) return 0;
  if (alpha === 1) {
    let h = 0;
    for (const n of xs) {
      const p = n / total;
      h -= p * Math.log2(p);
    }
    return h;
  }
  let s = 0;
  for (const n of xs) s += Math.pow(n / total, alpha);
  return Math.log2(s) / (1 - alpha);
}

function typesOf(counts: Iterable<number>): number {
  let n = 0;
  for (const c of counts) if (c > 0) n++;
  return n;
}

/** Rényi efficiency H_α / log2 |V|. `vocabSize` overrides the observed type count. */
export function renyiEfficiency(counts: Iterable<number>, alpha = DEFAULT_RENYI_ALPHA, vocabSize?: number): number {
  const arr = [...counts];
  const v = vocabSize ?? typesOf(arr);
  if (v <= 1) return 0;
  return renyiEntropy(arr, alpha) / Math.log2(v);
}

export function shannonEfficiency(counts: Iterable<number>, vocabSize?: number): number {
  return renyiEfficiency(counts, 1, vocabSize);
}

/** Token-type counts of whitespace-separated token strings (the package's input format). */
export function countTokenStrings(lines: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const line of lines) for (const t of line.split(/\s+/)) if (t !== '') m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}
