/** `tokenlab count`: number of tokens of a text, or of each JSON-lines string with --jsonl. */
import { Command } from 'commander';
import { addTokenizerOptions, resolveTokenizer, type TokenizerFlags } from '../tokenizer-source.js';
import { addInputOptions, forEachJsonl, readText, type InputFlags } from '../input.js';
import { TokenlabError } from '../../src/core/errors.js';

export function countCommand(): Command {
  const cmd = new Command('count')
    .description('count tokens (prints a number; --jsonl: one JSON string per input line → one number per output line)')
    .argument('[file]', "input file ('-' or none: stdin)");
  addInputOptions(addTokenizerOptions(cmd));
  return cmd.action(async (file: string | undefined, flags: TokenizerFlags & InputFlags) => {
    const tok = await resolveTokenizer(flags);
    if (flags.jsonl) {
      await forEachJsonl(file, (value, where) => {
        if (typeof value !== 'string') throw new TokenlabError('expected a JSON string', where);
        return String(tok.count(value));
      });
      return;
    }
    process.stdout.write(tok.count(readText(file, flags)) + '\n');
  });
}
