/**
 * Measured table for docs/algorithms/lib.md: LiB vs byte-level BPE at equal vocabulary size on
 * unsegmented text. For each language, LiB trains on FLORES-200 dev (whitespace removed), its
 * vocabulary is cut to --vocab (or kept whole when smaller), and BPE (GPT-2 pre-tokenizer, 256 byte
 * alphabet) trains on the same text to the same size. Both encode FLORES-200 devtest (whitespace
 * removed); the table gives tokens, types (distinct ids used), characters per token, and for
 * languages written with spaces the precision/recall of token boundaries against the removed spaces.
 *
 * Two comparisons per language: LiB's whole trained lexicon vs BPE at that same size, and LiB cut to
 * --vocab by use (lib-prune.ts) vs BPE at --vocab.
 *
 *     node --import tsx scripts/research-lib.ts [--langs zho_Hans,jpn_Jpan,eng_Latn] [--vocab 8000] [--epochs 1000] [--out-rate 0.01] [--life 3]
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../test/support/paths.js';
import { trainLibTokenizer } from '../src/train/variants/lib/train-lib.js';
import { trainByteLevelBpe } from '../src/train/bpe/train-byte-level-bpe.js';
import { Tokenizer } from '../src/pipeline/index.js';

const arg = (name: string, dflt: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : dflt;
};
const langs = arg('langs', 'zho_Hans,jpn_Jpan,eng_Latn').split(',');
const vocab = Number(arg('vocab', '8000'));
const epochs = Number(arg('epochs', '1000'));
const outRate = Number(arg('out-rate', '0.01'));
const life = Number(arg('life', '3'));
const flores = join(repoRoot, '..', 'shared', 'data', 'flores200');
if (!existsSync(flores)) {
  console.error(`FLORES-200 not found at ${flores}`);
  process.exit(1);
}
const tmp = mkdtempSync(join(tmpdir(), 'tl-research-lib-'));
const lines = (lang: string, split: string): string[] => readFileSync(join(flores, split, `${lang}.${split}`), 'utf8').split('\n').filter((l) => l.trim() !== '');
const squash = (s: string): string => s.replace(/\s+/gu, '');

/** Boundary precision/recall of `spans` (UTF-16 ends) against the word ends of `spaced`. */
function boundaries(spaced: string, ends: number[]): { hit: number; pred: number; gold: number } {
  const gold = new Set<number>();
  let at = 0;
  for (const w of spaced.split(/\s+/u).filter((x) => x !== '')) { at += w.length; gold.add(at); }
  const pred = new Set(ends);
  let hit = 0;
  for (const e of pred) if (gold.has(e)) hit++;
  return { hit, pred: pred.size, gold: gold.size };
}

const rows: string[] = [];
for (const lang of langs) {
  const train = lines(lang, 'dev');
  const test = lines(lang, 'devtest');
  const trainChars = train.reduce((n, l) => n + squash(l).length, 0);
  const t0 = performance.now();
  const opts = { epochs, articleLength: 200, seed: 0, maxChunkLen: 12, outRate, life };
  const full = await trainLibTokenizer({ texts: train, removeSpaces: true, options: opts });
  const libSec = (performance.now() - t0) / 1000;
  const file = join(tmp, `${lang}.txt`);
  writeFileSync(file, train.map((l) => squash(l) + '\n').join(''));
  const measure = (enc: (s: string) => { ids: number[]; ends: number[] }) => {
    let tokens = 0, chars = 0;
    const types = new Set<number>();
    const b = { hit: 0, pred: 0, gold: 0 };
    for (const l of test) {
      const s = squash(l);
      const e = enc(s);
      tokens += e.ids.length;
      chars += s.length;
      for (const id of e.ids) types.add(id);
      const r = boundaries(l, e.ends);
      b.hit += r.hit; b.pred += r.pred; b.gold += r.gold;
    }
    return { tokens, types: types.size, cpt: chars / tokens, p: b.hit / b.pred, r: b.hit / b.gold };
  };
  const f = (m: ReturnType<typeof measure>) => `${m.tokens} | ${m.types} | ${m.cpt.toFixed(2)} | ${(100 * m.p).toFixed(1)} / ${(100 * m.r).toFixed(1)}`;
  const libRow = (tok: typeof full.tokenizer, label: string, sec: number) => {
    const m = measure((s) => { const e = tok.encodeWithOffsets(s); return { ids: e.ids, ends: e.offsets.map((o) => o[1]) }; });
    rows.push(`| ${lang} | ${trainChars} | ${tok.vocabSize} | ${label} | ${f(m)} | ${sec.toFixed(1)} |`);
  };
  const bpeRow = async (size: number) => {
    const t1 = performance.now();
    const bpe = await trainByteLevelBpe({ input: { corpus: { inputs: [file] }, threads: 0 }, options: { vocabSize: size } });
    const sec = (performance.now() - t1) / 1000;
    const tok = Tokenizer.fromJSON(bpe.tokenizer);
    const m = measure((s) => { const e = tok.encode(s); return { ids: e.ids, ends: e.offsets.map((o) => o[1]) }; });
    rows.push(`| ${lang} | ${trainChars} | ${bpe.model.tokens.length} | BPE | ${f(m)} | ${sec.toFixed(1)} |`);
  };
  libRow(full.tokenizer, `LiB (whole lexicon; ${full.stats.memorized} memorized, ${full.stats.forgotten} forgotten)`, libSec);
  await bpeRow(full.tokenizer.vocabSize);
  if (full.tokenizer.vocabSize > vocab) {
    const t2 = performance.now();
    const cut = await trainLibTokenizer({ texts: train, removeSpaces: true, vocabSize: vocab, options: opts });
    libRow(cut.tokenizer, 'LiB cut by use', (performance.now() - t2) / 1000);
    await bpeRow(vocab);
  }
  console.error(`${lang} done`);
}
console.log(`LiB: epochs ${epochs} × 200 sentences, outRate ${outRate}, life ${life}, maxChunkLen 12, seed 0; train FLORES-200 dev, test devtest (1012 sentences), whitespace removed.\n`);
console.log('| language | train chars | vocab | tokenizer | devtest tokens | types used | chars/token | boundary P / R (%) | train s |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
