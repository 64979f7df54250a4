/**
 * `tokenlab vocab-sizing`: per-language vocabulary sizes that equalize token premiums (Arnett et al.
 * 2025; docs/algorithms/vocab-sizing.md). Sweeps byte-level BPE sizes per language, fits CTC(V),
 * solves each language's size for the reference's CTC at --target-size, retrains there, and prints
 * the premium spread (equal sizes vs solved sizes, optionally SuperBPE). Thin: flags, progress,
 * Ctrl-C, atomic writes; the work is in src/train/variants/vocab-sizing/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import cliProgress from 'cli-progress';
import { Command, Option } from 'commander';
import { TokenlabError } from '../../src/core/errors.js';
import { selectDocs, unknownLanguageMessage, type Corpus } from '../../src/corpus/corpus.js';
import { udhrCorpus } from '../../src/corpus/udhr-corpus.js';
import { floresCorpus } from '../../src/corpus/flores.js';
import { textDirCorpus } from '../../src/corpus/text-dir.js';
import { runVocabSizing, sizingMarkdown, type SizingResult } from '../../src/train/variants/vocab-sizing/sizing-run.js';
import { sizingLanguage } from '../../src/train/variants/vocab-sizing/sizing-corpus.js';
import type { FitKind } from '../../src/train/variants/vocab-sizing/ctc-fit.js';
import { writeFileAtomic } from '../io.js';
import { untilInterrupted } from '../interruptible.js';
import { sharedDataDir } from './eval.js';
import { numberFlag, positiveIntListFlag } from '../number-flags.js';

interface SizingFlags {
  corpus: string;
  languages: string;
  reference?: string;
  flores?: string;
  sizes: string;
  targetSize: string;
  fit: FitKind;
  superbpe?: boolean;
  outputDir?: string;
  json?: string;
  progress: boolean;
}


function openCorpus(flags: SizingFlags): Corpus {
  if (flags.corpus === 'udhr') return udhrCorpus();
  if (flags.corpus === 'flores') return floresCorpus(flags.flores ?? sharedDataDir('flores200'));
  return textDirCorpus(flags.corpus, { parallel: true, ...(flags.reference ? { reference: flags.reference } : {}) });
}

export function vocabSizingCommand(): Command {
  return new Command('vocab-sizing')
    .description('per-language BPE vocabulary sizes that equalize token premiums (sweep, fit, solve, retrain)')
    .option('-c, --corpus <name>', 'udhr (embedded), flores (FLORES-200: dev trains, devtest tests) or a folder of line-aligned text files', 'udhr')
    .option('-l, --languages <codes>', 'comma-separated document codes (the reference is added)', 'eng,fra,deu,rus,arb,hin,tam,cmn_hans')
    .option('--reference <code>', 'reference language (default: the corpus reference, e.g. eng / eng_Latn)')
    .option('--flores <dir>', 'FLORES-200 folder (default ../shared/data/flores200)')
    .option('--sizes <list>', 'vocabulary sizes of the sweep', '1000,2000,4000')
    .option('--target-size <n>', "the reference language's size whose CTC every language should reach", '2000')
    .addOption(new Option('--fit <kind>', 'CTC(V) model').choices(['power', 'log']).default('power'))
    .option('--superbpe', 'also train SuperBPE at the target size (transition 90%)')
    .option('--output-dir <dir>', 'write each language\'s tokenizer at its solved size as <dir>/<code>.json')
    .option('--json <file>', 'write every number as JSON')
    .option('--no-progress', 'no progress bar')
    .action(async (flags: SizingFlags) => {
      const corpus = openCorpus(flags);
      const reference = flags.reference ?? corpus.reference;
      if (reference === undefined) throw new TokenlabError(`${corpus.name}: no reference language; pass --reference <code>`);
      const wanted = [reference, ...flags.languages.split(',').map((s) => s.trim()).filter((s) => s !== '' && s !== reference)];
      const { docs, unknown } = selectDocs(corpus, wanted);
      if (unknown.length > 0) throw new TokenlabError(unknownLanguageMessage(corpus, unknown));
      const refCode = docs[0]!.code;
      const langs = docs.map(sizingLanguage);
      const bar = flags.progress ? new cliProgress.SingleBar({
        stream: process.stderr,
        format: ' sizing |{bar}| {value}/{total} trainings | ETA {eta_formatted} | {label}',
        hideCursor: true,
        noTTYOutput: true, // in a log file too: a line every second (sizing runs take minutes)
        notTTYSchedule: 1000,
      }, cliProgress.Presets.shades_classic) : undefined;
      let started = false;
      const result: SizingResult = await untilInterrupted(async (signal) => {
        const r = await runVocabSizing(langs, {
          sizes: positiveIntListFlag('sizes', flags.sizes),
          targetSize: numberFlag('target-size', flags.targetSize, { int: true, min: 1 })!,
          reference: refCode,
          fit: flags.fit,
          superBpe: flags.superbpe === true,
        }, {
          signal,
          onProgress: (p) => {
            if (!started) { bar?.start(p.total, 0, { label: '' }); started = true; }
            bar?.update(p.done, { label: p.label });
          },
        });
        bar?.stop();
        return r;
      }, () => bar?.stop());
      if (flags.outputDir !== undefined) {
        mkdirSync(flags.outputDir, { recursive: true });
        for (const l of result.languages) writeFileAtomic(join(flags.outputDir, `${l.code.replace(/[^\w.-]/g, '_')}.json`), JSON.stringify(l.tokenizer, null, 2) + '\n');
      }
      if (flags.json !== undefined) {
        const { languages, ...rest } = result;
        writeFileAtomic(flags.json, JSON.stringify({ ...rest, languages: languages.map(({ tokenizer: _t, ...l }) => l) }, null, 2) + '\n');
      }
      process.stdout.write(`${corpus.name}: ${sizingMarkdown(result)}\n`);
    });
}
