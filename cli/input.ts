/** Shared input options of encode/count/decode: --text, --jsonl, --strict-utf8. */
import type { Command } from 'commander';
import { decodeUtf8, readInputBytes, readLines, parseJsonLine, OutputBuffer } from './io.js';
import type { ErrorLocation } from '../src/core/errors.js';

export interface InputFlags {
  text?: string;
  jsonl?: boolean;
  strictUtf8?: boolean;
}

export function addInputOptions(cmd: Command): Command {
  return cmd
    .option('--text <text>', 'use this text instead of a file')
    .option('--jsonl', 'batch mode: one JSON value per input line, one result per output line')
    .option('--strict-utf8', 'reject invalid UTF-8 input (default: replace it with U+FFFD and warn)');
}

/** The input text: --text, or the file/stdin decoded as UTF-8 (invalid bytes: see decodeUtf8). */
export function readText(file: string | undefined, flags: InputFlags): string {
  if (flags.text !== undefined) return flags.text;
  const source = file ?? 'stdin';
  const { text, firstInvalid } = decodeUtf8(readInputBytes(file), source, { strictUtf8: flags.strictUtf8 });
  if (firstInvalid >= 0) {
    process.stderr.write(`warning: ${source}: invalid UTF-8 at byte ${firstInvalid}; invalid bytes were replaced by U+FFFD (use --strict-utf8 to reject)\n`);
  }
  return text;
}

/** Streams JSON lines from file/stdin through `fn`, writing one output line per input line. */
export async function forEachJsonl(file: string | undefined, fn: (value: unknown, where: ErrorLocation) => string): Promise<void> {
  const source = file ?? 'stdin';
  const out = new OutputBuffer();
  for await (const [line, text] of readLines(file)) {
    if (text.trim() === '') continue;
    const where = { file: source, line };
    await out.write(fn(parseJsonLine(text, line, source), where) + '\n');
  }
  await out.flush();
}
