/**
 * Numeric command-line flags: one parser, one error shape for every command
 * (`--vocab-size must be an integer >= 1 (got "ten")`). Commander hands flags over as strings.
 */
import { TokenlabError } from '../src/core/errors.js';

export interface NumberRule { int?: boolean; min?: number; max?: number }

/** The flag's number, or undefined when the flag was not given; `flag` without its dashes. */
export function numberFlag(flag: string, v: string | undefined, rule: NumberRule = {}): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  const bad = v.trim() === '' || !Number.isFinite(n) || (rule.int === true && !Number.isSafeInteger(n))
    || (rule.min !== undefined && n < rule.min) || (rule.max !== undefined && n > rule.max);
  if (bad) {
    const kind = rule.int === true ? 'an integer' : 'a number';
    throw new TokenlabError(`--${flag} must be ${kind}${rule.min !== undefined ? ` >= ${rule.min}` : ''}${rule.max !== undefined ? ` <= ${rule.max}` : ''} (got ${JSON.stringify(v)})`);
  }
  return n;
}

/** A comma-separated list of positive integers (`--sizes 1000,2000`). */
export function positiveIntListFlag(flag: string, v: string): number[] {
  const xs = v.split(',').map((s) => Number(s.trim()));
  if (xs.some((x) => !Number.isSafeInteger(x) || x < 1)) throw new TokenlabError(`--${flag} must be positive integers separated by commas (got ${JSON.stringify(v)})`);
  return xs;
}
