/**
 * The morph-hybrid table of docs/algorithms/morph-hybrid.md: %TR / %Pure (src/eval/word-validity.ts
 * with the dictionary-tr hunspell validator), tokens per word and bytes per token on Turkish FLORES
 * devtest and the Turkish UDHR, for the hybrid tokenizer (both match rules), a byte-level BPE of the
 * same total vocabulary trained on the same text, and o200k_base.
 *
 *   nice -n 5 node --import tsx bench/morph-hybrid/measure.ts [--flores ../shared/data/flores200] \
 *     [--ud ../shared/data/turkish-morph/data/ud_to_fst_mapped.json] [--train extra.txt,…] [--out /tmp/morph-hybrid] \
 *     [--lexicon <turkish-morph dir>|dictionary-tr]
 *
 * Training text: FLORES-200 dev tur_Latn (997 sentences), the word forms of the turkish-morph
 * dataset's UD sample (10,032 tokens, joined with spaces, a line per sentence-final mark) when
 * present, and any --train files. Never devtest or UDHR. The BPE baseline is trained with
 * min-frequency 0 so it gets as close to the hybrid's total vocabulary as the text allows.
 * Token strings for validity: the hybrid's written surfaces (its `tokens`, markers left out, as the
 * reference's tokenize output is scored); for BPE/o200k, each unique id's string (src/eval's rule).
 * The hybrid also gets the src/eval view (one canonical surface per id) for comparison.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { trainMorphHybrid } from '../../src/train/variants/morph-hybrid/train-morph-hybrid.js';
import type { MorphHybridTokenizer } from '../../src/train/variants/morph-hybrid/morph-hybrid-tokenizer.js';
import { fromMorphHybridTokenizer } from '../../src/train/variants/morph-hybrid/morph-hybrid-eval-adapter.js';
import { SPECIAL_TOKENS } from '../../src/train/variants/morph-hybrid/hybrid-vocab.js';
import { trainByteLevelBpe } from '../../src/train/bpe/train-byte-level-bpe.js';
import { Tokenizer } from '../../src/pipeline/index.js';
import { fromHfTokenizer, fromTiktoken, type EvalTokenizer } from '../../src/eval/adapter.js';
import { loadHunspellValidator } from '../../src/eval/hunspell-validator.js';
import { wordValidity, type LanguageValidator } from '../../src/eval/word-validity.js';
import { readUdhrBlocks } from '../../src/corpus/udhr.js';
import { getEncoding } from '../../src/index.js';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1]!);
const flores = args.get('flores') ?? join(process.cwd(), '..', 'shared', 'data', 'flores200');
const outDir = args.get('out') ?? '/tmp/morph-hybrid';
mkdirSync(outDir, { recursive: true });
const trainFiles = [join(flores, 'dev', 'tur_Latn.dev'), ...(args.get('train')?.split(',') ?? [])];
const udFile = args.get('ud') ?? join(process.cwd(), '..', 'shared', 'data', 'turkish-morph', 'data', 'ud_to_fst_mapped.json');
if (existsSync(udFile)) {
  const forms = (JSON.parse(readFileSync(udFile, 'utf8')) as { form: string }[]).map((x) => x.form);
  const udText = forms.join(' ').replace(/ ([.?!]+) /gu, ' $1\n');
  writeFileSync(join(outDir, 'ud-forms.txt'), udText + '\n');
  trainFiles.push(join(outDir, 'ud-forms.txt'));
}
console.error(`training text: ${trainFiles.join(', ')}`);

const lines = (file: string): string[] => readFileSync(file, 'utf8').split('\n').filter((l) => l !== '');
const testSets: [string, string[]][] = [
  ['FLORES devtest', lines(join(flores, 'devtest', 'tur_Latn.devtest'))],
  ['UDHR', readUdhrBlocks('tur')],
];
const cpu = (): number => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };

interface Row { tokenizer: string; vocab: number; set: string; tr: number; trCased: number; pure: number; keys: number; tpw: number; tpwText: number; bpt: number }
const rows: Row[] = [];

/** Counts a key valid also when its capitalized form is (the hybrid writes proper nouns lowercased after `<uppercase>`). */
function casedValidator(v: LanguageValidator): LanguageValidator {
  return { ...v, isValidWord: (w) => v.isValidWord(w) || v.isValidWord(w.charAt(0) === 'i' ? 'İ' + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1)) };
}

/** tokens/word counts every token; "text tokens" leave out the hybrid's space/newline/tab and `<uppercase>` ids. */
function measure(name: string, vocab: number, set: string, texts: string[], encode: (t: string) => number[], uniqueStrings: (t: string[]) => Set<string>, v: LanguageValidator, isMarker: (id: number) => boolean = () => false): void {
  let tokens = 0, textTokens = 0, words = 0, bytes = 0;
  for (const t of texts) {
    const ids = encode(t);
    tokens += ids.length;
    for (const id of ids) if (!isMarker(id)) textTokens++;
    words += t.split(/\s+/u).filter((w) => w !== '').length;
    bytes += Buffer.byteLength(t, 'utf8');
  }
  const unique = uniqueStrings(texts);
  const r = wordValidity(unique, v);
  const cased = wordValidity(unique, casedValidator(v));
  rows.push({ tokenizer: name, vocab, set, tr: r.validShare * 100, trCased: cased.validShare * 100, pure: r.pureShare * 100, keys: r.keys, tpw: tokens / words, tpwText: textTokens / words, bpt: bytes / tokens });
}

const idStrings = (tok: EvalTokenizer) => (texts: string[]): Set<string> => {
  const ids = new Set<number>();
  for (const t of texts) for (const id of tok.encode(t)) ids.add(id);
  return new Set([...ids].map((id) => tok.idToString(id)));
};
const MARKERS = new Set<string>(SPECIAL_TOKENS);
const surfaces = (tok: MorphHybridTokenizer) => (texts: string[]): Set<string> => {
  const s = new Set<string>();
  for (const t of texts) for (const x of tok.tokens(t)) if (!MARKERS.has(x)) s.add(x);
  return s;
};

let t0 = cpu();
const validator = await loadHunspellValidator('tur');
console.error(`hunspell tr loaded: ${(cpu() - t0).toFixed(1)} s CPU`);

const hybrids: MorphHybridTokenizer[] = [];
for (const match of ['roots-first', 'longest-inside-word'] as const) {
  t0 = cpu();
  const { tokenizer, stats } = await trainMorphHybrid({ corpus: { inputs: trainFiles }, match, ...(args.has('lexicon') ? { lexiconDir: args.get('lexicon')! } : {}) });
  console.error(`hybrid ${match}: ${(cpu() - t0).toFixed(1)} s CPU`, JSON.stringify(stats));
  writeFileSync(join(outDir, `hybrid-${match}.json`), JSON.stringify(tokenizer.toJSON()));
  hybrids.push(tokenizer);
}
const vocabSize = hybrids[0]!.vocabSize;
t0 = cpu();
const bpe = await trainByteLevelBpe({ input: { corpus: { inputs: trainFiles } }, options: { vocabSize, minFrequency: 0 } });
console.error(`bpe: ${(cpu() - t0).toFixed(1)} s CPU, ${bpe.model.tokens.length} tokens, stop ${bpe.model.stop}`);
writeFileSync(join(outDir, 'bpe.json'), JSON.stringify(bpe.tokenizer));
const bpeTok = fromHfTokenizer(Tokenizer.fromJSON(bpe.tokenizer), 'bpe');
const o200k = fromTiktoken(await getEncoding('o200k_base'));

for (const [set, texts] of testSets) {
  let roundTrip = 0;
  for (const h of hybrids) {
    for (const t of texts) if (h.decode(h.encode(t)) === t) roundTrip++;
    const marker = (id: number): boolean => h.vocab.kind(id) === 'special';
    measure(`hybrid ${h.match}`, h.vocabSize, set, texts, (t) => h.encode(t), surfaces(h), validator, marker);
    const ev = fromMorphHybridTokenizer(h);
    measure(`hybrid ${h.match} (src/eval view)`, h.vocabSize, set, texts, (t) => h.encode(t), idStrings(ev), validator, marker);
  }
  console.error(`${set}: decode(encode(x)) === x for ${roundTrip}/${texts.length * hybrids.length} texts`);
  measure('byte-level BPE', bpe.model.tokens.length, set, texts, (t) => bpeTok.encode(t), idStrings(bpeTok), validator);
  measure('o200k_base', o200k.vocabSize, set, texts, (t) => o200k.encode(t), idStrings(o200k), validator);
}

// Where the hybrid's invalid keys come from (roots-first, per test set): unique written surfaces by id kind.
for (const [set, texts] of testSets) {
  const h = hybrids[0]!;
  const byKind = new Map<string, { keys: Set<string>; valid: number }>();
  for (const t of texts) {
    for (const p of h.pieces(t)) {
      const kind = h.vocab.kind(p.id)!;
      if (kind === 'special') continue;
      const surface = p.surface ?? h.vocab.tokenName(p.id);
      const k = byKind.get(kind) ?? { keys: new Set<string>(), valid: 0 };
      byKind.set(kind, k);
      if (!k.keys.has(surface) && surface.trim() !== '') {
        k.keys.add(surface);
        if (validator.isValidWord(surface)) k.valid++;
      }
    }
  }
  console.error(`${set} hybrid keys by kind: ${[...byKind].map(([kind, k]) => `${kind} ${k.valid}/${k.keys.size} valid`).join(', ')}`);
}

console.log('| tokenizer | vocab | test set | %TR | %TR cased | %Pure | keys | tokens/word | text tokens/word | bytes/token |');
console.log('|---|---:|---|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.tokenizer} | ${r.vocab} | ${r.set} | ${r.tr.toFixed(2)} | ${r.trCased.toFixed(2)} | ${r.pure.toFixed(2)} | ${r.keys} | ${r.tpw.toFixed(2)} | ${r.tpwText.toFixed(2)} | ${r.bpt.toFixed(2)} |`);
