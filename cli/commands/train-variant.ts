/**
 * `tokenlab train-variant`: the research trainers that do not fit `tokenlab train`'s fixed list
 * (src/train/variants/): `--algorithm supertokens` writes a tokenizer.json (standard pipeline; the
 * random chunking is training-only), `--algorithm lib` writes a LiB vocabulary JSON (LiB's reading
 * rule has no tokenizer.json equivalent). `tokenlab train-variant encode --lib <vocab.json>` encodes
 * with a LiB vocabulary (a supertokens tokenizer.json encodes with `tokenlab encode --tokenizer`).
 * `--algorithm compound --base unigram|bpe --splitter dictionary|hyphen [--language de|nl]` writes an
 * ordinary tokenizer.json trained on decompounded words (docs/algorithms/compound-aware.md).
 * `--algorithm morph-hybrid` writes a morph-hybrid vocabulary JSON (shared allomorph ids decode by
 * context; docs/algorithms/morph-hybrid.md), used by `train-variant morph-encode|morph-decode --vocab`.
 * Thin: flags, progress, atomic write; the work is in src/train/variants/.
 */
import { Command, Option } from 'commander';
import { TokenlabError } from '../../src/core/errors.js';
import type { CorpusFormat, CorpusUnit } from '../../src/train/counting/corpus-reader.js';
import { trainSupertokens } from '../../src/train/variants/supertokens/train-supertokens.js';
import { parseLengthBins } from '../../src/train/variants/supertokens/chunk-lengths.js';
import { trainLibTokenizer } from '../../src/train/variants/lib/train-lib.js';
import { LibTokenizer } from '../../src/train/variants/lib/lib-tokenizer.js';
import { trainMorphHybrid } from '../../src/train/variants/morph-hybrid/train-morph-hybrid.js';
import { MorphHybridTokenizer } from '../../src/train/variants/morph-hybrid/morph-hybrid-tokenizer.js';
import { trainCompoundAware, type CompoundJob } from '../../src/train/variants/compound/train-compound.js';
import { writeFileAtomic } from '../io.js';
import { untilInterrupted } from '../interruptible.js';
import { addInputOptions, readText, type InputFlags } from '../input.js';
import { progressSink, type ProgressMode } from './train-progress.js';
import { numberFlag } from '../number-flags.js';

interface VariantFlags {
  algorithm?: 'lib' | 'supertokens' | 'compound' | 'morph-hybrid';
  lexicon?: string;
  maxRoots?: string;
  match: 'roots-first' | 'longest-inside-word';
  base: 'unigram' | 'bpe';
  splitter: 'dictionary' | 'hyphen';
  language?: 'de' | 'nl';
  input: string[];
  output: string;
  vocabSize?: string;
  format: CorpusFormat;
  jsonField: string;
  unit: CorpusUnit;
  seed: string;
  specialToken?: string[];
  minFrequency: string;
  maxTokenLength: string;
  chunkLengths?: string;
  dropRepeats: boolean;
  epochs: string;
  articleLength: string;
  inRate: string;
  outRate: string;
  life: string;
  updateRate: string;
  maxChunkLen: string;
  removeSpaces?: boolean;
  progress?: ProgressMode;
}


/** `train-variant morph-encode --vocab <file>`: a morph-hybrid vocabulary from --algorithm morph-hybrid. */
function morphEncodeCommand(): Command {
  return addInputOptions(new Command('morph-encode')
    .description('encode text with a morph-hybrid vocabulary (prints a JSON array of ids; --tokens: the surfaces)')
    .argument('[file]', 'input file (default: stdin)')
    .requiredOption('--vocab <file>', 'vocabulary written by train-variant --algorithm morph-hybrid')
    .option('--tokens', 'print the token surfaces instead of ids'))
    .action((file: string | undefined, flags: InputFlags & { vocab: string; tokens?: boolean }) => {
      const tok = MorphHybridTokenizer.fromFile(flags.vocab);
      const text = readText(file, flags);
      process.stdout.write(JSON.stringify(flags.tokens === true ? tok.tokens(text) : tok.encode(text)) + '\n');
    });
}

/** `train-variant morph-decode --vocab <file>`: ids (a JSON array) back to text. */
function morphDecodeCommand(): Command {
  return new Command('morph-decode')
    .description('decode a JSON array of ids with a morph-hybrid vocabulary (prints the text)')
    .argument('[file]', 'file with the JSON array (default: stdin)')
    .option('--ids <json>', 'the JSON array of ids instead of a file')
    .requiredOption('--vocab <file>', 'vocabulary written by train-variant --algorithm morph-hybrid')
    .action((file: string | undefined, flags: { vocab: string; ids?: string }) => {
      const tok = MorphHybridTokenizer.fromFile(flags.vocab);
      const source = flags.ids !== undefined ? '--ids' : file ?? 'stdin';
      let ids: unknown;
      try {
        ids = JSON.parse(flags.ids ?? readText(file, {}));
      } catch (e) {
        throw new TokenlabError(`${source}: not JSON: ${(e as Error).message}`);
      }
      if (!Array.isArray(ids) || !ids.every((x) => Number.isSafeInteger(x))) throw new TokenlabError(`${source}: expected a JSON array of integer ids`);
      process.stdout.write(tok.decode(ids as number[]));
    });
}

function encodeLibCommand(): Command {
  return addInputOptions(new Command('encode')
    .description('encode text with a LiB vocabulary (prints a JSON array of ids; --segments: the chunks)')
    .argument('[file]', 'input file (default: stdin)')
    .requiredOption('--lib <vocab.json>', 'LiB vocabulary written by train-variant --algorithm lib')
    .option('--segments', 'print the chunks instead of ids'))
    .action((file: string | undefined, flags: InputFlags & { lib: string; segments?: boolean }) => {
      const tok = LibTokenizer.fromFile(flags.lib);
      const text = readText(file, flags);
      process.stdout.write(JSON.stringify(flags.segments === true ? tok.segment(text) : tok.encode(text)) + '\n');
    });
}

/** `--algorithm compound` flags as a job (the corpus is added by the caller). */
function compoundJob(flags: VariantFlags, vocabSize: number | undefined): Omit<CompoundJob, 'input'> {
  if (vocabSize === undefined) throw new TokenlabError('--algorithm compound needs --vocab-size');
  if (flags.splitter === 'dictionary' && flags.language === undefined) throw new TokenlabError('--splitter dictionary needs --language de|nl');
  return {
    base: flags.base,
    vocabSize,
    splitter: flags.splitter === 'hyphen' ? { kind: 'hyphen' } : { kind: 'dictionary', language: flags.language! },
    specialTokens: flags.specialToken,
  };
}

export function trainVariantCommand(): Command {
  return new Command('train-variant')
    .description('train a research tokenizer: lib (LiB vocabulary JSON), supertokens or compound (tokenizer.json), morph-hybrid (morph-hybrid vocabulary JSON); tokenlab eval --tokenizer reads all of them')
    .addOption(new Option('--algorithm <name>', 'variant').choices(['lib', 'supertokens', 'compound', 'morph-hybrid']))
    .option('--input <paths...>', 'corpus files or directories')
    .option('--output <file>', 'file to write (lib: LiB vocabulary JSON; supertokens, compound: tokenizer.json; morph-hybrid: morph-hybrid vocabulary JSON)')
    .option('--vocab-size <n>', 'target vocabulary size (supertokens, compound: required; lib: 256 byte ids included, default the whole lexicon; morph-hybrid: every id, default 32768)')
    .addOption(new Option('--format <f>', 'input format').choices(['auto', 'text', 'jsonl']).default('auto'))
    .option('--json-field <path>', 'JSONL field with the text', 'text')
    .addOption(new Option('--unit <u>', 'supertokens training unit').choices(['line', 'document']).default('line'))
    .option('--seed <n>', 'random seed (chunk lengths / LiB reading order)', '0')
    .option('--special-token <tokens...>', 'supertokens, compound: special tokens (ids 0..k-1)')
    .option('--min-frequency <n>', 'supertokens, morph-hybrid: BPE min frequency', '2')
    .option('--max-token-length <n>', 'supertokens: longest token in byte-level chars', '29')
    .option('--chunk-lengths <bins>', 'supertokens: "min-max:weight,…" (default SuperTokenizer\'s, mean ≈ 13 chars)')
    .option('--no-drop-repeats', 'supertokens: keep 7-fold character repeats in the training text')
    .option('--epochs <n>', 'lib: articles to read', '500')
    .option('--article-length <n>', 'lib: sentences per article', '200')
    .option('--in-rate <x>', 'lib: α, memorization probability', '0.25')
    .option('--out-rate <x>', 'lib: ω, tail fraction put on probation', '0.0001')
    .option('--life <n>', 'lib: τ₀, probation length in articles', '10')
    .option('--update-rate <x>', 'lib: Δ, rank update rate', '0.2')
    .option('--max-chunk-len <n>', 'lib: longest chunk in characters', '12')
    .option('--remove-spaces', 'lib: delete whitespace before training (LiB reads unsegmented text)')
    .addOption(new Option('--base <trainer>', 'compound: trainer run on the constituents').choices(['unigram', 'bpe']).default('unigram'))
    .addOption(new Option('--splitter <kind>', 'compound: decompounder').choices(['dictionary', 'hyphen']).default('dictionary'))
    .addOption(new Option('--language <lang>', 'compound: hunspell dictionary for --splitter dictionary').choices(['de', 'nl']))
    .option('--lexicon <dir>', 'morph-hybrid: turkish-morph dataset folder, or "dictionary-tr" (default ../shared/data/turkish-morph, else npm dictionary-tr)')
    .option('--max-roots <n>', 'morph-hybrid: most root ids (default 19993: roots end at id 20000)')
    .addOption(new Option('--match <rule>', 'morph-hybrid: root vs suffix at one position (roots-first: the reference)').choices(['roots-first', 'longest-inside-word']).default('roots-first'))
    .addOption(new Option('--progress <mode>', 'progress display').choices(['bar', 'jsonl', 'none']))
    .addCommand(encodeLibCommand())
    .addCommand(morphEncodeCommand())
    .addCommand(morphDecodeCommand())
    .action(async (flags: VariantFlags) => {
      if (flags.algorithm === undefined) throw new TokenlabError('--algorithm lib|supertokens|morph-hybrid|compound is required');
      if (flags.input === undefined || flags.input.length === 0) throw new TokenlabError('--input <paths...> is required');
      if (flags.output === undefined) throw new TokenlabError('--output <file> is required');
      const corpus = { inputs: flags.input, format: flags.format, jsonField: flags.jsonField, unit: flags.unit };
      const vocabSize = numberFlag('vocab-size', flags.vocabSize, { int: true, min: 1 });
      const seed = numberFlag('seed', flags.seed, { int: true, min: 0 })!;
      const sink = progressSink(flags.progress ?? (process.stderr.isTTY ? 'bar' : 'none'));
      const started = performance.now();
      await untilInterrupted(async (signal) => {
        const control = { signal, onProgress: sink.update };
        if (flags.algorithm === 'morph-hybrid') {
          const { tokenizer, stats } = await trainMorphHybrid({
            corpus,
            ...(flags.lexicon !== undefined ? { lexiconDir: flags.lexicon } : {}),
            ...(vocabSize !== undefined ? { vocabSize } : {}),
            ...(flags.maxRoots !== undefined ? { maxRoots: numberFlag('max-roots', flags.maxRoots, { int: true, min: 0 })! } : {}),
            minFrequency: numberFlag('min-frequency', flags.minFrequency, { int: true, min: 0 })!,
            match: flags.match,
          }, control);
          writeFileAtomic(flags.output, JSON.stringify(tokenizer.toJSON()) + '\n');
          sink.event({ event: 'done', output: flags.output, vocabSize: tokenizer.vocabSize, ...stats, seconds: ((performance.now() - started) / 1000).toFixed(2) });
        } else if (flags.algorithm === 'compound') {
          const job = compoundJob(flags, vocabSize);
          const r = await trainCompoundAware({ ...job, input: { corpus } }, control);
          writeFileAtomic(flags.output, JSON.stringify(r.tokenizer, null, 2) + '\n');
          sink.event({ event: 'done', output: flags.output, splitter: r.splitter, vocabSize: r.vocabSize, distinctWords: r.words.distinct, decompoundedWords: r.decompound.splitWords, seconds: ((performance.now() - started) / 1000).toFixed(2) });
        } else if (flags.algorithm === 'supertokens') {
          if (vocabSize === undefined) throw new TokenlabError('--algorithm supertokens needs --vocab-size');
          const r = await trainSupertokens({
            corpus,
            seed,
            lengths: flags.chunkLengths === undefined ? undefined : parseLengthBins(flags.chunkLengths),
            dropRepeats: flags.dropRepeats,
            options: {
              vocabSize,
              specialTokens: flags.specialToken ?? [],
              minFrequency: numberFlag('min-frequency', flags.minFrequency, { int: true, min: 0 }),
              maxTokenLength: numberFlag('max-token-length', flags.maxTokenLength, { int: true, min: 1 }),
            },
          }, control);
          writeFileAtomic(flags.output, JSON.stringify(r.tokenizer, null, 2) + '\n');
          sink.event({ event: 'done', output: flags.output, vocabSize: r.model.tokens.length, merges: r.model.merges.length, distinctChunks: r.words.distinct, chunks: r.words.total, seconds: ((performance.now() - started) / 1000).toFixed(2) });
        } else {
          const { tokenizer, stats } = await trainLibTokenizer({
            corpus,
            vocabSize,
            removeSpaces: flags.removeSpaces === true,
            options: {
              seed,
              epochs: numberFlag('epochs', flags.epochs, { int: true, min: 1 }),
              articleLength: numberFlag('article-length', flags.articleLength, { int: true, min: 1 }),
              inRate: numberFlag('in-rate', flags.inRate, { min: 0, max: 1 }),
              outRate: numberFlag('out-rate', flags.outRate, { min: 0, max: 1 }),
              life: numberFlag('life', flags.life, { int: true, min: 1 }),
              updateRate: numberFlag('update-rate', flags.updateRate, { min: 0 }),
              maxChunkLen: numberFlag('max-chunk-len', flags.maxChunkLen, { int: true, min: 1 }),
            },
          }, control);
          writeFileAtomic(flags.output, JSON.stringify(tokenizer.toJSON()) + '\n');
          sink.event({ event: 'done', output: flags.output, vocabSize: tokenizer.vocabSize, trainedLexicon: stats.lexiconSize, memorized: stats.memorized, forgotten: stats.forgotten, seconds: ((performance.now() - started) / 1000).toFixed(2) });
        }
      }, () => sink.stop());
    });
}
