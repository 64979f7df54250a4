/** `tokenlab convert`: a SentencePiece .model (or a tokenizer.json, re-serialized) → tokenizer.json. */
import { Command } from 'commander';
import { loadTokenizerArg } from '../tokenizer-source.js';
import { writeFileAtomic } from '../io.js';

export function convertCommand(): Command {
  return new Command('convert')
    .description('convert a SentencePiece .model to a Hugging Face tokenizer.json (loads unchanged in HF)')
    .argument('<input>', 'a .model file (or a tokenizer.json to normalize)')
    .requiredOption('-o, --output <file>', 'tokenizer.json to write (atomically)')
    .action(async (input: string, flags: { output: string }) => {
      const tok = await loadTokenizerArg(input);
      writeFileAtomic(flags.output, JSON.stringify(tok.toJSON(), null, 2) + '\n');
      process.stdout.write(`wrote ${flags.output}\n`);
    });
}
