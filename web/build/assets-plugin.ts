/**
 * Vite plugin that gives the playground its data without copying it into the source tree:
 * - encodings/<name>.bin: the tiktoken vocabularies from data/encodings/ (what src/browser.ts fetches);
 * - tokenizers/<id>.json: the bundled tokenizer.json files (web/src/catalog.ts), minified;
 * - udhr-sample.json: per-language UDHR text for the language view (build/udhr-sample.ts).
 * In `vite dev` they are served from memory; in `vite build` they are emitted next to index.html.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { BUNDLED_TOKENIZERS } from '../src/catalog.js';
import { buildUdhrSample } from './udhr-sample.js';
import { encodingsDir, repoRoot } from './paths.js';

export interface Asset {
  fileName: string;
  load: () => Buffer;
}

let udhrCache: Buffer | undefined;

export function playgroundAssets(): Asset[] {
  const assets: Asset[] = [];
  for (const f of readdirSync(encodingsDir)) {
    if (f.endsWith('.bin')) assets.push({ fileName: `encodings/${f}`, load: () => readFileSync(join(encodingsDir, f)) });
  }
  for (const t of BUNDLED_TOKENIZERS) {
    const file = join(repoRoot, 'node_modules', t.pkg, t.path);
    assets.push({ fileName: `tokenizers/${t.id}.json`, load: () => Buffer.from(JSON.stringify(JSON.parse(readFileSync(file, 'utf8')))) });
  }
  assets.push({ fileName: 'udhr-sample.json', load: () => (udhrCache ??= Buffer.from(JSON.stringify(buildUdhrSample()))) });
  return assets;
}

export function tokenlabAssets(): Plugin {
  const assets = playgroundAssets();
  return {
    name: 'tokenlab-assets',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = decodeURIComponent((req.url ?? '').split('?')[0]!).replace(/^\//, '');
        const asset = assets.find((a) => a.fileName === path);
        if (!asset) return next();
        res.setHeader('Content-Type', path.endsWith('.json') ? 'application/json' : 'application/octet-stream');
        res.end(asset.load());
      });
    },
    generateBundle() {
      for (const a of assets) this.emitFile({ type: 'asset', fileName: a.fileName, source: a.load() });
    },
  };
}
