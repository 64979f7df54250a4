/**
 * Unit and property tests of the HF models against simple reference implementations:
 * - BPE heap merging equals "apply the lowest-rank pair, leftmost first, until none applies";
 *   long pieces stay fast (O(n log n)); byte fallback, unk fusing, prefix/suffix, ignore_merges.
 * - WordPiece greedy longest-match equals a naive search; long words become unk.
 * - Unigram Viterbi finds the best-scoring segmentation (brute force over all segmentations).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { HfBpeModel } from '../../src/model/bpe/hf-bpe-model.js';
import { WordPieceModel } from '../../src/model/wordpiece/wordpiece-model.js';
import { UnigramModel } from '../../src/model/unigram/unigram-model.js';
import { WordLevelModel } from '../../src/model/wordlevel/wordlevel-model.js';

/** A random BPE: alphabet a..d and merges of existing tokens, each creating a new token. */
const bpeArb = fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 25 }).map((picks) => {
  const tokens = ['a', 'b', 'c', 'd'];
  const merges: [string, string][] = [];
  for (const [x, y] of picks) {
    const a = tokens[x % tokens.length]!;
    const b = tokens[y % tokens.length]!;
    if (tokens.includes(a + b)) continue;
    merges.push([a, b]);
    tokens.push(a + b);
  }
  return { vocab: new Map(tokens.map((t, i) => [t, i])), merges };
});

/** Reference: repeatedly merge the adjacent pair with the lowest rank, leftmost on ties. */
function naiveBpe(word: string, merges: [string, string][]): string[] {
  const rank = new Map(merges.map(([a, b], i) => [`${a} ${b}`, i]));
  const syms = [...word];
  for (;;) {
    let best = -1;
    let bestRank = Infinity;
    for (let i = 0; i + 1 < syms.length; i++) {
      const r = rank.get(`${syms[i]} ${syms[i + 1]}`);
      if (r !== undefined && r < bestRank) { bestRank = r; best = i; }
    }
    if (best < 0) return syms;
    syms.splice(best, 2, syms[best]! + syms[best + 1]!);
  }
}

test('BPE heap merging equals naive lowest-rank-first merging', () => {
  fc.assert(fc.property(bpeArb, fc.stringMatching(/^[abcd]{1,40}$/), ({ vocab, merges }, word) => {
    const m = new HfBpeModel({ vocab, merges });
    const got = m.tokenize(word);
    assert.deepEqual(got.map((t) => t.value), naiveBpe(word, merges));
    // Offsets tile the piece.
    let pos = 0;
    for (const t of got) { assert.equal(t.offsets[0], pos); pos = t.offsets[1]; }
    assert.equal(pos, word.length);
  }), { seed: 1, numRuns: 300 });
});

test('BPE on a long piece is fast (O(n log n))', () => {
  const vocab = new Map([['a', 0], ['b', 1], ['ab', 2], ['abab', 3], ['aa', 4]]);
  const m = new HfBpeModel({ vocab, merges: [['a', 'b'], ['ab', 'ab'], ['a', 'a']] });
  const piece = 'ab'.repeat(100_000) + 'a'.repeat(50_000);
  const t0 = performance.now();
  const out = m.tokenize(piece);
  const ms = performance.now() - t0;
  assert.equal(out.length, 50_000 + 25_000);
  assert.ok(ms < 3000, `took ${ms.toFixed(0)} ms`);
});

test('BPE: unk fusing, byte fallback, prefix/suffix, ignore_merges, missing unk', () => {
  const vocab = new Map([['<unk>', 0], ['a', 1], ['##b', 2], ['a##b', 3], ['<0xC3>', 4], ['<0xA9>', 5], ['c</w>', 6], ['ab', 7]]);
  const fused = new HfBpeModel({ vocab, merges: [], unkToken: '<unk>', fuseUnk: true });
  assert.deepEqual(fused.tokenize('xya').map((t) => [t.value, t.offsets]), [['<unk>', [0, 2]], ['a', [2, 3]]]);
  const unfused = new HfBpeModel({ vocab, merges: [], unkToken: '<unk>' });
  assert.deepEqual(unfused.tokenize('xy').map((t) => t.offsets), [[0, 1], [1, 2]]);
  const dropped = new HfBpeModel({ vocab, merges: [] });
  assert.deepEqual(dropped.tokenize('xay').map((t) => [t.value, t.offsets]), [['a', [0, 1]]]);
  const fb = new HfBpeModel({ vocab, merges: [], byteFallback: true, unkToken: '<unk>' });
  assert.deepEqual(fb.tokenize('éa').map((t) => [t.value, t.offsets]), [['<0xC3>', [0, 1]], ['<0xA9>', [0, 1]], ['a', [1, 2]]]);
  // The prefix goes on non-first characters; a merge drops it from its right part ('a' + '##b' -> 'ab').
  const prefixed = new HfBpeModel({ vocab, merges: [['a', '##b']], continuingSubwordPrefix: '##' });
  assert.deepEqual(prefixed.tokenize('ab').map((t) => [t.value, t.offsets]), [['ab', [0, 2]]]);
  const suffixed = new HfBpeModel({ vocab, merges: [], endOfWordSuffix: '</w>' });
  assert.deepEqual(suffixed.tokenize('ac').map((t) => [t.value, t.offsets]), [['a', [0, 1]], ['c</w>', [1, 2]]]);
  const ignore = new HfBpeModel({ vocab, merges: [], ignoreMerges: true });
  assert.deepEqual(ignore.tokenize('ab').map((t) => t.value), ['ab']);
});

test('WordPiece: greedy longest match first, unk for uncoverable or long words', () => {
  const vocab = new Map([['[UNK]', 0], ['un', 1], ['##aff', 2], ['##able', 3], ['u', 4], ['##n', 5], ['😀', 6], ['##😀', 7]]);
  const m = new WordPieceModel({ vocab, maxInputCharsPerWord: 5 });
  assert.deepEqual(m.tokenize('unaffable').map((t) => t.value), ['[UNK]']);
  const m2 = new WordPieceModel({ vocab });
  assert.deepEqual(m2.tokenize('unaffable').map((t) => [t.value, t.offsets]), [['un', [0, 2]], ['##aff', [2, 5]], ['##able', [5, 9]]]);
  assert.deepEqual(m2.tokenize('un😀😀').map((t) => [t.value, t.offsets]), [['un', [0, 2]], ['##😀', [2, 4]], ['##😀', [4, 6]]]);
  assert.deepEqual(m2.tokenize('unx').map((t) => [t.value, t.offsets]), [['[UNK]', [0, 3]]]);
});

test('Unigram Viterbi finds a best-scoring segmentation (brute force)', () => {
  const arb = fc.record({
    pieces: fc.uniqueArray(fc.stringMatching(/^[ab]{2,4}$/), { maxLength: 8 }),
    scores: fc.array(fc.integer({ min: -60, max: -1 }), { minLength: 12, maxLength: 12 }),
    word: fc.stringMatching(/^[abc]{1,9}$/),
  });
  fc.assert(fc.property(arb, ({ pieces, scores, word }) => {
    const vocab: [string, number][] = [['<unk>', 0], ['a', scores[0]! / 7], ['b', scores[1]! / 7], ...pieces.map((p, i): [string, number] => [p, scores[(i + 2) % 12]! / 7])];
    const m = new UnigramModel(vocab, 0);
    const score = new Map(vocab);
    const minScore = Math.min(...vocab.map((v) => v[1]));
    const pieceScore = (p: string): number | undefined => (score.has(p) && p !== '<unk>' ? score.get(p) : p.length === 1 ? minScore - 10 : undefined);
    const best = (s: string): number => {
      if (s.length === 0) return 0;
      let b = -Infinity;
      for (let k = 1; k <= s.length; k++) {
        const sc = pieceScore(s.slice(0, k));
        if (sc !== undefined) b = Math.max(b, sc + best(s.slice(k)));
      }
      return b;
    };
    const got = m.encode(word);
    assert.equal(got.join(''), word);
    // Re-score the answer (fused unk runs count one penalty per character).
    let total = 0;
    for (const p of got) total += score.has(p) && p !== '<unk>' ? score.get(p)! : [...p].length * (minScore - 10);
    assert.ok(Math.abs(total - best(word)) < 1e-9, `got ${JSON.stringify(got)} score ${total}, best ${best(word)}`);
  }), { seed: 2, numRuns: 300 });
});

test('WordLevel: whole pre-token or unk; missing unk is an error naming the field', () => {
  const m = new WordLevelModel(new Map([['hello', 0], ['<unk>', 1]]));
  assert.deepEqual(m.tokenize('hello').map((t) => t.id), [0]);
  assert.deepEqual(m.tokenize('bye').map((t) => [t.id, t.value, t.offsets]), [[1, '<unk>', [0, 3]]]);
  const bad = new WordLevelModel(new Map([['hello', 0]]), '[UNK]');
  assert.throws(() => bad.tokenize('bye'), /model\.unk_token: .*"\[UNK\]" is not in the vocabulary/);
});
