/**
 * The shape shared by `encode` and `count`: a tokenizer, text from a file/stdin/--text, and a JSON-lines
 * batch mode where each input line is a JSON string and each output line the rendered result.
 */
import { Command } from 'commander';
import { addTokenizerOptions, resolveTokenizer, type CliTokenizer, type TokenizerFlags } from './tokenizer-source.js';
import { addInputOptions, forEachJsonl, readText, type InputFlags } from './input.js';
import { TokenlabError } from '../src/core/errors.js';

export function textCommand(name: string, description: string, render: (tok: CliTokenizer, text: string) => string): Command {
  const cmd = new Command(name).description(description).argument('[file]', "input file ('-' or none: stdin)");
  addInputOptions(addTokenizerOptions(cmd));
  return cmd.action(async (file: string | undefined, flags: TokenizerFlags & InputFlags) => {
    const tok = await resolveTokenizer(flags);
    if (flags.jsonl) {
      await forEachJsonl(file, (value, where) => {
        if (typeof value !== 'string') throw new TokenlabError('expected a JSON string', where);
        return render(tok, value);
      });
      return;
    }
    process.stdout.write(render(tok, readText(file, flags)) + '\n');
  });
}
