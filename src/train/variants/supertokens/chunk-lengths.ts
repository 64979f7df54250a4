/**
 * Random character-length chunking, the training-only pre-tokenizer of the SuperTokenizer recipe
 * (spec §7.1; KL3M-005's RandomChunkSplit is the same idea, §3.3). A text is cut into chunks whose
 * lengths (in code points) are drawn from a binned distribution — pick a `[min, max]` bin by weight,
 * then a uniform length inside it, capped at what remains; a remainder shorter than the smallest
 * length becomes the last chunk. Cuts ignore word boundaries, so BPE trained on the chunks learns
 * tokens that span spaces and start or end mid-word.
 * Unlike the reference (unseeded Python `random`), the generator is seeded: the same seed and text
 * give the same chunks, so training is reproducible. O(n) in the text length.
 */
import { TokenlabError } from '../../../core/errors.js';

export interface LengthBin {
  min: number;
  max: number;
  weight: number;
}

/** SuperTokenizer's default (train.yaml): roughly Gaussian, mean ≈ 13 characters. */
export const SUPERTOKEN_LENGTHS: readonly LengthBin[] = [
  { min: 4, max: 5, weight: 0.044 }, { min: 6, max: 7, weight: 0.091 }, { min: 8, max: 9, weight: 0.146 },
  { min: 10, max: 11, weight: 0.171 }, { min: 12, max: 13, weight: 0.185 }, { min: 14, max: 15, weight: 0.171 },
  { min: 16, max: 17, weight: 0.146 }, { min: 18, max: 19, weight: 0.091 }, { min: 20, max: 21, weight: 0.044 },
  { min: 22, max: 23, weight: 0.011 },
];

import { mulberry32 as seededRandom } from '../../../util/seeded-random.js';

export { seededRandom };

export function parseLengthBins(spec: string): LengthBin[] {
  // "4-5:0.044,6-7:0.091" (a single length may be written "6:1")
  const bins = spec.split(',').map((part, i) => {
    const m = /^\s*(\d+)(?:-(\d+))?:([0-9.eE+-]+)\s*$/.exec(part);
    if (!m) throw new TokenlabError(`chunk lengths: bin ${i} ${JSON.stringify(part)} is not "min-max:weight"`);
    return { min: Number(m[1]), max: Number(m[2] ?? m[1]), weight: Number(m[3]) };
  });
  validateBins(bins);
  return bins;
}

export function validateBins(bins: readonly LengthBin[]): void {
  if (bins.length === 0) throw new TokenlabError('chunk lengths: at least one bin is needed');
  bins.forEach((b, i) => {
    if (!Number.isSafeInteger(b.min) || !Number.isSafeInteger(b.max) || b.min < 1 || b.max < b.min) {
      throw new TokenlabError(`chunk lengths: bin ${i} needs integers 1 <= min <= max (got ${b.min}-${b.max})`);
    }
    if (!(b.weight > 0) || !Number.isFinite(b.weight)) throw new TokenlabError(`chunk lengths: bin ${i} weight must be > 0 (got ${b.weight})`);
  });
}

/** A chunker bound to one generator: successive calls continue the same random stream. */
export function createChunker(bins: readonly LengthBin[] = SUPERTOKEN_LENGTHS, seed = 0): (text: string) => string[] {
  validateBins(bins);
  const random = seededRandom(seed);
  const total = bins.reduce((s, b) => s + b.weight, 0);
  const smallest = Math.min(...bins.map((b) => b.min));
  const draw = (): number => {
    let x = random() * total;
    let bin = bins[bins.length - 1]!;
    for (const b of bins) {
      if (x < b.weight) { bin = b; break; }
      x -= b.weight;
    }
    return bin.min + Math.floor(random() * (bin.max - bin.min + 1));
  };
  return (text) => {
    const cps = Array.from(text);
    const out: string[] = [];
    let pos = 0;
    while (pos < cps.length) {
      const left = cps.length - pos;
      const len = left < smallest ? left : Math.min(draw(), left);
      out.push(cps.slice(pos, pos + len).join(''));
      pos += len;
    }
    return out;
  };
}

/** The recipe's `(.)\1{6}` removal: every 7 repeats of one character are deleted (runs of 9 leave 2). */
export function dropSevenfoldRepeats(s: string): string {
  return s.replace(/(.)\1{6}/gu, '');
}
