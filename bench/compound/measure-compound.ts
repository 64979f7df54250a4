/**
 * Compound-aware vs plain training on FLORES-200 (train on dev, test on devtest), German and Dutch.
 * For each base (Unigram, byte-level BPE), vocabulary size and splitter (none = plain training,
 * dictionary, hyphen), reports the share of gold compounds whose token boundaries include every
 * constituent boundary, and bytes/token on devtest. Gold: (a) hyphenated devtest words with the
 * hyphens removed (re-cased as CompoundPiece §6.1 step 4 does) — splitter-independent; (b) devtest
 * words the dictionary splitter splits (favours the dictionary splitter by construction).
 * A compound is encoded as " " + word (its usual form in running text); boundaries come from the
 * encoding's offsets. Plain training goes through the same code path with a splitter that never splits.
 *
 *   node --import tsx bench/compound/measure-compound.ts [--flores DIR] [--vocab 4000,8000] [--langs de,nl] [--json out.json]
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Tokenizer } from '../../src/pipeline/index.js';
import type { CompoundSplitter } from '../../src/train/variants/compound/compound-splitter.js';
import { isDecompoundable } from '../../src/train/variants/compound/compound-splitter.js';
import { createDictionarySplitter, type DictionaryLanguage } from '../../src/train/variants/compound/dictionary-splitter.js';
import { trainCompoundAware, type CompoundBase, type SplitterChoice } from '../../src/train/variants/compound/train-compound.js';
import { writeFileAtomic } from '../../cli/io.js';

const args = process.argv.slice(2);
const arg = (name: string, def: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : def;
};
const floresDir = arg('flores', join(process.cwd(), '..', 'shared', 'data', 'flores200'));
const vocabs = arg('vocab', '4000,8000').split(',').map(Number);
const langs = arg('langs', 'de,nl').split(',') as DictionaryLanguage[];
const bases = arg('bases', 'unigram,bpe').split(',') as CompoundBase[];
const FLORES_CODE: Record<DictionaryLanguage, string> = { de: 'deu_Latn', nl: 'nld_Latn' };

interface Gold { word: string; ends: number[] }

const EDGE_PUNCT = /^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu;
const NEVER_SPLIT: CompoundSplitter = { name: 'none', split: (w) => [w] };

/** (a) Hyphenated words, hyphens removed; the char after a hyphen takes the case of the char before. */
function hyphenGold(lines: string[]): Gold[] {
  const seen = new Map<string, Gold>();
  for (const line of lines) {
    for (const raw of line.split(/\s+/)) {
      const w = raw.replace(EDGE_PUNCT, '');
      if (!/[-\u2010]/.test(w)) continue;
      const parts = w.split(/[-\u2010]/);
      if (parts.some((p) => p.length < 2 || !isDecompoundable(p))) continue;
      let word = parts[0]!;
      const ends = [word.length];
      for (const p of parts.slice(1)) {
        const before = word[word.length - 1]!;
        const upper = before !== before.toLowerCase();
        word += (upper ? p[0]!.toUpperCase() : p[0]!.toLowerCase()) + p.slice(1);
        ends.push(word.length);
      }
      if (!seen.has(word)) seen.set(word, { word, ends });
    }
  }
  return [...seen.values()];
}

/** (b) Words the dictionary splitter splits. */
function dictionaryGold(lines: string[], splitter: CompoundSplitter): Gold[] {
  const seen = new Map<string, Gold>();
  for (const line of lines) {
    for (const raw of line.split(/\s+/)) {
      const w = raw.replace(EDGE_PUNCT, '');
      if (w === '' || seen.has(w) || !isDecompoundable(w)) continue;
      const parts = splitter.split(w);
      if (parts.length < 2) continue;
      let at = 0;
      seen.set(w, { word: w, ends: parts.map((p) => (at += p.length)) });
    }
  }
  return [...seen.values()];
}

/** Share of gold words whose inner constituent boundaries are all token boundaries. */
function boundaryRecall(tok: Tokenizer, gold: Gold[]): number {
  let ok = 0;
  for (const g of gold) {
    const e = tok.encode(' ' + g.word, { addSpecialTokens: false });
    const cuts = new Set(e.offsets.map(([, end]) => end - 1));
    if (g.ends.slice(0, -1).every((b) => cuts.has(b))) ok++;
  }
  return gold.length === 0 ? NaN : ok / gold.length;
}

function bytesPerToken(tok: Tokenizer, lines: string[]): number {
  let bytes = 0;
  let tokens = 0;
  for (const l of lines) {
    bytes += Buffer.byteLength(l, 'utf8');
    tokens += tok.encode(l, { addSpecialTokens: false }).ids.length;
  }
  return bytes / tokens;
}

const readLines = (f: string): string[] => readFileSync(f, 'utf8').split('\n').filter((l) => l !== '');

const rows: Record<string, unknown>[] = [];
for (const lang of langs) {
  const dev = join(floresDir, 'dev', `${FLORES_CODE[lang]}.dev`);
  const devtest = join(floresDir, 'devtest', `${FLORES_CODE[lang]}.devtest`);
  if (!existsSync(dev) || !existsSync(devtest)) throw new Error(`FLORES-200 ${lang} not found under ${floresDir}`);
  const testLines = readLines(devtest);
  const dict = createDictionarySplitter(lang);
  const golds = { hyphen: hyphenGold(testLines), dictionary: dictionaryGold(testLines, dict) };
  console.log(`${lang}: gold hyphen ${golds.hyphen.length} words, gold dictionary ${golds.dictionary.length} words`);
  for (const base of bases) {
    for (const vocabSize of vocabs) {
      for (const name of ['none', 'dictionary', 'hyphen'] as const) {
        const splitter: SplitterChoice = name === 'none' ? { kind: 'custom', splitter: NEVER_SPLIT } : name === 'dictionary' ? { kind: 'custom', splitter: dict } : { kind: 'hyphen' };
        const t0 = performance.now();
        const r = await trainCompoundAware({ input: { corpus: { inputs: [dev], format: 'text', unit: 'line' } }, base, splitter, vocabSize });
        const tok = Tokenizer.fromJSON(r.tokenizer);
        const row = {
          lang, base, vocabTarget: vocabSize, vocab: r.vocabSize, splitter: name,
          splitWords: r.decompound.splitWords,
          hyphenGold: +boundaryRecall(tok, golds.hyphen).toFixed(3),
          dictionaryGold: +boundaryRecall(tok, golds.dictionary).toFixed(3),
          bytesPerToken: +bytesPerToken(tok, testLines).toFixed(3),
          seconds: +((performance.now() - t0) / 1000).toFixed(1),
        };
        rows.push(row);
        console.log(JSON.stringify(row));
      }
    }
  }
}
const out = arg('json', '');
if (out !== '') writeFileAtomic(out, JSON.stringify(rows, null, 2) + '\n');
