/**
 * Measured table for docs/algorithms/supertokens.md: compression of byte-level BPE (GPT-2
 * pre-tokenizer), SuperBPE (transition at --transition × vocab) and supertokens (random character
 * chunks, seed 0, SuperTokenizer's length bins) at equal vocabulary size. All three train on the
 * FLORES-200 dev files of --langs concatenated (one line per sentence) and encode the devtest files;
 * the table gives UTF-8 bytes per token per language and overall (higher is better).
 *
 *     node --import tsx scripts/research-supertokens.ts [--langs eng_Latn,fra_Latn,...] [--vocab 8000,16000] [--transition 0.9]
 *
 * Larger scale: `--train FILE --test FILE` trains on any text file (streamed) and tests on the lines of
 * another (e.g. bench/.corpus/slices/en-25M.txt and en-heldout.txt from bench/train/make-slices.ts).
 */
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { repoRoot } from '../test/support/paths.js';
import { trainByteLevelBpe } from '../src/train/bpe/train-byte-level-bpe.js';
import { trainSuperBpe } from '../src/train/superbpe/train-superbpe.js';
import { trainSupertokens } from '../src/train/variants/supertokens/train-supertokens.js';
import { Tokenizer } from '../src/pipeline/index.js';

const arg = (name: string, dflt: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : dflt;
};
const langs = arg('langs', 'eng_Latn,fra_Latn,deu_Latn,spa_Latn,ita_Latn,por_Latn,nld_Latn,pol_Latn,tur_Latn,fin_Latn').split(',');
const vocabs = arg('vocab', '8000,16000').split(',').map(Number);
const transition = Number(arg('transition', '0.9'));
const trainFile = arg('train', '');
const testFile = arg('test', '');
const lines = (text: string): string[] => text.split('\n').filter((l) => l.trim() !== '');
let file: string;
let tests: Map<string, string[]>;
if (trainFile !== '') {
  if (testFile === '') throw new Error('--train needs --test');
  file = trainFile;
  tests = new Map([[basename(testFile), lines(readFileSync(testFile, 'utf8'))]]);
  langs.splice(0, langs.length, basename(testFile));
  console.log(`Train: ${trainFile} (${(statSync(trainFile).size / 1e6).toFixed(1)} MB, streamed). Test: the ${tests.get(langs[0]!)!.length} lines of ${testFile}. Bytes per token (higher = better compression).\n`);
} else {
  const flores = join(repoRoot, '..', 'shared', 'data', 'flores200');
  if (!existsSync(flores)) {
    console.error(`FLORES-200 not found at ${flores}`);
    process.exit(1);
  }
  const read = (lang: string, split: string): string[] => lines(readFileSync(join(flores, split, `${lang}.${split}`), 'utf8'));
  const trainLines = langs.flatMap((l) => read(l, 'dev').map((s) => s + '\n'));
  file = join(mkdtempSync(join(tmpdir(), 'tl-research-st-')), 'train.txt');
  writeFileSync(file, trainLines.join(''));
  tests = new Map(langs.map((l) => [l, read(l, 'devtest')]));
  console.log(`Train: FLORES-200 dev of ${langs.length} languages, ${trainLines.length} lines, ${(Buffer.byteLength(trainLines.join('')) / 1e6).toFixed(2)} MB. Test: devtest (1012 sentences per language). Bytes per token (higher = better compression).\n`);
}
const utf8 = (s: string): number => Buffer.byteLength(s);

for (const vocab of vocabs) {
  const corpus = { inputs: [file] };
  const runs: [string, () => Promise<Record<string, unknown>>][] = [
    ['BPE', async () => (await trainByteLevelBpe({ input: { corpus, threads: 0 }, options: { vocabSize: vocab } })).tokenizer],
    [`SuperBPE (t=${Math.round(transition * vocab)})`, async () => (await trainSuperBpe({ input: { corpus, threads: 0 }, options: { vocabSize: vocab }, transitionVocabSize: Math.round(transition * vocab) })).tokenizer],
    ['supertokens (seed 0)', async () => (await trainSupertokens({ corpus, options: { vocabSize: vocab }, seed: 0 })).tokenizer],
  ];
  const header = ['vocab (reached)', 'tokenizer', ...langs, 'all', 'train s'];
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => '---').join('|')}|`);
  for (const [name, train] of runs) {
    const t0 = performance.now();
    const tok = Tokenizer.fromJSON(await train());
    const sec = (performance.now() - t0) / 1000;
    let allB = 0, allT = 0;
    const cells = langs.map((l) => {
      let b = 0, t = 0;
      for (const s of tests.get(l)!) { b += utf8(s); t += tok.encode(s).ids.length; }
      allB += b; allT += t;
      return (b / t).toFixed(2);
    });
    console.log(`| ${vocab} (${tok.getVocabSize(true)}) | ${name} | ${cells.join(' | ')} | ${(allB / allT).toFixed(3)} (${allT} tokens) | ${sec.toFixed(1)} |`);
    console.error(`${vocab} ${name} done`);
  }
  console.log('');
}
