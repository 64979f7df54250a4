/**
 * Stand-in for `node:fs` in the browser build. src/pipeline/tokenizer.ts (Tokenizer.fromFile) and
 * src/pipeline/load.ts (loadTokenizerFile) import readFileSync at module level; the playground only
 * calls Tokenizer.fromJSON, so this is never called. Aliased in web/vite.config.ts.
 */
export function readFileSync(path: string): never {
  throw new Error(`reading files (${path}) is not available in the browser; use Tokenizer.fromJSON`);
}
