/**
 * Precompiled (SentencePiece charsmap) normalizer against the native HF binding: normalized text
 * and per-char alignments, with the nmt_nfkc charsmap (fixture extracted from a model trained by
 * Debian's spm_train), other rules when spm_train is installed, random strings, and FLORES-200
 * sentences in every language when ../shared/data exists.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { TokenlabError } from '../../src/core/errors.js';
import { normalizerFromJSON } from '../../src/normalize/index.js';
import { hf, hfAlignments, hfNormalize, ourAlignments, ourNormalize, textArb } from './hf-helpers.js';
import { trainCharsmap } from './spm-charsmap.js';

const fixture = readFileSync(new URL('./fixtures/nmt_nfkc.charsmap.b64', import.meta.url), 'utf8').trim();
const FLORES = new URL('../../../shared/data/flores200/dev/', import.meta.url);

const TABLE = [
  '',
  'Hello World',
  'Ｆｕｌｌｗｉｄｔｈ ＡＢＣ１２３ ｶﾀｶﾅ ﾞﾟ',
  'ﬁ ﬂ ① ㈱ ㍻ ½ ™ Ⅻ ²',
  'e\u0301 a\u0323\u0307 \u1e9b\u0323 Å\u212b',
  'tab\there  two  spaces\u3000ideographic\u00a0nbsp\u2028ls',
  '\u0000\u0007\u007f\u200b\u200d\ufeff\u00ad',
  '😀👍🏽👨‍👩‍👧🇯🇵',
  '한국어 \u1100\u1161\u11a8 日本語 العربية हिन्दी ไทย',
  'क्षि ก\u0e33 \u0f73\u0f75',
];

async function check(b64: string, s: string): Promise<void> {
  const config = { type: 'Precompiled', precompiled_charsmap: b64 };
  const ns = ourNormalize(config, s);
  assert.equal(ns.normalized, hfNormalize(config, s), `normalized ${JSON.stringify(s)}`);
  assert.deepEqual(ourAlignments(ns), await hfAlignments(config, s), `alignments ${JSON.stringify(s)}`);
}

const charsmaps: [string, string | undefined][] = [['nmt_nfkc (fixture)', fixture]];
for (const rule of ['nfkc', 'nmt_nfkc_cf', 'nfkc_cf']) {
  const m = trainCharsmap(rule);
  charsmaps.push([rule, m && Buffer.from(m).toString('base64')]);
}

for (const [name, b64] of charsmaps) {
  describe(`Precompiled ${name}`, { skip: b64 === undefined ? 'spm_train not installed (apt-get install sentencepiece)' : false }, () => {
    test('table cases equal HF', async () => {
      for (const s of TABLE) await check(b64!, s);
    });
    test('random strings equal HF', async () => {
      await fc.assert(fc.asyncProperty(textArb, (s) => check(b64!, s)), { numRuns: 80 });
    });
  });
}

test('the binding’s precompiled(bytes) agrees with the tokenizer.json route', () => {
  const direct = hf.precompiled([...Buffer.from(fixture, 'base64')]);
  for (const s of TABLE) assert.equal(ourNormalize({ type: 'Precompiled', precompiled_charsmap: fixture }, s).normalized, direct.normalizeString(s));
});

test('FLORES-200 dev: 4 sentences of every language equal HF (text and alignments)', { skip: existsSync(FLORES) ? false : 'no ../shared/data/flores200 (shared data absent)' }, async () => {
  const files = readdirSync(FLORES).filter((f) => f.endsWith('.dev')).sort();
  assert.ok(files.length > 100);
  let n = 0;
  for (const f of files) {
    const lines = readFileSync(new URL(f, FLORES), 'utf8').split('\n').filter(Boolean).slice(0, 4);
    for (const s of lines) {
      await check(fixture, s);
      n++;
    }
  }
  assert.ok(n > 400);
});

test('bad charsmaps are rejected with the JSON path', () => {
  assert.throws(() => normalizerFromJSON({ type: 'Precompiled', precompiled_charsmap: 'AAA' }, 'normalizer.normalizers[0]'), (e: unknown) => e instanceof TokenlabError && /normalizer\.normalizers\[0\]\.precompiled_charsmap/.test((e as Error).message));
  assert.throws(() => normalizerFromJSON({ type: 'Precompiled', precompiled_charsmap: '!!' }, 'normalizer'), /not valid base64/);
  assert.throws(() => normalizerFromJSON({ type: 'Precompiled', precompiled_charsmap: Buffer.from([255, 255, 0, 0, 1]).toString('base64') }, 'normalizer'), /exceeds/);
});
