/** `tokenlab count`: number of tokens of a text, or of each JSON-lines string with --jsonl. */
import type { Command } from 'commander';
import { textCommand } from '../text-command.js';

export function countCommand(): Command {
  return textCommand(
    'count',
    'count tokens (prints a number; --jsonl: one JSON string per input line → one number per output line)',
    (tok, text) => String(tok.count(text)),
  );
}
