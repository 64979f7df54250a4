/**
 * The playground's pure parts (web/src/model/): segments cover the text exactly, the segmentation
 * diff finds exactly the regions where two tokenizers cut differently, whitespace is made visible,
 * text statistics count code points and UTF-8 bytes, and the URL state round-trips.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { getEncoding } from '../../src/index.js';
import { segmentRun } from '../../web/src/model/segments.js';
import { cutsOf, diffSegmentations } from '../../web/src/model/segment-diff.js';
import { showWhitespace } from '../../web/src/model/visible-whitespace.js';
import { textStats } from '../../web/src/model/text-stats.js';
import { decodeText, encodeText, paramsToState, stateToParams, type PlaygroundState } from '../../web/src/model/url-state.js';
import type { TokenRun } from '../../web/src/model/token-run.js';

function runOf(ids: number[], offsets: [number, number][], special: number[] = []): TokenRun {
  return {
    ids: Int32Array.from(ids), starts: Uint32Array.from(offsets.map((o) => o[0])), ends: Uint32Array.from(offsets.map((o) => o[1])),
    special: Uint8Array.from(ids.map((_, i) => special[i] ?? 0)), pieces: null,
  };
}

const cl100k = getEncoding('cl100k_base');
const o200k = getEncoding('o200k_base');
const tiktokenRun = (enc: typeof cl100k, text: string) => { const r = enc.encodeWithOffsets(text); return runOf(r.ids, r.offsets); };

test('segments concatenate to the text, for tiktoken runs on arbitrary strings (emoji split across tokens included)', () => {
  fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
    const { segments } = segmentRun(text, tiktokenRun(cl100k, text));
    assert.equal(segments.map((s) => text.slice(s.start, s.end)).join(''), text);
    for (let k = 1; k < segments.length; k++) assert.equal(segments[k]!.start, segments[k - 1]!.end);
  }), { numRuns: 200 });
  const emoji = '👩‍💻';
  const { segments } = segmentRun(emoji, tiktokenRun(cl100k, emoji));
  assert.ok(segments.some((s) => s.last > s.first), 'tokens sharing a character are grouped');
});

test('segments: zero-width tokens become chips, uncovered text becomes gaps, the limit truncates', () => {
  const run = runOf([1, 7, 8, 2], [[0, 0], [0, 3], [4, 7], [0, 0]], [1, 0, 0, 1]);
  const { segments } = segmentRun('abc def!', run);
  assert.deepEqual(segments.map((s) => [s.kind, s.start, s.end]), [['chip', 0, 0], ['tokens', 0, 3], ['gap', 3, 4], ['tokens', 4, 7], ['chip', 7, 7], ['gap', 7, 8]]);
  const cut = segmentRun('abc def!', run, 2);
  assert.equal(cut.segments.length, 2);
  assert.equal(cut.truncatedAt, 3);
});

test('diff: regions are same exactly where both tokenizers have one identical token', () => {
  const text = 'Tokenization differs: naïve 東京 12345 https://example.com/path';
  const a = segmentRun(text, tiktokenRun(cl100k, text)).segments;
  const b = segmentRun(text, tiktokenRun(o200k, text)).segments;
  const regions = diffSegmentations(text.length, cutsOf(a), cutsOf(b));
  assert.equal(regions.map((r) => text.slice(r.start, r.end)).join(''), text);
  const spansA = new Set(a.map((s) => `${s.start}:${s.end}`));
  const spansB = new Set(b.map((s) => `${s.start}:${s.end}`));
  for (const r of regions) {
    const key = `${r.start}:${r.end}`;
    assert.equal(r.same, spansA.has(key) && spansB.has(key), `region ${JSON.stringify(text.slice(r.start, r.end))}`);
  }
  assert.ok(regions.some((r) => !r.same) && regions.some((r) => r.same));
  assert.deepEqual(diffSegmentations(5, [2, 5], [2, 5]).map((r) => r.same), [true, true]);
  assert.deepEqual(diffSegmentations(5, [1, 2, 5], [2, 5]), [{ start: 0, end: 2, same: false, cutsA: [1], cutsB: [] }, { start: 2, end: 5, same: true, cutsA: [], cutsB: [] }]);
});

test('whitespace and invisible characters are shown', () => {
  assert.equal(showWhitespace('a b\tc\r\nd\u200be\u00a0'), 'a·b→c␍↵\nd<U+200B>e⍽');
  assert.equal(showWhitespace('東京 🎉'), '東京·🎉');
});

test('text stats count code points and UTF-8 bytes (a lone surrogate as U+FFFD)', () => {
  fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
    const wellFormed = s.toWellFormed();
    assert.deepEqual(textStats(s), { chars: [...s].length, bytes: Buffer.byteLength(wellFormed) });
  }), { numRuns: 300 });
});

const defaults: PlaygroundState = {
  text: 'default', tokenizers: ['cl100k_base'], view: 'tokens', diff: [0, 1], showWhitespace: true,
  allowSpecial: true, addSpecial: true, languages: ['eng'], relative: false,
};

test('URL state round-trips, text compressed; malformed values fall back to defaults', async () => {
  const state: PlaygroundState = {
    text: 'Shared: ünïcödé 🎉 & = # ?\n'.repeat(50), tokenizers: ['o200k_base', 'hf:llama3', 'file:my tok.json'], view: 'diff', diff: [2, 0],
    showWhitespace: false, allowSpecial: false, addSpecial: true, languages: ['eng', 'cmn_hans'], relative: true,
  };
  const x = await encodeText(state.text);
  assert.ok(x.startsWith('z') && x.length < state.text.length / 4, 'compressed');
  const hash = '#' + stateToParams(state, x);
  const back = paramsToState(hash, defaults);
  assert.equal(await decodeText(back.encodedText!), state.text);
  assert.deepEqual({ ...back.state, text: state.text }, state);
  const bad = paramsToState('#v=nonsense&d=1,x&t=', defaults).state;
  assert.equal(bad.view, 'tokens');
  assert.deepEqual(bad.diff, [0, 1]);
  assert.deepEqual(bad.tokenizers, []);
  await assert.rejects(decodeText('q123'), /unknown text encoding/);
  assert.equal(await decodeText('u' + encodeURIComponent('plain ✓')), 'plain ✓');
});
