/** Locations the tests share: the repo root and the optional shared data folder (absent in a user's clone). */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const sharedData = resolve(repoRoot, '..', 'shared', 'data');
export const floresDevtest = join(sharedData, 'flores200', 'devtest');

/** Reason to skip a test that needs ../shared/data, or false when it is there. */
export function skipWithoutSharedData(sub = ''): string | false {
  const p = join(sharedData, sub);
  return existsSync(p) ? false : `skipped: ${p} is absent (the shared benchmark data is only on CI and developer machines)`;
}
