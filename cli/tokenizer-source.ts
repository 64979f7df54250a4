/**
 * Turns the CLI's tokenizer options (--encoding, --model, --tokenizer) into one small interface the
 * commands use, so each command is the same for tiktoken encodings and tokenizer.json files.
 */
import type { Command } from 'commander';
import { getEncoding, encodingForModel } from '../src/index.js';
import { TokenlabError } from '../src/core/errors.js';
import type { SpecialOptions } from '../src/formats/tiktoken/special-tokens.js';

export interface CliTokenizer {
  name: string;
  encode(text: string): number[];
  count(text: string): number;
  decode(ids: number[]): string;
}

export interface TokenizerFlags {
  encoding?: string;
  model?: string;
  tokenizer?: string;
  allowedSpecial?: string;
  disallowedSpecial?: string;
  addSpecialTokens?: boolean;
  skipSpecialTokens?: boolean;
}

export function addTokenizerOptions(cmd: Command): Command {
  return cmd
    .option('-e, --encoding <name>', 'tiktoken encoding (r50k_base, p50k_base, p50k_edit, cl100k_base, o200k_base, o200k_harmony)')
    .option('-m, --model <name>', 'model name whose encoding to use (gpt-4o, gpt-4, ...)')
    .option('-t, --tokenizer <file>', 'a Hugging Face tokenizer.json file (or a SentencePiece .model)')
    .option('--allowed-special <list>', "special tokens to encode as such: 'all' or a comma-separated list (tiktoken encodings)")
    .option('--disallowed-special <list>', "special tokens that are an error in the text: 'all' (default), 'none' or a list")
    .option('--no-add-special-tokens', 'do not add the post-processor special tokens (tokenizer.json)')
    .option('--skip-special-tokens', 'leave special tokens out when decoding (tokenizer.json)');
}

function specialList(v: string | undefined, flag: string): SpecialOptions['allowedSpecial'] {
  if (v === undefined) return undefined;
  if (v === 'all') return 'all';
  if (v === 'none' || v === '') return [];
  if (flag === '') return [];
  return v.split(',');
}

export async function resolveTokenizer(flags: TokenizerFlags): Promise<CliTokenizer> {
  const chosen = [flags.encoding, flags.model, flags.tokenizer].filter((x) => x !== undefined);
  if (chosen.length !== 1) {
    throw new TokenlabError('choose exactly one of --encoding NAME, --model NAME or --tokenizer FILE');
  }
  if (flags.tokenizer !== undefined) return loadHfTokenizer(flags);
  const enc = flags.encoding !== undefined ? getEncoding(flags.encoding) : encodingForModel(flags.model!);
  const opts: SpecialOptions = {};
  const allowed = specialList(flags.allowedSpecial, 'allowed');
  const disallowed = specialList(flags.disallowedSpecial, 'disallowed');
  if (allowed !== undefined) opts.allowedSpecial = allowed;
  if (disallowed !== undefined) opts.disallowedSpecial = disallowed;
  enc.special.resolve(opts, 'options'); // validate names before reading input
  return {
    name: enc.name,
    encode: (text) => enc.encode(text, opts),
    count: (text) => enc.countTokens(text, opts),
    decode: (ids) => enc.decode(ids),
  };
}

/** A tokenizer.json file, or a SentencePiece .model converted to the same pipeline. */
export async function loadTokenizerArg(file: string) {
  const { loadTokenizerFile } = await import('../src/pipeline/load.js');
  if (!file.endsWith('.model')) return loadTokenizerFile(file);
  const { Tokenizer } = await import('../src/pipeline/index.js');
  const { sentencePieceToTokenizerJSON } = await import('../src/formats/sentencepiece/index.js');
  const { readInputBytes } = await import('./io.js');
  return Tokenizer.fromJSON(sentencePieceToTokenizerJSON(readInputBytes(file), { file }));
}

async function loadHfTokenizer(flags: TokenizerFlags): Promise<CliTokenizer> {
  const tok = await loadTokenizerArg(flags.tokenizer!);
  const addSpecialTokens = flags.addSpecialTokens !== false;
  const skipSpecialTokens = flags.skipSpecialTokens === true;
  return {
    name: flags.tokenizer!,
    encode: (text) => tok.encode(text, { addSpecialTokens }).ids,
    count: (text) => tok.encode(text, { addSpecialTokens }).ids.length,
    decode: (ids) => tok.decode(ids, { skipSpecialTokens }),
  };
}
