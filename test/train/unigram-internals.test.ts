/**
 * Unigram trainer internals against brute force: the depth-limited suffix array and its LCP, the
 * seed candidates (right-branching substrings by corpus frequency × length), the E-step's expected
 * counts (linear space and the log-space fallback) by enumerating every segmentation; and the
 * trainer's determinism, script boundaries, piece length and split_digits on trained vocabularies.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { WordCounts } from '../../src/train/counting/word-counts.js';
import { cappedLcp, sortSuffixesToDepth } from '../../src/train/unigram/depth-suffix-array.js';
import { buildArcs, expectedCounts } from '../../src/train/unigram/unigram-lattice.js';
import { buildSegments, cutWord, pieceString, segLength, type SegmentTable } from '../../src/train/unigram/unigram-segments.js';
import { seedPieces } from '../../src/train/unigram/unigram-seeds.js';
import { trainUnigram } from '../../src/train/unigram/unigram-trainer.js';
import { scriptClass } from '../../src/train/unigram/unicode-script.js';
import { rng } from './synthetic-corpus.js';

test('sortSuffixesToDepth orders suffixes by their first `depth` symbols; cappedLcp matches a direct count', () => {
  fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 9 }), (arr, depth) => {
    const text = Int32Array.from([...arr, 0]);
    const sa = sortSuffixesToDepth(text, 4, depth);
    assert.deepEqual([...sa].sort((a, b) => a - b), [...text.keys()]);
    const key = (p: number): number[] => Array.from(text.subarray(p, p + depth));
    for (let i = 1; i < sa.length; i++) {
      const a = key(sa[i - 1]!), b = key(sa[i]!);
      let cmp = 0;
      for (let k = 0; k < Math.max(a.length, b.length) && cmp === 0; k++) cmp = (a[k] ?? -1) - (b[k] ?? -1);
      assert.ok(cmp <= 0, `rows ${i - 1}, ${i} out of order`);
    }
    const lcp = cappedLcp(text, sa, depth);
    for (let i = 1; i < sa.length; i++) {
      let l = 0;
      while (l < depth && text[sa[i - 1]! + l] === text[sa[i]! + l] && text[sa[i]! + l] !== 0) l++;
      assert.equal(lcp[i], l);
    }
  }), { numRuns: 300 });
});

/** Random word counts over a small mixed-script alphabet. */
function randomCounts(seed: number, words: number): WordCounts {
  const r = rng(seed);
  const chars = ['a', 'b', 'c', 'd', 'д', 'ж', '1', ',', '日', 'の'];
  const wc = new WordCounts();
  for (let i = 0; i < words; i++) {
    let w = r() < 0.8 ? '▁' : '';
    const n = 1 + Math.floor(r() * 7);
    for (let k = 0; k < n; k++) w += chars[Math.floor(r() * (r() < 0.7 ? 4 : chars.length))]!;
    wc.add(w, 1 + Math.floor(r() * 5));
  }
  return wc;
}

/** Seeds by definition: substrings of 2..maxLen chars followed by two or more distinct symbols (char or context), score Σ count × length. */
function bruteForceCandidates(t: SegmentTable, maxLen: number): Map<string, number> {
  const follow = new Map<string, Set<number>>();
  const freq = new Map<string, number>();
  for (let s = 0; s < t.segCount.length; s++) {
    const start = t.segStart[s]!;
    const n = segLength(t, s);
    for (let i = 0; i < n; i++) {
      for (let l = 2; l <= maxLen && i + l <= n; l++) {
        const key = pieceString(t, start + i, l);
        freq.set(key, (freq.get(key) ?? 0) + t.segCount[s]!);
        if (!follow.has(key)) follow.set(key, new Set());
        follow.get(key)!.add(t.text[start + i + l]!);
      }
    }
  }
  const out = new Map<string, number>();
  for (const [k, f] of follow) if (f.size >= 2) out.set(k, freq.get(k)! * Array.from(k).length);
  return out;
}

test('seed candidates are exactly the right-branching substrings, scored corpus frequency × length', () => {
  for (const seed of [1, 2, 3, 4]) {
    const maxLen = seed + 2;
    const t = buildSegments(randomCounts(seed, 60));
    const s = seedPieces(t, { maxPieceLength: maxLen, seedSize: 1_000_000 });
    const chars = new Map<string, number>();
    for (let c = 1; c < t.codePoints.length; c++) chars.set(String.fromCodePoint(t.codePoints[c]!), t.charFreq[c]!);
    const expected = new Map([...chars, ...bruteForceCandidates(t, maxLen)]);
    const got = new Map<string, number>();
    for (let i = 0; i < s.score.length; i++) got.set(pieceString(t, s.pieceStart[i]!, s.pieceLen[i]!), s.score[i]!);
    assert.deepEqual([...got.keys()].sort(), [...expected.keys()].sort(), `seed ${seed}`);
    const logSum = Math.log([...expected.values()].reduce((a, b) => a + b, 0));
    for (const [p, sc] of expected) assert.ok(Math.abs(got.get(p)! - (Math.log(sc) - logSum)) < 1e-9, `score of ${p}`);
    // Every occurrence of every seed is an arc of the lattice.
    const arcs = buildArcs(t, s);
    let occurrences = 0;
    for (let u = 0; u < t.segCount.length; u++) {
      const n = segLength(t, u);
      for (let i = 0; i < n; i++) for (let l = 1; l <= maxLen && i + l <= n; l++) if (got.has(pieceString(t, t.segStart[u]! + i, l))) occurrences++;
    }
    assert.equal(arcs.piece.length, occurrences);
  }
});

test('a smaller seedSize keeps the best candidates (score, then code-point order)', () => {
  const t = buildSegments(randomCounts(7, 80));
  const all = seedPieces(t, { maxPieceLength: 5, seedSize: 1_000_000 });
  const few = seedPieces(t, { maxPieceLength: 5, seedSize: 40 });
  const str = (s: typeof all, i: number): string => pieceString(t, s.pieceStart[i]!, s.pieceLen[i]!);
  const ranked = [...Array(all.score.length).keys()].filter((i) => all.pieceLen[i]! > 1)
    .sort((a, b) => all.score[b]! - all.score[a]! || (cpOrder(str(all, a), str(all, b))));
  const chars = [...Array(all.score.length).keys()].filter((i) => all.pieceLen[i] === 1).length;
  const want = ranked.slice(0, 40 - chars).map((i) => str(all, i));
  const got = [...Array(few.score.length).keys()].filter((i) => few.pieceLen[i]! > 1).map((i) => str(few, i));
  assert.deepEqual(got, want);
});

function cpOrder(a: string, b: string): number {
  const x = Array.from(a, (c) => c.codePointAt(0)!), y = Array.from(b, (c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

/** Expected piece counts by enumerating every segmentation of every unit. */
function bruteForceExpected(t: SegmentTable, pieces: string[], score: number[], unkScore: number): Map<string, number> {
  const index = new Map(pieces.map((p, i) => [p, i]));
  const out = new Map<string, number>();
  for (let s = 0; s < t.segCount.length; s++) {
    const chars = Array.from(pieceString(t, t.segStart[s]!, segLength(t, s)));
    const paths: [string[], number][] = [];
    const walk = (i: number, acc: string[], logp: number): void => {
      if (i === chars.length) { paths.push([acc, logp]); return; }
      for (let j = i + 1; j <= chars.length; j++) {
        const p = chars.slice(i, j).join('');
        const id = index.get(p);
        if (id !== undefined) walk(j, [...acc, p], logp + score[id]!);
        else if (j === i + 1) walk(j, [...acc, '<unk>'], logp + unkScore);
      }
    };
    walk(0, [], 0);
    const max = Math.max(...paths.map((p) => p[1]));
    const z = paths.reduce((a, p) => a + Math.exp(p[1] - max), 0);
    for (const [path, logp] of paths) for (const p of path) if (p !== '<unk>') out.set(p, (out.get(p) ?? 0) + t.segCount[s]! * Math.exp(logp - max) / z);
  }
  return out;
}

test('E-step expected counts equal the sum over all segmentations, in linear and in log space', () => {
  const t = buildSegments(randomCounts(11, 25));
  const s = seedPieces(t, { maxPieceLength: 4, seedSize: 1_000_000 });
  const arcs = buildArcs(t, s);
  const pieces = [...s.score.keys()].map((i) => pieceString(t, s.pieceStart[i]!, s.pieceLen[i]!));
  // Scores around −2 take the linear path; around −800, paths would underflow doubles: log space.
  for (const scale of [1, 400]) {
    const r = rng(scale);
    const score = Float64Array.from(pieces, () => -scale * (1 + 2 * r()));
    const unk = Math.min(...score) - 10;
    const got = expectedCounts(t, arcs, score, unk).expected;
    const want = bruteForceExpected(t, pieces, [...score], unk);
    pieces.forEach((p, i) => {
      const w = want.get(p) ?? 0;
      assert.ok(Math.abs(got[i]! - w) <= 1e-9 * Math.max(1, w), `scale ${scale}, ${p}: ${got[i]} vs ${w}`);
    });
  }
});

test('training is deterministic whatever the order of the word counts', () => {
  const base = randomCounts(21, 300);
  const entries = [...base.entries()];
  const shuffled = WordCounts.from([...entries].reverse());
  const a = trainUnigram(base, { vocabSize: 60, specialTokens: ['<unk>'], unkToken: '<unk>' });
  const b = trainUnigram(shuffled, { vocabSize: 60, specialTokens: ['<unk>'], unkToken: '<unk>' });
  assert.deepEqual(a.vocab, b.vocab);
});

test('trained pieces respect the segment rules, maxPieceLength and splitDigits', () => {
  const counts = randomCounts(31, 400);
  for (const rules of [{}, { splitDigits: true, maxPieceLength: 3 }]) {
    const m = trainUnigram(counts, { vocabSize: 80, specialTokens: ['<unk>'], unkToken: '<unk>', ...rules });
    for (const [p] of m.vocab.slice(1)) {
      const cuts: number[] = [];
      cutWord(p, rules, (cp) => scriptClass(cp), cuts);
      assert.deepEqual(cuts, [0, p.length], `piece ${JSON.stringify(p)} crosses a boundary`);
      assert.ok(Array.from(p).length <= (rules.maxPieceLength ?? 16));
      if (rules.splitDigits === true && /[0-9]/.test(p)) assert.equal(Array.from(p).length, 1, p);
    }
  }
});
