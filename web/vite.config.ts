/**
 * Vite configuration of the playground (web/). Used by `tokenlab playground` (through
 * build/build-app.ts) and by `npx vite web` / `npx vite build web` for development.
 * `base: './'` makes the built files work from any folder or sub-path of a static host.
 */
import { join } from 'node:path';
import { defineConfig, type InlineConfig } from 'vite';
import { tokenlabAssets } from './build/assets-plugin.js';
import { defaultOutDir, webDir } from './build/paths.js';

export function playgroundConfig(outDir = defaultOutDir): InlineConfig {
  return {
    configFile: false,
    root: webDir,
    base: './',
    logLevel: 'warn',
    resolve: {
      // src/pipeline imports node:fs for Tokenizer.fromFile / loadTokenizerFile; the browser never calls them.
      alias: [{ find: /^node:fs$/, replacement: join(webDir, 'src', 'shims', 'node-fs.ts') }],
    },
    build: { outDir, emptyOutDir: true, target: 'es2022', reportCompressedSize: false, chunkSizeWarningLimit: 1024 },
    worker: { format: 'es' },
    plugins: [tokenlabAssets()],
  };
}

export default defineConfig(playgroundConfig());
