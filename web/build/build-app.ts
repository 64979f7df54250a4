/** Builds the playground into static files with Vite's JS API (vite is a dev dependency, loaded on demand). */
import { defaultOutDir } from './paths.js';

export async function buildPlayground(outDir = defaultOutDir): Promise<string> {
  let vite: typeof import('vite');
  try {
    vite = await import('vite');
  } catch {
    throw new Error('building the playground needs vite (a dev dependency of tokenlab): run `npm install` in the tokenlab repository');
  }
  const { playgroundConfig } = await import('../vite.config.js');
  await vite.build(playgroundConfig(outDir));
  return outDir;
}
