/**
 * File reading without a static `node:fs` import, so modules that offer a `fromFile` convenience stay
 * loadable in a browser bundle (they throw a clear error there instead). Node ≥ 20.16 provides
 * process.getBuiltinModule.
 */
import { TokenlabError } from '../core/errors.js';

type Fs = { readFileSync(path: string, encoding: 'utf8'): string };

export function readTextFileSync(path: string): string {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const fs = proc?.getBuiltinModule?.('node:fs') as Fs | undefined;
  if (!fs) throw new TokenlabError('reading files needs Node.js ≥ 20.16; in a browser, fetch the file and use fromJSON', { file: path });
  return fs.readFileSync(path, 'utf8');
}
