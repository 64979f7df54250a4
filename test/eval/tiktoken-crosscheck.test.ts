/**
 * Cross-check: the tokens per language that `evaluate` reports equal the count from the reference
 * library (the `tiktoken` package, OpenAI's Rust core as WASM) on the same text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { get_encoding, type TiktokenEncoding as RefName } from 'tiktoken';
import { getEncoding } from '../../src/index.js';
import { fromTiktoken } from '../../src/eval/adapter.js';
import { evaluate } from '../../src/eval/evaluate.js';
import { selectDocs, withDocs } from '../../src/corpus/corpus.js';
import { udhrCorpus } from '../../src/corpus/udhr-corpus.js';

const LANGS = ['eng', 'fra', 'rus', 'cmn_hans', 'hin', 'amh', 'kor', 'arb', 'tha', 'mya'];

for (const name of ['cl100k_base', 'o200k_base'] as const) {
  test(`tokens per language from evaluate = tiktoken's count (${name}, UDHR)`, async () => {
    const corpus = udhrCorpus();
    const { docs } = selectDocs(corpus, LANGS);
    const r = await evaluate([fromTiktoken(getEncoding(name))], withDocs(corpus, docs), { speedSampleChars: 0, charWordsPerLength: 0 });
    const ref = get_encoding(name as RefName);
    try {
      for (const doc of docs) {
        const expected = doc.units().reduce((n, [, text]) => n + ref.encode(text).length, 0);
        const got = r.tokenizers[0]!.languages.find((l) => l.code === doc.code)!.tokens;
        assert.equal(got, expected, `${name} ${doc.code}`);
      }
    } finally {
      ref.free();
    }
  });
}
