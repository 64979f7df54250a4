/**
 * Training the hybrid tokenizer: lexicon loading and cleaning, root selection by use, BPE on the
 * residue, the vocabulary size budget, the CLI (train, morph-encode, morph-decode), and — when
 * ../shared/data is present — the real turkish-morph lexicon on FLORES Turkish.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { trainMorphHybrid } from '../../../src/train/variants/morph-hybrid/train-morph-hybrid.js';
import { dictionaryTrRoots, readTurkishMorphRoots, rootGroups } from '../../../src/train/variants/morph-hybrid/morph-lexicon.js';
import { MorphHybridTokenizer } from '../../../src/train/variants/morph-hybrid/morph-hybrid-tokenizer.js';
import { SPECIAL_TOKENS } from '../../../src/train/variants/morph-hybrid/hybrid-vocab.js';
import { turkish } from '../../../src/train/variants/morph-hybrid/turkish-language.js';
import { trainVariantCommand } from '../../../cli/commands/train-variant.js';
import { TokenlabError } from '../../../src/core/errors.js';
import { sharedData, skipWithoutSharedData } from '../../support/paths.js';

const dir = mkdtempSync(join(tmpdir(), 'tl-morph-hybrid-'));
const lexDir = join(dir, 'lex');
mkdirSync(join(lexDir, 'data'), { recursive: true });
writeFileSync(join(lexDir, 'data', 'final_core_roots.json'), JSON.stringify({
  NOUN: ['ev', 'kitap', 'ağaç', 'çocuk', 'okul', 'masa', 'kalem', 'ABD', 'ecek', 'yol'],
  VERB: ['gel', 'git', 'oku', 'yaz'],
  PROPN: ['Ankara', 'İzmir'],
}));
const SENTENCES = [
  'Çocuklar evlerde kitap okuyor.', "Ankara'dan İzmir'e gidiyoruz.", 'Kalemler masada, kitaplar okulda.',
  'Ağacın altında kitap okudum.', 'Yarın okula geleceğim.', 'Zzq zzq zzq 2024 zzq!', 'Yollar uzun, evler sıcak.',
];

test('lexicon: acronyms, unlisted short roots and suffix chains are dropped; softened forms join their root', () => {
  const dictionary = new Set(['ev', 'yol', 'de']);
  const entries = [{ root: 'ev' }, { root: 'ABD' }, { root: 'ab' }, { root: 'ecek' }, { root: 'kitap', pos: 'NOUN' }, { root: 'kitab', pos: 'NOUN' }, { root: 'de' }, { root: 'Ankara', pos: 'PROPN' }, { root: 'x-ray' }];
  const groups = rootGroups(turkish, entries, { dictionary }).map((g) => g.surfaces);
  // kitab is also listed as a root of its own: it joins kitap's set (one id)
  assert.deepEqual(groups, [['ev'], ['kitap', 'kitab'], ['de'], ['ankara']]);
  assert.deepEqual(rootGroups(turkish, [{ root: 'kitap', pos: 'NOUN' }]).map((g) => g.surfaces), [['kitap', 'kitab']]);
});

test('dictionary-tr fallback: productive stems (many affix flags) only', () => {
  const dic = '5\nabart/1,2,3,4,5,6,7,8,9\nedildiğimin\nabanacak/14,59\nAnkara/1,2,3,4,5,6,7,8\nkalem/1,2,3,4,5,6,7,8\n';
  assert.deepEqual(dictionaryTrRoots(dic).entries.map((e) => e.root), ['abart', 'kalem']);
});

test('training: roots ranked by use and cut to maxRoots, BPE learns the residue, sizes add up, lossless', async () => {
  const { tokenizer, stats } = await trainMorphHybrid({ texts: SENTENCES, lexiconDir: lexDir, maxRoots: 8, vocabSize: 7 + 8 + 82 + 300, minFrequency: 2 });
  assert.equal(stats.rootSets, 8);
  assert.equal(tokenizer.vocabSize, SPECIAL_TOKENS.length + stats.rootSets + stats.suffixSets + stats.bpeTokens);
  assert.ok(tokenizer.vocabSize <= 7 + 8 + 82 + 300);
  const roots = tokenizer.vocab.roots.map((g) => g[0]);
  for (const used of ['kitap', 'ev', 'oku']) assert.ok(roots.includes(used), `${used} is used in the text`);
  assert.ok(!roots.includes('yaz'), 'yaz is never used and the cut keeps 8');
  assert.ok(!roots.includes('abd') && !roots.includes('ecek'));
  // "zzq" is residue four times: BPE makes it one token
  assert.ok(tokenizer.tokens('zzq').length === 1, JSON.stringify(tokenizer.tokens('zzq')));
  for (const s of [...SENTENCES, 'Hiç görülmemiş ŞEYLER 🙂 ağaçtaki kuş']) assert.equal(tokenizer.decode(tokenizer.encode(s)), s);
  await assert.rejects(trainMorphHybrid({ texts: SENTENCES, lexiconDir: lexDir, vocabSize: 300 }), /leaves .* BPE ids/);
  await assert.rejects(trainMorphHybrid({ texts: SENTENCES, lexiconDir: join(dir, 'nowhere') }), /no data\/final_core_roots.json/);
});

async function runHere(args: string[]): Promise<{ error: string; out: string }> {
  const writes: string[] = [];
  const orig = process.stdout.write.bind(process.stdout);
  (process.stdout as { write: unknown }).write = (s: string) => { writes.push(s); return true; };
  try {
    await trainVariantCommand().exitOverride().configureOutput({ writeErr: () => undefined }).parseAsync(args, { from: 'user' });
    return { error: '', out: writes.join('') };
  } catch (e) {
    if (e instanceof TokenlabError) return { error: e.message, out: writes.join('') };
    throw e;
  } finally {
    (process.stdout as { write: unknown }).write = orig;
  }
}

test('CLI: train-variant --algorithm morph-hybrid, then morph-encode and morph-decode', async () => {
  const corpus = join(dir, 'corpus.txt');
  writeFileSync(corpus, SENTENCES.join('\n') + '\n');
  const out = join(dir, 'hybrid.json');
  const train = await runHere(['--algorithm', 'morph-hybrid', '--input', corpus, '--output', out, '--lexicon', lexDir, '--vocab-size', '1000', '--match', 'longest-inside-word', '--progress', 'none']);
  assert.equal(train.error, '');
  const tok = MorphHybridTokenizer.fromFile(out);
  assert.equal(tok.match, 'longest-inside-word');
  const text = "Kitaplarımızı Ankara'da okuduk.";
  const enc = await runHere(['morph-encode', '--vocab', out, '--text', text]);
  assert.deepEqual(JSON.parse(enc.out), tok.encode(text));
  const toks = await runHere(['morph-encode', '--vocab', out, '--tokens', '--text', text]);
  assert.deepEqual(JSON.parse(toks.out), tok.tokens(text));
  const dec = await runHere(['morph-decode', '--vocab', out, '--ids', enc.out]);
  assert.equal(dec.out, text);
  assert.match((await runHere(['morph-decode', '--vocab', out, '--ids', '[1,"x"]'])).error, /expected a JSON array of integer ids/);
  writeFileSync(join(dir, 'broken.json'), JSON.stringify({ ...JSON.parse(readFileSync(out, 'utf8')), version: 9 }));
  assert.match((await runHere(['morph-encode', '--vocab', join(dir, 'broken.json'), '--text', 'x'])).error, /broken\.json: version: unsupported/);
  assert.match((await runHere(['--algorithm', 'morph-hybrid', '--input', corpus, '--output', out, '--lexicon', lexDir, '--max-roots', '-1'])).error, /--max-roots must be an integer >= 0/);
});

const skipShared = skipWithoutSharedData('turkish-morph') || skipWithoutSharedData('flores200/dev');
test('turkish-morph lexicon on FLORES Turkish: trains, and every devtest line round-trips', { skip: skipShared }, async () => {
  const lex = readTurkishMorphRoots(join(sharedData, 'turkish-morph'));
  assert.ok(lex.entries.length > 60000, `${lex.entries.length} roots`);
  const dev = readFileSync(join(sharedData, 'flores200', 'dev', 'tur_Latn.dev'), 'utf8').split('\n').slice(0, 300);
  const { tokenizer, stats } = await trainMorphHybrid({ texts: dev, lexiconDir: join(sharedData, 'turkish-morph') });
  assert.equal(stats.rootSets, 20000 - SPECIAL_TOKENS.length);
  const devtest = readFileSync(join(sharedData, 'flores200', 'devtest', 'tur_Latn.devtest'), 'utf8').split('\n').slice(0, 300);
  for (const line of devtest) assert.equal(tokenizer.decode(tokenizer.encode(line)), line);
  const kinds = new Map<string, number>();
  for (const line of devtest) for (const id of tokenizer.encode(line)) kinds.set(tokenizer.vocab.kind(id)!, (kinds.get(tokenizer.vocab.kind(id)!) ?? 0) + 1);
  assert.ok((kinds.get('root') ?? 0) > (kinds.get('bpe') ?? 0), JSON.stringify([...kinds]));
});
