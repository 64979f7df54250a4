/**
 * LiB: the lexicon's ordered moves, the two-path reading rule, training on generated unsegmented
 * text (it must find the words the text was made of), and the tokenizer's ids, byte fallback, save
 * and load, and the eval adapter.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LibLexicon } from '../../../src/train/variants/lib/lib-lexicon.js';
import { libSegment } from '../../../src/train/variants/lib/lib-segment.js';
import { trainLibTokenizer } from '../../../src/train/variants/lib/train-lib.js';
import { LibTokenizer, libVocabulary } from '../../../src/train/variants/lib/lib-tokenizer.js';
import { fromLibTokenizer } from '../../../src/train/variants/lib/lib-eval-adapter.js';
import { rng } from '../synthetic-corpus.js';
import { evaluate } from '../../../src/eval/evaluate.js';
import type { Corpus } from '../../../src/corpus/corpus.js';

const WORDS = ['the', 'dog', 'saw', 'a', 'big', 'cat', 'and', 'ran', 'away', 'yesterday', 'happily', 'little', 'house', 'was', 'red'];

/** Sentences of Zipf-ish random words, written with and without spaces. */
function sentences(seed: number, n: number): string[] {
  const r = rng(seed);
  return Array.from({ length: n }, () => Array.from({ length: 3 + Math.floor(r() * 6) }, () => WORDS[Math.floor(WORDS.length * Math.pow(r(), 1.5))]!).join(' '));
}

test('lexicon: ranks, longest two matches, moves by e·(⌊index·rate⌋+1)', () => {
  const lex = new LibLexicon(['a', 'b', 'ab', 'abc', 'x', 'y', 'z']);
  assert.deepEqual(lex.matchTwo(Array.from('abcd'), 0), ['abc', 'ab']);
  assert.deepEqual(lex.matchTwo(Array.from('abcd'), 0, 2), ['ab', 'a']);
  assert.deepEqual(lex.matchTwo(Array.from('qa'), 0), ['', '']);
  lex.groupMove([['z', -1], ['a', 1]], 0.5); // z: 6 → 6 − (3+1) = 2; a: 0 → 1
  assert.deepEqual(lex.chunks(), ['b', 'a', 'z', 'ab', 'abc', 'x', 'y']);
  lex.removeAll(new Set(['ab']));
  assert.equal(lex.rank('abc'), 3);
  assert.deepEqual(lex.matchTwo(Array.from('abc'), 0), ['abc', 'a']);
});

test('two-path rule: the alternative wins with fewer chunks, then a lower rank sum', () => {
  // "abcd": greedy reads abc|d (2 chunks); the alternative ab|cd is also 2 chunks; ranks decide.
  const lexA = new LibLexicon(['a', 'b', 'c', 'd', 'ab', 'cd', 'abc']);
  assert.deepEqual(libSegment(lexA, Array.from('abcd')), ['abc', 'd']); // 6+3 = 9 vs 4+5 = 9: tie keeps the default
  const lexB = new LibLexicon(['ab', 'cd', 'a', 'b', 'c', 'd', 'abc']);
  assert.deepEqual(libSegment(lexB, Array.from('abcd')), ['ab', 'cd']);
  // "abcde": abc|d|e (3) vs ab|cde (2): fewer chunks wins whatever the ranks.
  const lexC = new LibLexicon(['abc', 'a', 'b', 'c', 'd', 'e', 'ab', 'cde']);
  assert.deepEqual(libSegment(lexC, Array.from('abcde')), ['ab', 'cde']);
  fc.assert(fc.property(fc.string({ maxLength: 40 }), (s) => {
    assert.equal(libSegment(lexC, Array.from(s)).join(''), s);
  }));
});

test('LiB training on unsegmented text finds the words; encode/decode, save/load, eval adapter', async () => {
  const train = sentences(1, 600);
  const { tokenizer, stats } = await trainLibTokenizer({ texts: train, removeSpaces: true, options: { epochs: 150, articleLength: 100, seed: 3 } });
  assert.ok(stats.memorized > stats.lexiconSize - 20, 'chunks were memorized');
  assert.ok(stats.forgotten > 0, 'and some were forgotten');
  const multi = tokenizer.lexicon.chunks().filter((c) => c.length > 1);
  for (const w of ['yesterday', 'happily', 'little', 'house']) assert.ok(multi.some((c) => c.includes(w)), `a chunk containing ${w}`);
  // Segmentation of held-out text: chunks are much longer than characters, boundaries mostly at words.
  const held = sentences(2, 100);
  let chars = 0, chunks = 0, hits = 0, gold = 0;
  for (const s of held) {
    const flat = s.replace(/ /g, '');
    const seg = tokenizer.segment(flat);
    assert.equal(seg.join(''), flat);
    chars += flat.length;
    chunks += seg.length;
    const bounds = new Set<number>();
    let at = 0;
    for (const w of s.split(' ')) { at += w.length; bounds.add(at); }
    gold += bounds.size;
    at = 0;
    for (const c of seg) { at += c.length; if (bounds.has(at)) hits++; }
  }
  assert.ok(chars / chunks > 3, `mean chunk length ${(chars / chunks).toFixed(2)}`);
  assert.ok(hits / chunks > 0.8, `boundary precision ${(hits / chunks).toFixed(2)}`);
  assert.ok(hits / gold > 0.5, `boundary recall ${(hits / gold).toFixed(2)}`);
  // Ids: unknown characters fall back to bytes; decode inverts encode.
  const text = 'thedogsaw😀ünknown';
  const ids = tokenizer.encode(text);
  assert.equal(tokenizer.decode(ids), text);
  assert.ok(ids.some((id) => id < 256), 'byte fallback for unseen chars');
  const again = LibTokenizer.fromJSON(JSON.parse(JSON.stringify(tokenizer.toJSON())));
  assert.deepEqual(again.encode(held.join('')), tokenizer.encode(held.join('')));
  assert.throws(() => LibTokenizer.fromJSON({ type: 'LiB', version: 1, max_chunk_len: 4, vocab: ['a', 'a'] }), /vocab\[1\].*duplicate/);
  assert.throws(() => LibTokenizer.fromJSON({ type: 'BPE' }), /type/);
  const ev = fromLibTokenizer(tokenizer);
  const e = ev.encodeWithOffsets(text);
  assert.deepEqual(e.ids, ids);
  assert.equal(e.offsets.at(-1)![1], text.length);
  assert.equal(ev.vocabIds().length, tokenizer.vocabSize);
  // Same seed, same lexicon.
  const twin = await trainLibTokenizer({ texts: train, removeSpaces: true, options: { epochs: 150, articleLength: 100, seed: 3 } });
  assert.deepEqual(twin.tokenizer.lexicon.chunks(), tokenizer.lexicon.chunks());
});

test('vocabulary at a target size keeps every character and the best-ranked chunks', () => {
  const lex = new LibLexicon(['ab', 'a', 'abc', 'b', 'c', 'bc']);
  assert.deepEqual(libVocabulary(lex, 256 + 4), ['ab', 'a', 'b', 'c']);
  assert.throws(() => libVocabulary(lex, 258), /smaller than 256 byte ids \+ 3 characters/);
});

test('cut by use reaches the size exactly, keeps characters, and compresses better than a cut by rank', async () => {
  const train = sentences(4, 500);
  const opts = { epochs: 120, articleLength: 100, seed: 1 };
  const whole = await trainLibTokenizer({ texts: train, removeSpaces: true, options: opts });
  const size = 256 + Math.floor((whole.tokenizer.vocabSize - 256) / 3);
  const byUse = await trainLibTokenizer({ texts: train, removeSpaces: true, vocabSize: size, options: opts });
  const byRank = await trainLibTokenizer({ texts: train, removeSpaces: true, vocabSize: size, prune: 'rank', options: opts });
  assert.equal(byUse.tokenizer.vocabSize, size);
  assert.equal(byRank.tokenizer.vocabSize, size);
  const chars = whole.tokenizer.lexicon.chunks().filter((c) => [...c].length === 1);
  for (const c of chars) assert.ok(byUse.tokenizer.lexicon.has(c), c);
  const held = sentences(5, 100).map((s) => s.replace(/ /g, ''));
  const count = (t: typeof whole.tokenizer) => held.reduce((n, s) => n + t.encode(s).length, 0);
  assert.ok(count(byUse.tokenizer) < count(byRank.tokenizer), `by use ${count(byUse.tokenizer)} vs by rank ${count(byRank.tokenizer)}`);
});

test('src/eval measures a LiB tokenizer through the adapter (token counts match encode)', async () => {
  const { tokenizer } = await trainLibTokenizer({ texts: sentences(6, 300), removeSpaces: true, options: { epochs: 40, articleLength: 100, seed: 2 } });
  const units = sentences(7, 20).map((s, i) => [String(i), s.replace(/ /g, '')] as [string, string]);
  const corpus: Corpus = { name: 'toy', parallel: false, docs: [{ code: 'eng', iso6393: 'eng', name: 'English', units: () => units }] };
  const r = await evaluate([fromLibTokenizer(tokenizer, 'lib')], corpus, { speedSampleChars: 0, charWordsPerLength: 0 });
  const want = units.reduce((n, [, t]) => n + tokenizer.encode(t).length, 0);
  assert.equal(r.tokenizers[0]!.totals.tokens, want);
  assert.ok(r.tokenizers[0]!.usedTypes > 10 && r.tokenizers[0]!.usedTypes <= tokenizer.vocabSize);
});

test('a vocabulary size below bytes + distinct characters is refused before training', async () => {
  await assert.rejects(
    trainLibTokenizer({ texts: ['abcabc', 'defdef'], vocabSize: 256 + 5, options: { epochs: 1000000 } }),
    /smaller than 256 byte ids \+ 6 distinct characters.*--vocab-size 262/,
  );
});
