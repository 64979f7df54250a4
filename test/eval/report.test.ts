import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EvalAborted, evaluate } from '../../src/eval/evaluate.js';
import { premiumChart } from '../../src/eval/report/charts.js';
import { renderReport } from '../../src/eval/report/html.js';
import { formatSummary } from '../../src/eval/summary.js';
import type { Corpus } from '../../src/corpus/corpus.js';
import { charTokenizer, wordTokenizer } from './toy-tokenizer.js';

const toy: Corpus = {
  name: 'toy', parallel: true, reference: 'eng',
  docs: [
    { code: 'eng', iso6393: 'eng', name: 'English', units: () => [['1', 'ab cd'], ['2', 'ef']] },
    { code: 'rus', iso6393: 'rus', name: 'Russian', units: () => [['1', 'абв где'], ['2', 'ёж <b>']] },
  ],
};

test('report: self-contained HTML with SVG charts and the numbers', async () => {
  const r = await evaluate([charTokenizer('chars'), wordTokenizer('words')], toy, { speedSampleChars: 0, charWordsPerLength: 5 });
  const spec = premiumChart(r)!;
  assert.equal((spec as { data: { values: unknown[] } }).data.values.length, 4);
  const html = await renderReport([r], { title: 'T <x>' });
  assert.match(html, /^<!doctype html>/);
  assert.match(html, /<title>T &lt;x&gt;<\/title>/);
  assert.equal((html.match(/<svg/g) ?? []).length >= 4, true);
  assert.match(html, /Russian \[rus\]/);
  assert.doesNotMatch(html, /<script/);
  const text = formatSummary(r);
  assert.match(text, /^corpus toy: 2 documents, 4 units, reference eng, baseline chars/);
  // chars: (7 + 6) / (5 + 2) = 1.857; words: ("абв"," ","где" + "ёж"," ","<b>") / ("ab"," ","cd" + "ef") = 6/4.
  assert.match(text, /Russian \[rus\]\s+Cyrl\s+1\.86\s+1\.50/);
});

test('evaluate stops on an aborted signal', async () => {
  const ac = new AbortController();
  ac.abort();
  await assert.rejects(evaluate([charTokenizer()], toy, { signal: ac.signal }), EvalAborted);
});

test('a tokenizer that throws is reported; the others are evaluated', async () => {
  const bad = { ...charTokenizer('bad'), encodeWithOffsets: () => { throw new Error('boom'); } };
  const r = await evaluate([bad, charTokenizer('good')], toy, { speedSampleChars: 0, charWordsPerLength: 0 });
  assert.deepEqual(r.errors, ['bad failed on eng: boom']);
  assert.equal(r.tokenizers[1]!.totals.tokens, 7 + 13);
  assert.equal(r.tokenizers[0]!.error, 'bad failed on eng: boom');
});
