/**
 * Loads a tokenizer.json file for the CLI and library users, with errors that say what went wrong
 * and where: a missing or unreadable file, invalid JSON (with line and column), or a malformed
 * tokenizer (with the JSON path).
 */
import { readTextFileSync } from '../util/node-fs.js';
import { TokenlabError } from '../core/errors.js';
import { Tokenizer } from './tokenizer.js';

/** 1-based line and column of UTF-16 index `pos` in `text`. */
function lineColumn(text: string, pos: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < pos && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) { line++; lineStart = i + 1; }
  }
  return { line, column: pos - lineStart + 1 };
}

/** Parses JSON text; a syntax error becomes a TokenlabError with file, line and column. */
export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    const m = /position (\d+)/.exec(msg);
    if (m !== null) {
      const { line, column } = lineColumn(text, Number(m[1]));
      throw new TokenlabError(`invalid JSON at column ${column}: ${msg}`, { file, line });
    }
    throw new TokenlabError(`invalid JSON: ${msg}`, { file });
  }
}

export function loadTokenizerFile(path: string): Tokenizer {
  let text: string;
  try {
    text = readTextFileSync(path);
  } catch (e) {
    if (e instanceof TokenlabError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, expected a tokenizer.json file' : (e as Error).message;
    throw new TokenlabError(`cannot read tokenizer: ${why}`, { file: path });
  }
  const json = parseJsonText(text, path);
  try {
    return Tokenizer.fromJSON(json);
  } catch (e) {
    if (e instanceof TokenlabError && e.location.file === undefined) {
      throw new TokenlabError(e.message, { ...e.location, file: path, path: undefined });
    }
    throw e;
  }
}
