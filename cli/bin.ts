#!/usr/bin/env node
/**
 * The `tokenlab` command line. Thin: parses arguments and prints; the work is in src/.
 * Errors from tokenlab (TokenlabError) print one line naming what and where, exit code 1.
 */
import { Command } from 'commander';
import { encodeCommand } from './commands/encode.js';
import { decodeCommand } from './commands/decode.js';
import { countCommand } from './commands/count.js';
import { encodingsCommand } from './commands/encodings.js';
import { demoCommand } from './commands/demo.js';
import { inferMixtureCommand } from './commands/infer-mixture.js';
import { trainCommand } from './commands/train.js';
import { trainVariantCommand } from './commands/train-variant.js';
import { evalCommand } from './commands/eval.js';
import { playgroundCommand } from './commands/playground.js';
import { convertCommand } from './commands/convert.js';
import { vocabSizingCommand } from './commands/vocab-sizing.js';
import { TokenlabError } from '../src/core/errors.js';

const program = new Command('tokenlab')
  .description('Exact, fast tokenizers for language models: tiktoken encodings and Hugging Face tokenizer.json')
  .showHelpAfterError();

for (const cmd of [demoCommand(), evalCommand(), encodeCommand(), decodeCommand(), countCommand(), encodingsCommand(), playgroundCommand(), convertCommand(), trainCommand(), trainVariantCommand(), vocabSizingCommand(), inferMixtureCommand()]) program.addCommand(cmd);

// A closed pipe (`tokenlab encodings | head -1`) ends the command quietly instead of crashing.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

program.parseAsync(process.argv).catch((e: unknown) => {
  if (e instanceof TokenlabError) {
    process.stderr.write(`tokenlab: ${e.message}\n`);
    process.exit(1);
  }
  throw e;
});
