/**
 * The BPE trainer against HF's own test vectors, an independent naive reference (recount every pair
 * after every merge), and its contracts: exact counts past 2^32, determinism, resume, veto, limits.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { trainBpe } from '../../src/train/bpe/bpe-trainer.js';
import { WordCounts } from '../../src/train/counting/word-counts.js';

const HF_VECTOR = WordCounts.from([['roses', 1], ['are', 2], ['red', 1], ['voilets', 1], ['blue', 1], ['BERT', 1], ['is', 2], ['big', 1], ['and', 1], ['so', 1], ['GPT-2', 1]]);

test('HF conformance vector: alphabet ids by code point, r+e, a+re, i+s (tie rule), then min_frequency stops', () => {
  for (const hfCompat of [true, false]) {
    const m = trainBpe(HF_VECTOR, { vocabSize: 30000, minFrequency: 2, hfCompat });
    assert.deepEqual(m.tokens.slice(0, 22).join(''), '-2BEGPRTabdegilnorstuv');
    assert.deepEqual(m.merges, [['r', 'e'], ['a', 're'], ['i', 's']]);
    assert.deepEqual(m.tokens.slice(22), ['re', 'are', 'is']);
    assert.equal(m.stop, 'min-frequency');
  }
});

test('HF max_token_length vector (upstream bpe_test_max_token_length_direct_assert) in hfCompat', () => {
  const words = WordCounts.from(['sin', 'Sin', 'Lon', 'Ano', '짧은한', '긴한글', '短字符', '长字符', '短い文', '長い文', 'so', 'GP'].map((w) => [w, 2] as [string, number]));
  const m = trainBpe(words, { vocabSize: 30000, maxTokenLength: 2, hfCompat: true });
  const expected: Record<string, number> = {
    '短': 12, n: 6, i: 5, s: 8, '字符': 23, '長': 14, '긴': 17, 'い文': 22, L: 2, in: 21, o: 7, '은한': 29, S: 4, P: 3, so: 27, '符': 13, '文': 11,
    '字': 10, '짧': 19, GP: 25, '글': 16, G: 1, An: 24, '长': 15, A: 0, Lo: 26, '긴한': 28, 'い': 9, '한': 20, '은': 18,
  };
  assert.deepEqual(Object.fromEntries(m.tokens.map((t, i) => [t, i])), expected);
});

/** Independent reference: recount all pairs every step; merge left to right, non-overlapping. */
function naiveBpe(counts: [string, number][], vocabSize: number, maxLen = Infinity): [string, string][] {
  const alphabet = [...new Set(counts.flatMap(([w]) => [...w]))].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!);
  const tokens = [...alphabet];
  const id = new Map(tokens.map((t, i) => [t, i]));
  const words = counts.map(([w, c]) => ({ s: [...w].map((ch) => id.get(ch)!), c }));
  const merges: [string, string][] = [];
  while (tokens.length < vocabSize) {
    const pc = new Map<string, number>();
    for (const w of words) for (let i = 0; i + 1 < w.s.length; i++) {
      const k = `${w.s[i]},${w.s[i + 1]}`;
      pc.set(k, (pc.get(k) ?? 0) + w.c);
    }
    let best: [number, number, number] | undefined;
    for (const [k, c] of pc) {
      const [a, b] = k.split(',').map(Number) as [number, number];
      if ([...tokens[a]!].length + [...tokens[b]!].length > maxLen) continue;
      if (best === undefined || c > best[2] || (c === best[2] && (a < best[0] || (a === best[0] && b < best[1])))) best = [a, b, c];
    }
    if (best === undefined) break;
    const [a, b] = best;
    const s = tokens[a]! + tokens[b]!;
    let n = id.get(s);
    if (n === undefined) { n = tokens.length; tokens.push(s); id.set(s, n); }
    merges.push([tokens[a]!, tokens[b]!]);
    for (const w of words) {
      const out: number[] = [];
      for (let i = 0; i < w.s.length; i++) {
        if (i + 1 < w.s.length && w.s[i] === a && w.s[i + 1] === b) { out.push(n); i++; } else out.push(w.s[i]!);
      }
      w.s = out;
    }
  }
  return merges;
}

const wordsArb = fc.uniqueArray(fc.tuple(fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'é', 'ab', 'aa'), minLength: 1, maxLength: 9 }), fc.integer({ min: 1, max: 40 })), { selector: (e) => e[0], maxLength: 12 });

test('fixed mode equals the naive reference (random words, overlapping runs, with and without maxTokenLength)', () => {
  fc.assert(fc.property(wordsArb, fc.integer({ min: 3, max: 40 }), fc.option(fc.integer({ min: 2, max: 5 }), { nil: undefined }), (entries, extra, maxLen) => {
    const alphabet = new Set(entries.flatMap(([w]) => [...w])).size;
    const vocabSize = alphabet + extra;
    const m = trainBpe(WordCounts.from(entries), { vocabSize, maxTokenLength: maxLen });
    assert.deepEqual(m.merges, naiveBpe(entries, vocabSize, maxLen));
    if (maxLen !== undefined) for (const t of m.tokens) assert.ok([...t].length <= maxLen, t);
  }), { numRuns: 300 });
});

test('without length limits, hfCompat and fixed mode agree', () => {
  fc.assert(fc.property(wordsArb, (entries) => {
    const a = trainBpe(WordCounts.from(entries), { vocabSize: 100, hfCompat: true });
    const b = trainBpe(WordCounts.from(entries), { vocabSize: 100 });
    assert.deepEqual(a.merges, b.merges);
  }), { numRuns: 200 });
});

test('counts past 2^32 (where HF i32 pair counts overflow) decide merges exactly', () => {
  const m = trainBpe(WordCounts.from([['ab', 2 ** 40], ['cd', 2 ** 40 + 1], ['ef', 2 ** 31]]), { vocabSize: 7 });
  assert.deepEqual(m.merges, [['c', 'd']]);
  const m2 = trainBpe(WordCounts.from([['ab', 2 ** 40 + 2], ['cd', 2 ** 40 + 1]]), { vocabSize: 5 });
  assert.deepEqual(m2.merges, [['a', 'b']]);
});

test('the result does not depend on the insertion order of the counts', () => {
  fc.assert(fc.property(wordsArb, (entries) => {
    const a = trainBpe(WordCounts.from(entries), { vocabSize: 60 });
    const b = trainBpe(WordCounts.from([...entries].reverse()), { vocabSize: 60 });
    assert.deepEqual(a.merges, b.merges);
    assert.deepEqual(a.tokens, b.tokens);
  }), { numRuns: 100 });
});

test('resuming from a prefix of the merges gives the same result as one run', () => {
  fc.assert(fc.property(wordsArb, fc.nat(20), fc.boolean(), (entries, cut, hfCompat) => {
    const full = trainBpe(WordCounts.from(entries), { vocabSize: 60, hfCompat });
    const k = Math.min(cut, full.merges.length);
    const resumed = trainBpe(WordCounts.from(entries), { vocabSize: 60, hfCompat, initialMerges: full.merges.slice(0, k) });
    assert.deepEqual(resumed.merges, full.merges);
    assert.deepEqual(resumed.skippedMerges, []);
  }), { numRuns: 150 });
  const r = trainBpe(HF_VECTOR, { vocabSize: 30, initialMerges: [['x', 'y'], ['r', 'e']] });
  assert.deepEqual(r.skippedMerges, [['x', 'y']]);
  assert.deepEqual(r.merges[0], ['r', 'e']);
});

test('a vetoed pair is dropped for good; the veto sees the merged string and count', () => {
  const seen: string[] = [];
  const m = trainBpe(HF_VECTOR, {
    vocabSize: 30000, minFrequency: 2,
    veto: (c) => { seen.push(`${c.merged}:${c.count}`); return c.merged === 're'; },
  });
  // After 're' (3) is vetoed, 'a'+'r' (2; ids 8,17) beats 'i'+'s' (2; ids 13,18) by the tie rule.
  assert.deepEqual(seen.slice(0, 2), ['re:3', 'ar:2']);
  assert.equal(seen.filter((s) => s.startsWith('re:')).length, 1);
  assert.ok(!m.tokens.includes('re'));
  assert.deepEqual(m.merges[0], ['a', 'r']);
});

test('special tokens first, limitAlphabet keeps the most frequent chars, initialAlphabet always kept', () => {
  const m = trainBpe(WordCounts.from([['aab', 5], ['c', 1], ['d', 2]]), { vocabSize: 8, specialTokens: ['<s>', '</s>', '<s>'], limitAlphabet: 3, initialAlphabet: ['z'] });
  assert.deepEqual(m.tokens.slice(0, 5), ['<s>', '</s>', 'a', 'b', 'z']);
  assert.deepEqual(m.specialTokens, ['<s>', '</s>']);
  assert.deepEqual(m.merges, [['a', 'a'], ['aa', 'b']]);
  assert.throws(() => trainBpe(HF_VECTOR, { vocabSize: 0 }), /vocabSize must be an integer >= 1/);
  assert.throws(() => trainBpe(HF_VECTOR, { vocabSize: 10, initialAlphabet: ['ab'] }), /not a single character/);
});

test('continuing-subword prefix and end-of-word suffix (WordPiece-style) build tokens as HF does', () => {
  const m = trainBpe(WordCounts.from([['abab', 3], ['ab', 1]]), { vocabSize: 20, continuingSubwordPrefix: '##', endOfWordSuffix: '</w>' });
  assert.ok(m.tokens.includes('##b</w>'));
  assert.deepEqual(m.merges[0], ['a', '##b']);
  assert.ok(m.tokens.includes('ab'));
});

test('trainBpeAsync gives the same result as trainBpe and stops when aborted', async () => {
  const { trainBpeAsync } = await import('../../src/train/bpe/bpe-trainer.js');
  const words = WordCounts.from(Array.from({ length: 300 }, (_, i): [string, number] => [`w${(i * 7919) % 1000}x${i % 13}y`, 1 + (i % 5)]));
  const a = trainBpe(words, { vocabSize: 400 });
  assert.deepEqual((await trainBpeAsync(words, { vocabSize: 400 }, {}, 0)).merges, a.merges);
  const ctl = new AbortController();
  ctl.abort();
  await assert.rejects(trainBpeAsync(words, { vocabSize: 400 }, { signal: ctl.signal }, 0), /interrupted/);
});

test('bpeTrainer is a Trainer<BpeModelData>: train + modelJSON (vocab ids, merges as pairs)', async () => {
  const { bpeTrainer } = await import('../../src/train/bpe/bpe-trainer-component.js');
  const t = bpeTrainer({ vocabSize: 30000, minFrequency: 2 });
  assert.equal(t.algorithm, 'bpe');
  const json = t.modelJSON(t.train(HF_VECTOR));
  assert.equal(json['type'], 'BPE');
  assert.deepEqual(json['merges'], [['r', 'e'], ['a', 're'], ['i', 's']]);
  assert.equal((json['vocab'] as Record<string, number>)['is'], 24);
  assert.throws(() => bpeTrainer({ vocabSize: -1 }), /vocabSize/);
});
