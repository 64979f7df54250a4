#!/usr/bin/env node
/**
 * The `tokenlab` command line. Thin: parses arguments and prints; the work is in src/.
 * Errors from tokenlab (TokenlabError) print one line naming what and where, exit code 1.
 */
import { Command } from 'commander';
import { TokenlabError } from '../src/core/errors.js';

const program = new Command('tokenlab')
  .description('Exact, fast tokenizers for language models: tiktoken encodings and Hugging Face tokenizer.json')
  .showHelpAfterError();

/**
 * Commands load on demand: running one imports only its module, so `tokenlab train` does not carry
 * the evaluation, playground and LP code in memory (about 50 MB of its peak RSS). Help and unknown
 * commands load them all.
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  demo: async () => (await import('./commands/demo.js')).demoCommand(),
  eval: async () => (await import('./commands/eval.js')).evalCommand(),
  encode: async () => (await import('./commands/encode.js')).encodeCommand(),
  decode: async () => (await import('./commands/decode.js')).decodeCommand(),
  count: async () => (await import('./commands/count.js')).countCommand(),
  encodings: async () => (await import('./commands/encodings.js')).encodingsCommand(),
  playground: async () => (await import('./commands/playground.js')).playgroundCommand(),
  convert: async () => (await import('./commands/convert.js')).convertCommand(),
  train: async () => (await import('./commands/train.js')).trainCommand(),
  'train-variant': async () => (await import('./commands/train-variant.js')).trainVariantCommand(),
  'vocab-sizing': async () => (await import('./commands/vocab-sizing.js')).vocabSizingCommand(),
  'infer-mixture': async () => (await import('./commands/infer-mixture.js')).inferMixtureCommand(),
};
const requested = process.argv[2];
const names = requested !== undefined && Object.hasOwn(COMMANDS, requested) ? [requested] : Object.keys(COMMANDS);
for (const name of names) program.addCommand(await COMMANDS[name]!());

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
