/**
 * Uniform sampling of mixtures on the probability simplex (Smith & Tromble, "Sampling uniformly from
 * the unit simplex"), as the paper's controlled experiments do: choose n−1 distinct integers in
 * [1, resolution−1], sort, and take the gaps of 0 < x_1 < … < x_{n−1} < resolution, divided by the
 * resolution. Every share is a positive multiple of 1/resolution and the shares sum to exactly 1
 * (in integers). Deterministic for a seed (mulberry32 PRNG).
 */
import { TokenlabError } from '../../core/errors.js';

export { mulberry32 } from '../../util/seeded-random.js';

/** Integer gaps (summing to `resolution`, each ≥ 1) of a uniform sample with n parts. */
export function sampleSimplexCounts(n: number, random: () => number, resolution = 10000): number[] {
  if (!Number.isInteger(n) || n < 1) throw new TokenlabError(`simplex sample needs n ≥ 1 parts, got ${n}`);
  if (!Number.isInteger(resolution) || resolution < n) throw new TokenlabError(`simplex resolution ${resolution} must be an integer ≥ n = ${n}`);
  const chosen = new Set<number>();
  while (chosen.size < n - 1) chosen.add(1 + Math.floor(random() * (resolution - 1)));
  const cuts = [0, ...[...chosen].sort((a, b) => a - b), resolution];
  const out: number[] = [];
  for (let i = 1; i < cuts.length; i++) out.push(cuts[i]! - cuts[i - 1]!);
  return out;
}

/** A uniform random mixture of n parts (shares sum to 1, each ≥ 1/resolution). */
export function sampleSimplex(n: number, random: () => number, resolution = 10000): number[] {
  return sampleSimplexCounts(n, random, resolution).map((c) => c / resolution);
}
