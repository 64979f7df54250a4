/** Where the playground's build finds things: the repo root (nearest package.json named tokenlab), web/, web/dist. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'tokenlab') return dir;
    if (dirname(dir) === dir) throw new Error(`no tokenlab package.json above ${from}`);
  }
}

export const repoRoot = findRoot(dirname(fileURLToPath(import.meta.url)));
export const webDir = join(repoRoot, 'web');
export const defaultOutDir = join(webDir, 'dist');
export const encodingsDir = join(repoRoot, 'data', 'encodings');
