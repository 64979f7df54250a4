/** `tokenlab decode`: ids (JSON array or whitespace-separated) → text; --jsonl: JSON arrays → JSON strings. */
import { Command } from 'commander';
import { addTokenizerOptions, resolveTokenizer, type TokenizerFlags } from '../tokenizer-source.js';
import { addInputOptions, forEachJsonl, type InputFlags } from '../input.js';
import { readInputBytes } from '../io.js';
import { TokenlabError, type ErrorLocation } from '../../src/core/errors.js';

function toIds(value: unknown, where: ErrorLocation): number[] {
  if (!Array.isArray(value)) throw new TokenlabError('expected a JSON array of token ids', where);
  value.forEach((id, i) => {
    if (!Number.isInteger(id) || id < 0) throw new TokenlabError(`element ${i} is not a token id: ${JSON.stringify(id)}`, where);
  });
  return value as number[];
}

export function parseIds(text: string, source: string): number[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (e) {
      throw new TokenlabError(`not a valid JSON array (${(e as Error).message})`, { file: source });
    }
    return toIds(value, { file: source });
  }
  if (trimmed === '') return [];
  return trimmed.split(/[\s,]+/).map((t, i) => {
    if (!/^\d+$/.test(t)) throw new TokenlabError(`item ${i} is not a token id: ${JSON.stringify(t)}`, { file: source });
    return Number(t);
  });
}

export function decodeCommand(): Command {
  const cmd = new Command('decode')
    .description('decode token ids to text (input: a JSON array or whitespace-separated ids; --jsonl: one JSON array per line → one JSON string per line)')
    .argument('[file]', "input file ('-' or none: stdin)");
  addInputOptions(addTokenizerOptions(cmd));
  return cmd.action(async (file: string | undefined, flags: TokenizerFlags & InputFlags) => {
    const tok = await resolveTokenizer(flags);
    if (flags.jsonl) {
      await forEachJsonl(file, (value, where) => JSON.stringify(tok.decode(toIds(value, where))));
      return;
    }
    const source = file ?? 'stdin';
    process.stdout.write(tok.decode(parseIds(readInputBytes(file).toString('utf8'), source)));
  });
}
