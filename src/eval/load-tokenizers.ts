/**
 * Loads the tokenizers of an evaluation run from their sources (a tiktoken encoding name or a
 * tokenizer.json path). A source that cannot be loaded becomes one error line and the others still
 * load: one bad file must not sink a comparison of five tokenizers.
 */
import { basename, dirname } from 'node:path';
import { getEncoding } from '../formats/tiktoken/node-loader.js';
import { loadTokenizerFile } from '../pipeline/load.js';
import { fromHfTokenizer, fromTiktoken, type EvalTokenizer } from './adapter.js';

export type TokenizerSource = { kind: 'encoding'; name: string } | { kind: 'tokenizer'; file: string; name?: string };

/** A readable name for a tokenizer.json path: `…/tokenizer-llama3/models/tokenizer.json` → `tokenizer-llama3`. */
export function tokenizerFileName(file: string): string {
  let dir = dirname(file);
  const base = basename(file);
  if (base !== 'tokenizer.json') return base.replace(/\.json$/, '');
  if (['models', 'model', 'tokenizer', '.'].includes(basename(dir))) dir = dirname(dir);
  const name = basename(dir);
  return name === '' || name === '.' || name === '/' ? 'tokenizer.json' : name;
}

export function loadEvalTokenizers(sources: readonly TokenizerSource[]): { tokenizers: EvalTokenizer[]; errors: string[] } {
  const tokenizers: EvalTokenizer[] = [];
  const errors: string[] = [];
  const names = new Set<string>();
  for (const src of sources) {
    try {
      let tok: EvalTokenizer;
      if (src.kind === 'encoding') tok = fromTiktoken(getEncoding(src.name));
      else tok = fromHfTokenizer(loadTokenizerFile(src.file), src.name ?? tokenizerFileName(src.file));
      let name = tok.name;
      for (let k = 2; names.has(name); k++) name = `${tok.name} (${k})`;
      tok.name = name;
      names.add(name);
      tokenizers.push(tok);
    } catch (e) {
      const what = src.kind === 'encoding' ? `encoding ${src.name}` : `tokenizer ${src.file}`;
      const msg = (e as Error).message;
      errors.push(src.kind === 'tokenizer' && msg.startsWith(src.file) ? `cannot load ${msg}` : `cannot load ${what}: ${msg}`);
    }
  }
  return { tokenizers, errors };
}
