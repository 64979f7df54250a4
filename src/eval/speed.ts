/**
 * Processing speed in characters per second (spec §3: replaces the Turkish benchmark's single
 * wall-clock time).
 *
 *   speed = C / t_median,   t_median = median over `runs` timed encodes of the sample, after one
 *                           untimed warm-up encode
 *
 * C = code points of the sample. Encoders with caches (tiktoken's piece cache) are warm after the
 * first run: this is steady-state speed on that text, not cold-start speed.
 */
import type { EvalTokenizer } from './adapter.js';
import { countCodePoints } from './compression.js';

export interface Speed {
  charsPerSecond: number;
  sampleChars: number;
  runs: number;
  medianSeconds: number;
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function measureSpeed(tok: EvalTokenizer, sample: string, runs = 3, now: () => number = () => performance.now()): Speed {
  tok.encode(sample);
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = now();
    tok.encode(sample);
    times.push((now() - t0) / 1000);
  }
  const chars = countCodePoints(sample);
  const t = median(times);
  return { charsPerSecond: t > 0 ? chars / t : Infinity, sampleChars: chars, runs, medianSeconds: t };
}
