/** `tokenlab encode`: text → ids (a JSON array), or JSON-lines batches with --jsonl. */
import type { Command } from 'commander';
import { textCommand } from '../text-command.js';

export function encodeCommand(): Command {
  return textCommand(
    'encode',
    'encode text to token ids (prints a JSON array; --jsonl: one JSON string per input line → one JSON array per output line)',
    (tok, text) => JSON.stringify(tok.encode(text)),
  );
}
