/** `tokenlab encodings`: the built-in encodings with their sizes and special tokens. */
import { Command } from 'commander';
import { getEncoding, encodingNames } from '../../src/index.js';

export function encodingsCommand(): Command {
  return new Command('encodings').description('list the built-in tiktoken encodings').action(() => {
    for (const name of encodingNames()) {
      const enc = getEncoding(name);
      const specials = [...enc.special.byString.keys()];
      const shown = specials.length > 6 ? `${specials.slice(0, 6).join(' ')} … (${specials.length} in all)` : specials.join(' ');
      process.stdout.write(`${name.padEnd(14)} n_vocab ${String(enc.nVocab).padStart(6)}  specials: ${shown}\n`);
    }
  });
}
