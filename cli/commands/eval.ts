/**
 * `tokenlab eval`: every metric of src/eval over (tokenizer × corpus). Thin: parses flags, loads
 * tokenizers/corpora/dictionaries, shows a progress bar, prints the summary, writes JSON and the
 * HTML report atomically (Ctrl-C stops cleanly and writes nothing).
 *
 *   tokenlab eval --tokenizer a.json --encoding o200k_base --corpus udhr --json out.json --report report.html
 */
import { Command } from 'commander';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import cliProgress from 'cli-progress';
import { TokenlabError } from '../../src/core/errors.js';
import { selectDocs, unknownLanguageMessage, withDocs, type Corpus } from '../../src/corpus/corpus.js';
import { udhrCorpus } from '../../src/corpus/udhr-corpus.js';
import { floresCorpus } from '../../src/corpus/flores.js';
import { textDirCorpus } from '../../src/corpus/text-dir.js';
import { readSigmorphon, sigmorphonLanguages } from '../../src/corpus/sigmorphon.js';
import type { EvalTokenizer } from '../../src/eval/adapter.js';
import { EvalAborted, evaluate, type EvalOptions } from '../../src/eval/evaluate.js';
import { HUNSPELL_PACKAGES, loadHunspellValidator } from '../../src/eval/hunspell-validator.js';
import { loadEvalTokenizers, type TokenizerSource } from '../../src/eval/load-tokenizers.js';
import type { GoldSegmentation } from '../../src/eval/morph-alignment.js';
import { renderReport } from '../../src/eval/report/html.js';
import { formatSummary } from '../../src/eval/summary.js';
import type { EvalResult } from '../../src/eval/types.js';
import type { LanguageValidator } from '../../src/eval/word-validity.js';
import { writeFileAtomic } from '../io.js';
import { numberFlag } from '../number-flags.js';

const collect = (v: string, prev: string[] = []): string[] => [...prev, v];

export interface RunPlan {
  tokenizers: EvalTokenizer[];
  corpora: Corpus[];
  validators: Map<string, LanguageValidator>;
  morphGold: Map<string, GoldSegmentation[]>;
  options: Omit<EvalOptions, 'validators' | 'morphGold' | 'onProgress' | 'signal'>;
  json?: string;
  report?: string;
  reportTitle?: string;
  reportNotes?: string[];
  progress: boolean;
  maxLanguagesShown?: number;
}

/** One line on stderr, prefixed like every tokenlab error. */
export function warn(msg: string): void {
  process.stderr.write(`tokenlab: ${msg}\n`);
}

export function sharedDataDir(sub: string): string | undefined {
  for (const base of [process.cwd(), join(process.cwd(), '..')]) {
    const p = join(base, '..', 'shared', 'data', sub);
    if (existsSync(p)) return p;
  }
  return undefined;
}

/** Loads the hunspell validators for the given languages; a failure is one warning line. */
export async function loadValidators(languages: readonly string[]): Promise<Map<string, LanguageValidator>> {
  const out = new Map<string, LanguageValidator>();
  for (const lang of languages) {
    try {
      out.set(lang, await loadHunspellValidator(lang));
    } catch (e) {
      warn((e as Error).message);
    }
  }
  return out;
}

/** Evaluates every corpus, with a progress bar and Ctrl-C handling; writes outputs only when all finished. */
export async function runPlan(plan: RunPlan): Promise<EvalResult[] | undefined> {
  const ac = new AbortController();
  const onSigint = (): void => ac.abort();
  process.once('SIGINT', onSigint);
  const bar = plan.progress && process.stderr.isTTY
    ? new cliProgress.SingleBar({ stream: process.stderr, format: 'evaluating [{bar}] {percentage}% | {value}/{total} | {label}', hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic)
    : undefined;
  const results: EvalResult[] = [];
  try {
    for (const corpus of plan.corpora) {
      process.stderr.write(`evaluating ${corpus.name}: ${corpus.docs.length} documents × ${plan.tokenizers.length} tokenizers (Ctrl-C stops; nothing is written before the end)\n`);
      bar?.start(corpus.docs.length * plan.tokenizers.length, 0, { label: corpus.name });
      const r = await evaluate(plan.tokenizers, corpus, {
        ...plan.options,
        validators: plan.validators,
        morphGold: plan.morphGold,
        signal: ac.signal,
        onProgress: (done, _total, label) => bar?.update(done, { label }),
      });
      bar?.stop();
      results.push(r);
      process.stdout.write(formatSummary(r, { ...(plan.maxLanguagesShown !== undefined ? { maxLanguages: plan.maxLanguagesShown } : {}) }) + '\n\n');
    }
  } catch (e) {
    bar?.stop();
    if (e instanceof EvalAborted) {
      warn('interrupted (Ctrl-C): nothing written');
      process.exitCode = 130;
      return undefined;
    }
    throw e;
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
  if (plan.json) {
    mkdirSync(dirname(plan.json), { recursive: true });
    writeFileAtomic(plan.json, JSON.stringify({ tool: 'tokenlab eval', corpora: results }, null, 1) + '\n');
    process.stdout.write(`wrote ${plan.json}\n`);
  }
  if (plan.report) {
    mkdirSync(dirname(plan.report), { recursive: true });
    writeFileAtomic(plan.report, await renderReport(results, { ...(plan.reportTitle ? { title: plan.reportTitle } : {}), ...(plan.reportNotes ? { notes: plan.reportNotes } : {}) }));
    process.stdout.write(`wrote ${plan.report}\n`);
  }
  return results;
}

interface EvalFlags {
  tokenizer?: string[];
  encoding?: string[];
  corpus?: string[];
  languages?: string;
  maxLanguages?: string;
  flores?: string;
  parallel?: boolean;
  reference?: string;
  baseline?: string;
  dictionaries: string;
  morph: string;
  morphWords: string;
  alpha: string;
  speedChars: string;
  charWords: string;
  json?: string;
  report?: string;
  progress: boolean;
}


function openCorpus(spec: string, flags: EvalFlags): Corpus {
  if (spec === 'udhr') return udhrCorpus();
  if (spec === 'flores') return floresCorpus(flags.flores ?? sharedDataDir('flores200'));
  return textDirCorpus(spec, { ...(flags.parallel ? { parallel: true } : {}), ...(flags.reference ? { reference: flags.reference } : {}) });
}

export function evalCommand(): Command {
  return new Command('eval')
    .description('evaluate tokenizers on corpora: compression, fertility, premiums, entropy, categories, word validity, morphology, speed')
    .option('-t, --tokenizer <file>', 'a tokenizer.json, or a LiB / morph-hybrid vocabulary JSON from train-variant (repeatable)', collect)
    .option('-e, --encoding <name>', 'a tiktoken encoding, e.g. o200k_base (repeatable)', collect)
    .option('-c, --corpus <name>', "udhr (embedded), flores (FLORES-200) or a folder of text files (repeatable; default udhr)", collect)
    .option('-l, --languages <codes>', 'comma-separated document codes (udhr: eng,fra,…; flores: eng_Latn,…); the reference is always added')
    .option('--max-languages <n>', 'evaluate at most n documents (after --languages)')
    .option('--flores <dir>', 'FLORES-200 folder with dev/ and devtest/ (default ../shared/data/flores200)')
    .option('--parallel', 'text folder: files are line-aligned translations (premiums per line)')
    .option('--reference <code>', 'text folder: the reference document for premiums')
    .option('--baseline <name>', 'tokenizer that normalized sequence length divides by (default: the first)')
    .option('--dictionaries <langs>', `hunspell languages for %valid/%pure: comma list of ${Object.keys(HUNSPELL_PACKAGES).join(',')}, 'all' or 'none'`, 'eng,tur')
    .option('--morph <dir>', "SIGMORPHON 2022 gold folder for morphological alignment, 'auto' (../shared/data/sigmorphon2022 when present) or 'none'", 'auto')
    .option('--morph-words <n>', 'gold words per language for morphological alignment', '2000')
    .option('--alpha <a>', 'Rényi efficiency power α', '2.5')
    .option('--speed-chars <n>', 'characters of the speed sample (0: skip)', '100000')
    .option('--char-words <n>', 'CharBench words per length, 4–10 (0: skip)', '200')
    .option('--json <file>', 'write every number as JSON')
    .option('--report <file>', 'write the self-contained HTML report')
    .option('--no-progress', 'no progress bar')
    .action(async (flags: EvalFlags) => {
      const sources: TokenizerSource[] = [
        ...(flags.encoding ?? []).map((name) => ({ kind: 'encoding' as const, name })),
        ...(flags.tokenizer ?? []).map((file) => ({ kind: 'tokenizer' as const, file })),
      ];
      if (sources.length === 0) throw new TokenlabError('eval: give at least one --tokenizer FILE or --encoding NAME');
      const alpha = Number(flags.alpha);
      if (!Number.isFinite(alpha) || alpha < 0) throw new TokenlabError(`--alpha expects a non-negative number, got ${JSON.stringify(flags.alpha)}`);
      const maxLanguages = flags.maxLanguages !== undefined ? numberFlag('max-languages', flags.maxLanguages, { int: true, min: 0 })! : undefined;

      const { tokenizers, errors } = loadEvalTokenizers(sources);
      for (const e of errors) warn(e);
      if (tokenizers.length === 0) throw new TokenlabError('eval: no tokenizer could be loaded');

      const corpora: Corpus[] = [];
      for (const spec of flags.corpus ?? ['udhr']) {
        let corpus: Corpus;
        try {
          corpus = openCorpus(spec, flags);
        } catch (e) {
          if (e instanceof TokenlabError) { warn(e.message); continue; }
          throw e;
        }
        let docs = corpus.docs;
        if (flags.languages !== undefined) {
          const sel = selectDocs(corpus, flags.languages.split(','));
          if (sel.unknown.length > 0) warn(unknownLanguageMessage(corpus, sel.unknown));
          docs = sel.docs;
        }
        if (maxLanguages !== undefined) docs = docs.slice(0, maxLanguages);
        if (docs.length === 0) { warn(`${corpus.name}: no documents selected, skipped`); continue; }
        corpora.push(withDocs(corpus, docs));
      }
      if (corpora.length === 0) throw new TokenlabError('eval: no corpus to evaluate');

      const dictLangs = flags.dictionaries === 'none' ? [] : flags.dictionaries === 'all' ? Object.keys(HUNSPELL_PACKAGES) : flags.dictionaries.split(',').filter(Boolean);
      const present = new Set(corpora.flatMap((c) => c.docs.map((d) => d.iso6393)));
      const validators = await loadValidators(dictLangs.filter((l) => present.has(l) || !(l in HUNSPELL_PACKAGES)));

      const morphGold = new Map<string, GoldSegmentation[]>();
      const morphDir = flags.morph === 'none' ? undefined : flags.morph === 'auto' ? sharedDataDir('sigmorphon2022') : flags.morph;
      if (morphDir !== undefined) {
        if (!existsSync(morphDir)) warn(`SIGMORPHON folder not found: ${morphDir} (morphological alignment skipped)`);
        const words = numberFlag('morph-words', flags.morphWords, { int: true, min: 0 })!;
        for (const lang of sigmorphonLanguages(morphDir)) {
          try {
            morphGold.set(lang, readSigmorphon(morphDir, lang, words));
          } catch (e) {
            warn((e as Error).message);
          }
        }
      }
      const results = await runPlan({
        tokenizers, corpora, validators, morphGold,
        options: {
          renyiAlpha: alpha,
          speedSampleChars: numberFlag('speed-chars', flags.speedChars, { int: true, min: 0 })!,
          charWordsPerLength: numberFlag('char-words', flags.charWords, { int: true, min: 0 })!,
          ...(flags.baseline !== undefined ? { baseline: flags.baseline } : {}),
        },
        ...(flags.json !== undefined ? { json: flags.json } : {}),
        ...(flags.report !== undefined ? { report: flags.report } : {}),
        progress: flags.progress,
      });
      if (results && errors.length > 0) process.exitCode = 1;
    });
}
