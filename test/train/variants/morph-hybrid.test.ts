/**
 * The morphology-aware hybrid tokenizer on a small hand-made vocabulary: decoding realizes the
 * allomorph Turkish grammar asks for (expected words written by hand), the encoder's priority
 * rules, the fallback when grammar and text disagree, lossless round trips for Turkish-like and
 * arbitrary strings, the JSON format and its errors, and the eval adapter.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MorphHybridTokenizer } from '../../../src/train/variants/morph-hybrid/morph-hybrid-tokenizer.js';
import { turkish } from '../../../src/train/variants/morph-hybrid/turkish-language.js';
import { turkishSuffixSets } from '../../../src/train/variants/morph-hybrid/turkish-suffixes.js';
import { SPACE_ID, UPPERCASE_ID } from '../../../src/train/variants/morph-hybrid/hybrid-vocab.js';
import { fromMorphHybridTokenizer } from '../../../src/train/variants/morph-hybrid/morph-hybrid-eval-adapter.js';
import { evaluate } from '../../../src/eval/evaluate.js';
import type { Corpus } from '../../../src/corpus/corpus.js';
import { TokenlabError } from '../../../src/core/errors.js';

const utf8 = new TextEncoder();
const ROOTS = [['ev'], ['kitap', 'kitab'], ['ağaç', 'ağac'], ['ankara'], ['saat'], ['gel'], ['ol'], ['oku'], ['çocuk', 'çocuğ'], ['git', 'gid'], ['de'], ['la']];
const SUFFIXES = turkishSuffixSets();
const BPE = [...Array.from({ length: 256 }, (_, b) => Uint8Array.of(b)), utf8.encode('ı'), utf8.encode('ş'), utf8.encode('ler'), utf8.encode('te')];
const tok = new MorphHybridTokenizer(turkish, { roots: ROOTS, suffixes: SUFFIXES, bpe: BPE });
const wordy = tok.withMatch('longest-inside-word');

const root = (s: string): number => tok.vocab.rootStart + ROOTS.findIndex((g) => g.includes(s));
const suffix = (s: string): number => {
  const i = SUFFIXES.findIndex((g) => g.includes(s));
  assert.ok(i >= 0, `no suffix set has ${s}`);
  return tok.vocab.suffixStart + i;
};
const byte = (ch: string): number => tok.vocab.bpeStart + utf8.encode(ch)[0]!;

test('Turkish root allomorphs by consonant softening', () => {
  assert.deepEqual(turkish.rootAllomorphs('kitap', 'NOUN'), ['kitap', 'kitab']);
  assert.deepEqual(turkish.rootAllomorphs('ağaç', 'NOUN'), ['ağaç', 'ağac']);
  assert.deepEqual(turkish.rootAllomorphs('sıcak', 'ADJ'), ['sıcak', 'sıcağ']);
  assert.deepEqual(turkish.rootAllomorphs('renk', 'NOUN'), ['renk', 'reng']);
  assert.deepEqual(turkish.rootAllomorphs('git', 'VERB'), ['git', 'gid']);
  assert.deepEqual(turkish.rootAllomorphs('at', 'NOUN'), ['at']); // monosyllable: atı
  assert.deepEqual(turkish.rootAllomorphs('devlet', 'NOUN'), ['devlet']); // -t loans keep it: devleti
  assert.deepEqual(turkish.rootAllomorphs('zonguldak', 'PROPN'), ['zonguldak']);
  // a dictionary's evidence overrides the syllable rule in both directions
  const dic = new Set(['kanadı', 'hukuku', 'gece', 'sütü']);
  const isWord = (w: string): boolean => dic.has(w);
  assert.deepEqual(turkish.rootAllomorphs('kanat', 'NOUN', isWord), ['kanat', 'kanad']);
  assert.deepEqual(turkish.rootAllomorphs('hukuk', 'NOUN', isWord), ['hukuk']);
  assert.deepEqual(turkish.rootAllomorphs('geç', 'ADJ', isWord), ['geç']); // monosyllable: gece is another word
  assert.deepEqual(turkish.rootAllomorphs('dert', 'NOUN', isWord), ['dert', 'derd']); // rule list, no evidence
  assert.deepEqual(turkish.rootAllomorphs('kitap', 'NOUN', isWord), ['kitap', 'kitab']); // neither: the rule
});

test('decoding realizes allomorphs by harmony, hard consonants and a following vowel (hand-computed words)', () => {
  const cases: [number[], string][] = [
    [[root('ev'), suffix('lar'), suffix('da')], 'evlerde'],
    [[root('kitap'), suffix('lar'), suffix('ımız')], 'kitaplarımız'],
    [[root('ağaç'), suffix('ı')], 'ağacı'],
    [[root('ağaç')], 'ağaç'],
    [[root('ağaç'), suffix('da')], 'ağaçta'],
    [[UPPERCASE_ID, root('ankara'), byte("'"), suffix('da')], "Ankara'da"],
    [[root('kitap'), suffix('dan')], 'kitaptan'],
    [[root('ev'), suffix('dan')], 'evden'],
    [[root('gel'), suffix('dı'), suffix('m')], 'geldim'],
    [[root('ol'), suffix('dık'), suffix('ı')], 'olduğu'],
    [[root('çocuk'), suffix('ın')], 'çocuğun'],
    [[root('çocuk'), suffix('lar')], 'çocuklar'],
    [[root('git'), suffix('ıyor'), suffix('ım')], 'gidiyorum'],
    [[root('gel'), suffix('acak'), suffix('sın')], 'geleceksin'],
    [[root('gel'), suffix('acak'), suffix('ım')], 'geleceğim'],
    [[UPPERCASE_ID, root('ev'), suffix('lar'), SPACE_ID, root('oku'), suffix('dı')], 'Evler okudu'],
  ];
  for (const [ids, want] of cases) {
    assert.equal(tok.decode(ids), want, JSON.stringify(ids));
    for (const t of [tok, wordy]) assert.equal(t.decode(t.encode(want)), want);
  }
  // where no root (de, la) intervenes, roots-first encodes these words to exactly the ids above
  assert.deepEqual(tok.encode('ağacı'), cases[2]![0]);
  assert.deepEqual(tok.encode("Ankara'da"), cases[5]![0]);
  assert.deepEqual(tok.encode('geleceğim'), cases[14]![0]);
});

test('priority: roots first (the reference) vs longest-inside-word', () => {
  // "de" is a root: roots-first takes it after ev|ler; inside a word the suffix wins the tie.
  assert.deepEqual(tok.tokens('evlerde'), ['ev', 'ler', 'de']);
  assert.equal(tok.encode('evlerde')[2], root('de'));
  assert.equal(wordy.encode('evlerde')[2], suffix('da'));
  // the root "la" cuts "ları" under roots-first only
  assert.deepEqual(tok.tokens('kitapları'), ['kitap', 'la', 'r', 'ı']);
  assert.deepEqual(wordy.tokens('kitapları'), ['kitap', 'ları']);
  for (const t of ['evlerde', 'kitapları']) assert.equal(wordy.decode(wordy.encode(t)), t);
});

test('where the text breaks the rules (saatte, kitapı), the token falls back to BPE and nothing is lost', () => {
  const ids = tok.encode('saatte');
  assert.equal(ids[0], root('saat'));
  assert.ok(!ids.includes(suffix('da')), 'realizer would write saatta');
  assert.equal(tok.decode(ids), 'saatte');
  const k = tok.encode('kitapı'); // unsoftened before a vowel: the shared kitap/kitab id would decode as kitab
  assert.ok(!k.includes(root('kitap')));
  assert.equal(tok.decode(k), 'kitapı');
});

test('uppercase: a marker per capital (NASA spells out), Turkish I/İ, untouchable capitals stay literal', () => {
  assert.deepEqual(tok.tokens('NASA'), ['<uppercase>', 'n', '<uppercase>', 'a', '<uppercase>', 's', '<uppercase>', 'a']);
  assert.deepEqual(tok.encode('Işık').slice(0, 1), [UPPERCASE_ID]);
  assert.equal(tok.tokens('İstanbul')[1], 'i');
  for (const s of ['Işık', 'İstanbul', 'IĞDIR', 'ǅemal', '\u212Aelvin', 'ΣΑΣ']) assert.equal(tok.decode(tok.encode(s)), s);
  assert.ok(!tok.encode('ǅ').includes(UPPERCASE_ID));
});

const TURKISH_CHARS = [...'aeıioöuüâbcçdfgğhjklmnprsştvyzAEIİOÖUÜBCÇDĞŞ', "'", ' ', '  ', '\n', '\t', '.', ',', '1', '’'];
const SURFACES = [...ROOTS.flat(), ...SUFFIXES.flat(), ' ', "'", 'I', 'İ', 'K', '\n'];

test('property: decode(encode(x)) === x for Turkish-like strings (both match rules)', () => {
  const letters = fc.array(fc.constantFrom(...TURKISH_CHARS), { maxLength: 40 }).map((a) => a.join(''));
  const morphs = fc.array(fc.constantFrom(...SURFACES), { maxLength: 12 }).map((a) => a.join(''));
  for (const arb of [letters, morphs]) {
    fc.assert(fc.property(arb, (s) => tok.decode(tok.encode(s)) === s && wordy.decode(wordy.encode(s)) === s), { numRuns: 400 });
  }
});

test('property: decode(encode(x)) === x for arbitrary well-formed Unicode', () => {
  // well-formed = no lone surrogates (\p{Cs} matches only unpaired ones in a /u regex)
  const arbs = [fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }).filter((s) => !/\p{Cs}/u.test(s))];
  for (const arb of arbs) fc.assert(fc.property(arb, (s) => tok.decode(tok.encode(s)) === s), { numRuns: 400 });
});

test('offsets cover the text; <uppercase> spans its letter; tokens() are the written surfaces', () => {
  const text = "Kitabı Ankara'da okudum.";
  const { ids, offsets } = tok.encodeWithOffsets(text);
  assert.equal(ids.length, offsets.length);
  assert.deepEqual(offsets[0], [0, 1]);
  assert.equal(ids[0], UPPERCASE_ID);
  let reached = 0;
  for (const [s, e] of offsets) {
    assert.ok(s <= reached && s < e, `gap or empty span at ${s}`);
    reached = Math.max(reached, e);
  }
  assert.equal(reached, text.length);
  assert.deepEqual(tok.tokens('kitabı').slice(0, 2), ['kitab', 'ı']);
});

test('JSON: save and load give the same tokenizer; malformed files name the JSON path', () => {
  const json = JSON.parse(JSON.stringify(wordy.toJSON()));
  const back = MorphHybridTokenizer.fromJSON(json);
  const text = "Çocuğun kitapları Ankara'da 2024 ✓";
  assert.deepEqual(back.encode(text), wordy.encode(text));
  assert.equal(back.match, 'longest-inside-word');
  const bad = (patch: (j: Record<string, unknown>) => void, re: RegExp): void => {
    const j = JSON.parse(JSON.stringify(json)) as Record<string, unknown>;
    patch(j);
    assert.throws(() => MorphHybridTokenizer.fromJSON(j, 'v.json'), (e: unknown) => e instanceof TokenlabError && re.test(e.message));
  };
  bad((j) => { j.version = 2; }, /v\.json: version: unsupported/);
  bad((j) => { (j.roots as unknown[][])[1]![0] = 5; }, /roots\[1\]\[0\]/);
  bad((j) => { (j.suffixes as unknown[])[3] = []; }, /suffixes\[3\]/);
  bad((j) => { (j.bpe as string[])[258] = '€'; }, /bpe\[258\]: "€" is not a byte-level character/);
  bad((j) => { (j.bpe as string[]).splice(10, 1); }, /lacks the single byte 0x0a/);
  bad((j) => { j.match = 'greedy'; }, /match: match must be one of/);
  bad((j) => { j.language = 'xx'; }, /language: unknown morph-hybrid language "xx"/);
  bad((j) => { (j.roots as string[][]).push(['ev', 'kev']); }, /mixes vowel- and consonant-initial/);
  assert.throws(() => tok.decode([tok.vocabSize]), /not in the vocabulary/);
});

test('src/eval measures the hybrid through the adapter (token counts match encode)', async () => {
  const units: [string, string][] = ["Kitapları okudum.", 'Evlerde çocuklar var.', "Ankara'da saatte."].map((s, i) => [String(i), s]);
  const corpus: Corpus = { name: 'toy', parallel: false, docs: [{ code: 'tur', iso6393: 'tur', name: 'Turkish', units: () => units }] };
  const r = await evaluate([fromMorphHybridTokenizer(tok)], corpus, { speedSampleChars: 0, charWordsPerLength: 0 });
  assert.equal(r.tokenizers[0]!.totals.tokens, units.reduce((n, [, t]) => n + tok.encode(t).length, 0));
  const ev = fromMorphHybridTokenizer(tok);
  assert.equal(ev.idToString(suffix('ler')), 'lar');
  assert.ok(ev.isSpecial(UPPERCASE_ID) && !ev.isSpecial(SPACE_ID));
});
