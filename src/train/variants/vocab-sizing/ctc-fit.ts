/**
 * Per-language vocabulary sizing (Arnett et al., "Explaining and Mitigating Crosslingual Tokenizer
 * Inequities", NeurIPS 2025; spec §8; docs/algorithms/vocab-sizing.md). The corpus token count (CTC:
 * tokens to encode a fixed parallel corpus) of a language's tokenizer falls with vocabulary size V.
 * We fit CTC(V) on a sweep of sizes and solve for the V at which a language reaches a common target
 * CTC, so every language pays the same token premium.
 * Fits (least squares on transformed values, closed form):
 * - `log`:   CTC = a + b·ln V
 * - `power`: ln CTC = a + b·ln V   (CTC = e^a · V^b)
 */
import { TokenlabError } from '../../../core/errors.js';

export type FitKind = 'log' | 'power';

export interface CtcFit {
  kind: FitKind;
  a: number;
  b: number;
  /** Coefficient of determination of the fit in its transformed space. */
  r2: number;
}

export interface CtcPoint {
  vocabSize: number;
  ctc: number;
}

export function fitCtc(points: readonly CtcPoint[], kind: FitKind = 'power'): CtcFit {
  if (points.length < 2) throw new TokenlabError(`a CTC fit needs at least 2 vocabulary sizes (got ${points.length})`);
  points.forEach((p, i) => {
    if (!(p.vocabSize > 0) || !(p.ctc > 0)) throw new TokenlabError(`CTC point ${i}: vocabulary size and CTC must be > 0 (got ${p.vocabSize}, ${p.ctc})`);
  });
  const xs = points.map((p) => Math.log(p.vocabSize));
  if (new Set(xs).size < 2) throw new TokenlabError('a CTC fit needs at least 2 different vocabulary sizes');
  const ys = points.map((p) => (kind === 'log' ? p.ctc : Math.log(p.ctc)));
  const n = xs.length;
  const mx = xs.reduce((s, x) => s + x, 0) / n;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  }
  const b = sxy / sxx;
  const a = my - b * mx;
  const r2 = syy === 0 ? 1 : (sxy * sxy) / (sxx * syy);
  return { kind, a, b, r2 };
}

export function predictCtc(fit: CtcFit, vocabSize: number): number {
  const x = Math.log(vocabSize);
  return fit.kind === 'log' ? fit.a + fit.b * x : Math.exp(fit.a + fit.b * x);
}

/** The vocabulary size at which the fit reaches `target` CTC (rounded to an integer). */
export function solveVocabSize(fit: CtcFit, target: number): number {
  if (!(target > 0)) throw new TokenlabError(`target CTC must be > 0 (got ${target})`);
  if (fit.b >= 0) throw new TokenlabError(`the CTC fit does not fall with vocabulary size (slope ${fit.b}); cannot solve for a size`);
  const y = fit.kind === 'log' ? target : Math.log(target);
  return Math.round(Math.exp((y - fit.a) / fit.b));
}

/** Token premiums CTC_l / CTC_ref and their spread. */
export function premiumSpread(ctc: ReadonlyMap<string, number>, reference: string): { premiums: Map<string, number>; min: number; max: number; cv: number } {
  const ref = ctc.get(reference);
  if (ref === undefined) throw new TokenlabError(`reference language ${reference} has no CTC`);
  const premiums = new Map([...ctc].map(([l, c]) => [l, c / ref]));
  const vs = [...premiums.values()];
  const mean = vs.reduce((s, v) => s + v, 0) / vs.length;
  const sd = Math.sqrt(vs.reduce((s, v) => s + (v - mean) ** 2, 0) / vs.length);
  return { premiums, min: Math.min(...vs), max: Math.max(...vs), cv: sd / mean };
}
