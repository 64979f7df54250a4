/**
 * Unigram segments: where a word is cut so that no piece crosses a boundary SentencePiece forbids
 * (IsValidSentencePiece: one Unicode script per piece, Hiragana/Katakana/ー as Han, combining marks
 * with the char before, `▁` only first, split_digits). Checked against explicit cases and, for random
 * words, against an independent transcription of the validity rule.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { cutWord, type SegmentRules } from '../../src/train/unigram/unigram-segments.js';
import { isDecimalDigit, scriptClass, SCRIPT_ANY, SCRIPT_INHERITED, SCRIPT_NONE } from '../../src/train/unigram/unicode-script.js';

function segmentsOf(word: string, rules: SegmentRules = {}): string[] {
  const cuts: number[] = [];
  cutWord(word, rules, (cp) => scriptClass(cp, rules.splitByNumber ?? true), cuts);
  const out: string[] = [];
  for (let i = 0; i < cuts.length; i += 2) out.push(word.slice(cuts[i], cuts[i + 1]));
  return out;
}

test('script classes follow SentencePiece: Hiragana/Katakana/ー are Han, digits and punctuation Common', () => {
  const han = scriptClass('京'.codePointAt(0)!);
  assert.equal(scriptClass('い'.codePointAt(0)!), han);
  assert.equal(scriptClass('グ'.codePointAt(0)!), han);
  assert.equal(scriptClass('ー'.codePointAt(0)!), han);
  const common = scriptClass('$'.codePointAt(0)!);
  for (const c of ['0', '@', '-', ',', '_']) assert.equal(scriptClass(c.codePointAt(0)!), common, c);
  assert.notEqual(scriptClass('a'.codePointAt(0)!), common);
  assert.notEqual(scriptClass('a'.codePointAt(0)!), scriptClass('д'.codePointAt(0)!));
  assert.equal(scriptClass(0x0301), SCRIPT_INHERITED);
  assert.equal(scriptClass(0x2581), SCRIPT_NONE);
  assert.equal(scriptClass('7'.codePointAt(0)!, false), SCRIPT_ANY);
});

test('words are cut at script changes and before an inner ▁', () => {
  assert.deepEqual(segmentsOf('▁the'), ['▁the']);
  assert.deepEqual(segmentsOf('▁(the'), ['▁(', 'the']);
  assert.deepEqual(segmentsOf('▁foo,'), ['▁foo', ',']);
  assert.deepEqual(segmentsOf('rustc_middle::mir'), ['rustc', '_', 'middle', '::', 'mir']);
  assert.deepEqual(segmentsOf('▁1.5'), ['▁1.5']);
  assert.deepEqual(segmentsOf('a1'), ['a', '1']);
  assert.deepEqual(segmentsOf('ab▁cd'), ['ab', '▁cd']);
  assert.deepEqual(segmentsOf('▁日本語です'), ['▁日本語です']);
  assert.deepEqual(segmentsOf('▁カタカナー漢字'), ['▁カタカナー漢字']);
  assert.deepEqual(segmentsOf('▁Москва2024'), ['▁Москва', '2024']);
  assert.deepEqual(segmentsOf('e\u0301té'), ['e\u0301té']); // a combining accent stays with its letter
  assert.deepEqual(segmentsOf('αβγabc'), ['αβγ', 'abc']);
});

test('split options: splitByUnicodeScript off, splitByNumber off, splitDigits on', () => {
  assert.deepEqual(segmentsOf('▁foo,bar', { splitByUnicodeScript: false }), ['▁foo,bar']);
  assert.deepEqual(segmentsOf('ab▁cd', { splitByUnicodeScript: false }), ['ab', '▁cd']);
  assert.deepEqual(segmentsOf('a1b', { splitByNumber: false }), ['a1b']);
  assert.deepEqual(segmentsOf('▁x123.', { splitDigits: true }), ['▁x', '1', '2', '3', '.']);
  assert.deepEqual(segmentsOf('▁7', { splitDigits: true }), ['▁', '7']);
});

/** SentencePiece's IsValidSentencePiece (no length limit, split_by_whitespace on), written out independently. */
function validPiece(piece: string, splitByNumber = true): boolean {
  const cps = Array.from(piece, (c) => c.codePointAt(0)!);
  let prev: number | undefined;
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i]!;
    if (c === 0x2581) { if (i > 0) return false; continue; }
    let s: number | undefined = scriptClass(c);
    if (s === SCRIPT_INHERITED) s = prev;
    if (!splitByNumber && isDecimalDigit(c)) s = undefined;
    if (s !== undefined && prev !== undefined && s !== prev) return false;
    prev = s;
  }
  return true;
}

test('random words: segments tile the word, each is a valid piece, and no boundary could be dropped', () => {
  const chars = ['a', 'b', 'é', 'д', 'ж', 'α', '日', 'の', 'カ', 'ー', '1', '9', ',', '_', '(', '▁', '\u0301', '😀'];
  fc.assert(fc.property(fc.array(fc.constantFrom(...chars), { minLength: 1, maxLength: 12 }), (arr) => {
    const word = arr.join('');
    const segs = segmentsOf(word);
    assert.equal(segs.join(''), word);
    for (const s of segs) assert.ok(validPiece(s), `segment ${JSON.stringify(s)} of ${JSON.stringify(word)}`);
    for (let i = 0; i + 1 < segs.length; i++) {
      const joined = segs[i]! + Array.from(segs[i + 1]!)[0]!;
      assert.ok(!validPiece(joined), `cut after ${JSON.stringify(segs[i])} in ${JSON.stringify(word)} is not needed`);
    }
  }), { numRuns: 400 });
});
