/**
 * Loads the tokenizers of an evaluation run from their sources (a tiktoken encoding name or a
 * tokenizer file: a tokenizer.json, or a LiB / morph-hybrid vocabulary JSON from
 * `tokenlab train-variant`, told apart by content). A source that cannot be loaded becomes one error
 * line and the others still load: one bad file must not sink a comparison of five tokenizers.
 */
import { basename, dirname } from 'node:path';
import { TokenlabError } from '../core/errors.js';
import { getEncoding } from '../formats/tiktoken/node-loader.js';
import { loadTokenizerFile, parseJsonText } from '../pipeline/load.js';
import { Tokenizer } from '../pipeline/tokenizer.js';
import { LibTokenizer } from '../train/variants/lib/lib-tokenizer.js';
import { fromLibTokenizer } from '../train/variants/lib/lib-eval-adapter.js';
import { MorphHybridTokenizer } from '../train/variants/morph-hybrid/morph-hybrid-tokenizer.js';
import { fromMorphHybridTokenizer } from '../train/variants/morph-hybrid/morph-hybrid-eval-adapter.js';
import { readTextFileSync } from '../util/node-fs.js';
import { fromHfTokenizer, fromTiktoken, type EvalTokenizer } from './adapter.js';
import { tokenizerFileKind } from './tokenizer-file-kind.js';

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

/**
 * One tokenizer file as an EvalTokenizer. The file is read and parsed once (a tokenizer.json can be
 * tens of MB); read errors and tokenizer.json errors are worded as `loadTokenizerFile` words them.
 */
export function loadEvalTokenizerFile(file: string, name = tokenizerFileName(file)): EvalTokenizer {
  let text: string;
  try {
    text = readTextFileSync(file);
  } catch {
    // unreadable: loadTokenizerFile fails the same way and says why (no such file, a directory, …)
    return fromHfTokenizer(loadTokenizerFile(file), name);
  }
  const json = parseJsonText(text, file);
  switch (tokenizerFileKind(json, file)) {
    case 'lib':
      return fromLibTokenizer(LibTokenizer.fromJSON(json, file), name);
    case 'morph-hybrid':
      return fromMorphHybridTokenizer(MorphHybridTokenizer.fromJSON(json, file), name);
    case 'tokenizer.json':
      try {
        return fromHfTokenizer(Tokenizer.fromJSON(json), name);
      } catch (e) {
        // as loadTokenizerFile: the message already carries the JSON path; add the file
        if (e instanceof TokenlabError && e.location.file === undefined) throw new TokenlabError(e.message, { ...e.location, file, path: undefined });
        throw e;
      }
  }
}

export function loadEvalTokenizers(sources: readonly TokenizerSource[]): { tokenizers: EvalTokenizer[]; errors: string[] } {
  const tokenizers: EvalTokenizer[] = [];
  const errors: string[] = [];
  const names = new Set<string>();
  for (const src of sources) {
    try {
      let tok: EvalTokenizer;
      if (src.kind === 'encoding') tok = fromTiktoken(getEncoding(src.name));
      else tok = loadEvalTokenizerFile(src.file, src.name ?? tokenizerFileName(src.file));
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
