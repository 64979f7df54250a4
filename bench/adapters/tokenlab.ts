import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Unsupported, type Adapter, type Ids } from './types.js';

// tokenlab from the repo-root build (`npm run build` at the root -> dist/src/index.js).
// TOKENLAB_ENTRY=/path/to/index.js overrides (e.g. a stub while the engine is being written).
// API: getEncoding(name) is synchronous and reads data/encodings/<name>.bin.
type Enc = { encode(t: string): number[]; countTokens(t: string): number; decode(ids: number[]): string };
let enc: Enc | undefined;

/** bench/dist/adapters/tokenlab.js -> repo root is three levels up; bench/adapters/tokenlab.ts -> two. */
export function tokenlabEntry(): string {
  if (process.env.TOKENLAB_ENTRY) return resolve(process.env.TOKENLAB_ENTRY);
  const here = fileURLToPath(new URL('.', import.meta.url));
  for (const up of ['../../..', '../..']) {
    const p = resolve(here, up, 'dist/src/index.js');
    if (existsSync(p)) return p;
  }
  return resolve(here, '../../../dist/src/index.js');
}

const adapter: Adapter = {
  name: 'tokenlab',
  encodings: ['cl100k_base', 'o200k_base', 'r50k_base', 'p50k_base'],
  note: 'getEncoding(name) from the repo build (dist/src/index.js); countTokens()',
  async load(encoding) {
    if (!this.encodings.includes(encoding)) throw new Unsupported(this.name, encoding);
    const entry = tokenlabEntry();
    if (!existsSync(entry)) throw new Error(`tokenlab build not found at ${entry} (run \`npm run build\` at the repo root)`);
    const mod = (await import(pathToFileURL(entry).href)) as { getEncoding?: (n: string) => Enc };
    if (typeof mod.getEncoding !== 'function') throw new Error(`${entry} does not export getEncoding yet`);
    enc = mod.getEncoding(encoding);
  },
  encode: (text) => enc!.encode(text),
  count: (text) => enc!.countTokens(text),
  decode: (ids: Ids) => enc!.decode(ids as number[]),
};
export default adapter;
