/**
 * Merge replay: the sparse per-step diffs must equal a naive recount of all pairs after every merge
 * (random words, random merge lists, fast-check), including merges of absent pairs and (a,a) runs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { replayMerges } from '../../src/analysis/mixture-inference/replay.js';
import { mergeListFromByteMerges } from '../../src/analysis/mixture-inference/merge-list.js';

/** Naive reference: merge left to right in each word, recount every adjacent pair from scratch. */
function naiveCounts(words: number[][], counts: number[], numSymbols: number): Map<number, number> {
  const m = new Map<number, number>();
  words.forEach((w, i) => {
    for (let k = 0; k + 1 < w.length; k++) {
      const key = w[k]! * numSymbols + w[k + 1]!;
      m.set(key, (m.get(key) ?? 0) + counts[i]!);
    }
  });
  for (const [k, v] of m) if (v === 0) m.delete(k);
  return m;
}

function naiveMerge(w: number[], a: number, b: number, z: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < w.length; ) {
    if (i + 1 < w.length && w[i] === a && w[i + 1] === b) {
      out.push(z);
      i += 2;
    } else out.push(w[i++]!);
  }
  return out;
}

test('sparse diff replay equals a naive recount at every step (random data)', () => {
  const alphabet = 'abc';
  const word = fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 9 }).map((cs) => cs.join(''));
  fc.assert(
    fc.property(
      fc.array(fc.tuple(word, fc.integer({ min: 1, max: 5 })), { minLength: 1, maxLength: 12 }),
      fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 14 }),
      (wordList, mergeSeeds) => {
        // Build a valid merge list: each side is a byte of the alphabet or an earlier result.
        const symbolsSoFar = [...alphabet];
        const byteMerges: [string, string][] = [];
        for (const [x, y] of mergeSeeds) {
          const a = symbolsSoFar[x % symbolsSoFar.length]!;
          const b = symbolsSoFar[y % symbolsSoFar.length]!;
          byteMerges.push([a, b]);
          if (!symbolsSoFar.includes(a + b)) symbolsSoFar.push(a + b);
        }
        const merges = mergeListFromByteMerges(byteMerges);
        const words = wordList.map(([w]) => [...w].map((c) => c.charCodeAt(0)));
        const counts = wordList.map(([, c]) => c);
        const r = replayMerges({ words: words.map((w) => Int32Array.from(w)), counts, totalBytes: 0 }, merges);
        const ns = r.numSymbols;
        // Current counts from the replay, keyed like the naive table.
        const cur = new Map<number, number>();
        r.pairKeys.forEach((key, l) => {
          if (r.initialCounts[l] !== 0) cur.set(key, r.initialCounts[l]!);
        });
        let naiveWords = words.map((w) => [...w]);
        assert.deepEqual(cur, naiveCounts(naiveWords, counts, ns));
        assert.equal(r.totalPairs, [...cur.values()].reduce((s, v) => s + v, 0));
        for (let t = 0; t < merges.length; t++) {
          for (let k = r.stepStart[t]!; k < r.stepStart[t + 1]!; k++) {
            const key = r.pairKeys[r.diffPair[k]!]!;
            assert.notEqual(r.diffDelta[k], 0, 'a diff never records a zero change');
            const v = (cur.get(key) ?? 0) + r.diffDelta[k]!;
            if (v === 0) cur.delete(key);
            else cur.set(key, v);
          }
          naiveWords = naiveWords.map((w) => naiveMerge(w, merges.left[t]!, merges.right[t]!, merges.result[t]!));
          assert.deepEqual(cur, naiveCounts(naiveWords, counts, ns), `after merge ${t}`);
        }
      },
    ),
    { numRuns: 200 },
  );
});

test('replay: "aaa" counts (a,a) twice and merging leaves "Aa"; an absent pair gives an empty diff', () => {
  const merges = mergeListFromByteMerges([['x', 'y'], ['a', 'a']]);
  const a = 'a'.charCodeAt(0);
  const r = replayMerges({ words: [Int32Array.from([a, a, a])], counts: [3], totalBytes: 9 }, merges);
  assert.equal(r.totalPairs, 6);
  assert.equal(r.stepStart[1]! - r.stepStart[0]!, 0);
  // Step 1: (a,a) 6 -> 0, (A,a) 0 -> 3.
  const changes = new Map<number, number>();
  for (let k = r.stepStart[1]!; k < r.stepStart[2]!; k++) changes.set(r.pairKeys[r.diffPair[k]!]!, r.diffDelta[k]!);
  const ns = r.numSymbols;
  const A = merges.result[1]!;
  assert.deepEqual(changes, new Map([[a * ns + a, -6], [A * ns + a, 3]]));
});
