/** `tokenlab encode`: text → ids (a JSON array), or JSON-lines batches with --jsonl. */
import { Command } from 'commander';
import { addTokenizerOptions, resolveTokenizer, type TokenizerFlags } from '../tokenizer-source.js';
import { addInputOptions, forEachJsonl, readText, type InputFlags } from '../input.js';
import { TokenlabError } from '../../src/core/errors.js';

export function encodeCommand(): Command {
  const cmd = new Command('encode')
    .description('encode text to token ids (prints a JSON array; --jsonl: one JSON string per input line → one JSON array per output line)')
    .argument('[file]', "input file ('-' or none: stdin)");
  addInputOptions(addTokenizerOptions(cmd));
  return cmd.action(async (file: string | undefined, flags: TokenizerFlags & InputFlags) => {
    const tok = await resolveTokenizer(flags);
    if (flags.jsonl) {
      await forEachJsonl(file, (value, where) => {
        if (typeof value !== 'string') throw new TokenlabError('expected a JSON string', where);
        return JSON.stringify(tok.encode(value));
      });
      return;
    }
    const text = readText(file, flags);
    process.stdout.write(JSON.stringify(tok.encode(text)) + '\n');
  });
}
