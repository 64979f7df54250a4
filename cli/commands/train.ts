/**
 * `tokenlab train`: train a tokenizer from a corpus and write tokenizer.json (loads unchanged in HF).
 * Thin: parses flags, shows progress, handles Ctrl-C, writes the output atomically (temp file +
 * rename, so an interrupted run never leaves a half-written tokenizer.json). The work is in src/train/.
 */
import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { TokenlabError } from '../../src/core/errors.js';
import type { CorpusFormat, CorpusUnit } from '../../src/train/counting/corpus-reader.js';
import type { CountsInput } from '../../src/train/counting/gather-counts.js';
import type { ByteLevelPreset } from '../../src/train/bpe/bpe-tokenizer-json.js';
import { trainByteLevelBpe, type TrainedTokenizer } from '../../src/train/bpe/train-byte-level-bpe.js';
import { trainSuperBpe } from '../../src/train/superbpe/train-superbpe.js';
import { trainCharBpe } from '../../src/train/char-bpe/train-char-bpe.js';
import { trainWordPiece } from '../../src/train/wordpiece/train-wordpiece.js';
import { trainUnigramTokenizer } from '../../src/train/unigram/train-unigram.js';
import { writeFileAtomic } from '../io.js';
import { untilInterrupted } from '../interruptible.js';
import { progressSink, type ProgressMode } from './train-progress.js';
import { numberFlag } from '../number-flags.js';

const ALGORITHMS = ['bpe', 'superbpe', 'unigram', 'wordpiece', 'char-bpe'] as const;
const IMPLEMENTED = new Set<string>(ALGORITHMS);
/** Words longer than this (UTF-16 units) get a warning: they make BPE training slow and memory-hungry (HF issues #1313, #1546). */
const LONG_WORD = 100_000;

interface TrainFlags {
  algorithm: (typeof ALGORITHMS)[number];
  vocabSize: string;
  input?: string[];
  output: string;
  format: CorpusFormat;
  jsonField: string;
  unit: CorpusUnit;
  preTokenizer: ByteLevelPreset;
  normalizer?: 'none' | 'nfc' | 'nfkc';
  specialToken?: string[];
  minFrequency: string;
  maxTokenLength?: string;
  limitAlphabet?: string;
  byteAlphabet: boolean;
  hfCompat?: boolean;
  threads?: string;
  counts?: string[];
  saveCounts?: string;
  resume?: string;
  transition?: string;
  maxWordsPerToken: string;
  pad2?: boolean;
  splitByUnicodeScript: boolean;
  splitDigits?: boolean;
  cased?: boolean;
  forbiddenSubstring?: string[];
  progress?: ProgressMode;
}

/** Merges of an existing tokenizer.json (array pairs or "a b" strings), to resume from. */
function mergesOf(path: string): [string, string][] {
  let json: { model?: { merges?: unknown } };
  try {
    json = JSON.parse(readFileSync(path, 'utf8')) as typeof json;
  } catch (e) {
    throw new TokenlabError(`cannot read tokenizer to resume from: ${(e as Error).message}`, { file: path });
  }
  const merges = json.model?.merges;
  if (!Array.isArray(merges)) throw new TokenlabError('no model.merges array (resume needs a BPE tokenizer.json)', { file: path, path: 'model.merges' });
  return merges.map((m: unknown, i) => {
    if (typeof m === 'string') {
      const sp = m.indexOf(' ');
      if (sp > 0) return [m.slice(0, sp), m.slice(sp + 1)];
    } else if (Array.isArray(m) && m.length === 2 && typeof m[0] === 'string' && typeof m[1] === 'string') {
      return [m[0], m[1]];
    }
    throw new TokenlabError('expected a merge ["left", "right"] or "left right"', { file: path, path: `model.merges[${i}]` });
  });
}

function summarize(r: TrainedTokenizer): { tokenizer: Record<string, unknown>; words: TrainedTokenizer['words']; summary: Record<string, unknown> } {
  const m = r.model;
  return { tokenizer: r.tokenizer, words: r.words, summary: { vocabSize: m.tokens.length, merges: m.merges.length, stop: m.stop, skippedMerges: m.skippedMerges.length } };
}

export function trainCommand(): Command {
  return new Command('train')
    .description('train a tokenizer from text/JSONL files (optionally .gz) and write tokenizer.json')
    .addOption(new Option('--algorithm <name>', 'training algorithm').choices(ALGORITHMS).default('bpe'))
    .requiredOption('--vocab-size <n>', 'target vocabulary size, special tokens included')
    .option('--input <paths...>', 'corpus files or directories (read recursively)')
    .requiredOption('--output <file>', 'tokenizer.json to write (atomically)')
    .addOption(new Option('--format <f>', 'input format (auto: .jsonl/.ndjson are JSON lines)').choices(['auto', 'text', 'jsonl']).default('auto'))
    .option('--json-field <path>', 'JSONL field with the text (dotted path)', 'text')
    .addOption(new Option('--unit <u>', 'training unit: a line (with its newline) or a whole document').choices(['line', 'document']).default('line'))
    .addOption(new Option('--pre-tokenizer <p>', 'byte-level pre-tokenizer (bpe)').choices(['gpt2', 'llama3']).default('gpt2'))
    .addOption(new Option('--normalizer <n>', 'normalizer applied before pre-tokenization (default: nfkc for char-bpe, else none)').choices(['none', 'nfc', 'nfkc']))
    .option('--special-token <tokens...>', 'special tokens (ids 0..k-1, cut out of the training text; wordpiece default: BERT\'s)')
    .option('--min-frequency <n>', 'stop when the best pair occurs fewer times', '0')
    .option('--max-token-length <n>', 'longest token in bytes (char-bpe default 3)')
    .option('--cased', 'wordpiece: keep case and accents (default: uncased BERT normalization)')
    .option('--pad2', 'char-bpe: pad the vocabulary to a power of two with whitespace-run added tokens')
    .option('--no-split-by-unicode-script', 'unigram: let pieces cross a Unicode script change (spm split_by_unicode_script=false)')
    .option('--split-digits', 'unigram: every digit is a piece of its own (spm split_digits)')
    .option('--limit-alphabet <n>', 'keep at most this many initial chars (besides the byte alphabet)')
    .option('--no-byte-alphabet', 'do not add all 256 byte-level chars to the alphabet')
    .option('--hf-compat', "reproduce HF's trainer merge for merge (its max_token_length and unknown-char quirks)")
    .option('--threads <n>', 'word-counting worker threads (0: count in the main thread)')
    .option('--counts <tsv...>', 'load (and merge) word counts saved by --save-counts')
    .option('--save-counts <tsv>', 'save the word counts for later runs')
    .option('--resume <tokenizer.json>', 'replay the merges of this BPE tokenizer first, then continue')
    .option('--transition <n>', 'superbpe: vocabulary size where stage 2 (superwords) starts')
    .option('--max-words-per-token <n>', 'superbpe: reject tokens with more words', '4')
    .option('--forbidden-substring <s...>', "superbpe: reject tokens containing these (default ':Ġ')")
    .addOption(new Option('--progress <mode>', 'progress display (default: bar on a terminal, else none)').choices(['bar', 'jsonl', 'none']))
    .action(async (flags: TrainFlags) => {
      if (!IMPLEMENTED.has(flags.algorithm)) {
        throw new TokenlabError(`--algorithm ${flags.algorithm} is not implemented yet (available: ${[...IMPLEMENTED].join(', ')})`);
      }
      const vocabSize = numberFlag('vocab-size', flags.vocabSize, { int: true, min: 1 })!;
      const specialTokens = flags.specialToken ?? [];
      const options = {
        vocabSize,
        specialTokens,
        minFrequency: numberFlag('min-frequency', flags.minFrequency, { int: true, min: 0 }),
        maxTokenLength: numberFlag('max-token-length', flags.maxTokenLength, { int: true, min: 1 }),
        limitAlphabet: numberFlag('limit-alphabet', flags.limitAlphabet, { int: true, min: 0 }),
        hfCompat: flags.hfCompat === true,
      };
      const initialMerges = flags.resume !== undefined ? mergesOf(flags.resume) : undefined;
      const input: CountsInput = {
        corpus: flags.input !== undefined ? { inputs: flags.input, format: flags.format, jsonField: flags.jsonField, unit: flags.unit } : undefined,
        countFiles: flags.counts,
        threads: numberFlag('threads', flags.threads, { int: true, min: 0 }),
        saveCounts: flags.saveCounts,
      };
      // KL3M's char tokenizers normalize with NFKC; the other algorithms default to none.
      const normName = flags.normalizer ?? (flags.algorithm === 'char-bpe' ? 'nfkc' : 'none');
      const normalizer = normName === 'none' ? null : { type: normName.toUpperCase() };
      const mode: ProgressMode = flags.progress ?? (process.stderr.isTTY ? 'bar' : 'none');
      const sink = progressSink(mode);
      const started = performance.now();
      type Result = { tokenizer: Record<string, unknown>; words: TrainedTokenizer['words']; summary: Record<string, unknown> };
      const result = await untilInterrupted(async (signal): Promise<Result> => {
        const control = { signal, onProgress: sink.update };
        if (flags.algorithm === 'superbpe') {
          if (flags.transition === undefined) throw new TokenlabError('--algorithm superbpe needs --transition <vocabulary size where stage 2 starts>');
          if (initialMerges !== undefined || input.countFiles !== undefined) throw new TokenlabError('--resume and --counts do not apply to superbpe (it counts the corpus twice)');
          return summarize(await trainSuperBpe({
            input,
            options,
            transitionVocabSize: numberFlag('transition', flags.transition, { int: true, min: 1 })!,
            filters: { maxWordsPerToken: numberFlag('max-words-per-token', flags.maxWordsPerToken, { int: true, min: 1 }), forbiddenSubstrings: flags.forbiddenSubstring },
            normalizer,
          }, control));
        } else if (flags.algorithm === 'unigram') {
          if (initialMerges !== undefined) throw new TokenlabError('--resume does not apply to unigram');
          const u = await trainUnigramTokenizer({ input, options: { vocabSize, specialTokens: flags.specialToken, maxPieceLength: options.maxTokenLength, splitByUnicodeScript: flags.splitByUnicodeScript, splitDigits: flags.splitDigits === true }, normalizer: flags.normalizer === undefined ? undefined : normalizer }, control);
          return { tokenizer: u.tokenizer, words: u.words, summary: { vocabSize: u.model.vocab.length, emRounds: u.model.stats.rounds } };
        } else if (flags.algorithm === 'wordpiece') {
          if (initialMerges !== undefined) throw new TokenlabError('--resume does not apply to wordpiece (it keeps no merges)');
          return summarize(await trainWordPiece({ input, options: { ...options, specialTokens: flags.specialToken }, cased: flags.cased === true }, control));
        } else if (flags.algorithm === 'char-bpe') {
          return summarize(await trainCharBpe({ input, preTokenizer: flags.preTokenizer, normalizer, options: { ...options, initialMerges }, maxChars: options.maxTokenLength ?? 3, padToPowerOfTwo: flags.pad2 === true }, control));
        } else {
          return summarize(await trainByteLevelBpe({ input, preTokenizer: flags.preTokenizer, normalizer, options: { ...options, initialMerges }, byteAlphabet: flags.byteAlphabet }, control));
        }
      }, (interrupted) => {
        sink.stop();
        if (interrupted) sink.event({ event: 'interrupted' });
      });
      const longest = result.words.longest ?? 0;
      if (longest > LONG_WORD) {
        process.stderr.write(`tokenlab: warning: the pre-tokenizer produced words up to ${longest} chars long; training time and memory grow with word length (split text more, use --unit line, or sample the corpus)\n`);
      }
      writeFileAtomic(flags.output, JSON.stringify(result.tokenizer, null, 2) + '\n');
      sink.event({
        event: 'done',
        output: flags.output,
        ...result.summary,
        distinctWords: result.words.distinct,
        longestWord: result.words.longest,
        words: result.words.total,
        seconds: ((performance.now() - started) / 1000).toFixed(2),
      });
    });
}
