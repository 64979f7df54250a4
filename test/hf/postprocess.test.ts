/**
 * Post-processors, truncation and padding against the native binding: a byte-level BPE trained in
 * the test is combined with each post-processor and each truncation / padding setting, and pairs,
 * overflowing parts and batches are compared field by field (offsets in UTF-16 units).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Tokenizer } from '../../src/pipeline/index.js';
import { native, fromNative, firstDifference, type NativeTokenizer } from './native.js';
import { adversarial } from './corpus.js';
import { trainedByteLevelBpe } from './trained.js';

const base = trainedByteLevelBpe();
const vocab = base['model']['vocab'] as Record<string, number>;
const eot = (base['added_tokens'] as { id: number }[])[0]!.id;
const the = vocab['Ġthe']!;

const POST: unknown[] = [
  null,
  { type: 'BertProcessing', sep: ['<|endoftext|>', eot], cls: ['Ġthe', the] },
  { type: 'RobertaProcessing', sep: ['<|endoftext|>', eot], cls: ['Ġthe', the], trim_offsets: true, add_prefix_space: true },
  { type: 'RobertaProcessing', sep: ['<|endoftext|>', eot], cls: ['Ġthe', the], trim_offsets: true, add_prefix_space: false },
  { type: 'RobertaProcessing', sep: ['<|endoftext|>', eot], cls: ['Ġthe', the], trim_offsets: false, add_prefix_space: true },
  { type: 'ByteLevel', add_prefix_space: true, trim_offsets: true, use_regex: true },
  {
    type: 'Sequence',
    processors: [
      { type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: true },
      {
        type: 'TemplateProcessing',
        single: [{ SpecialToken: { id: 'X', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }],
        pair: [{ Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: 'X', type_id: 1 } }, { Sequence: { id: 'B', type_id: 2 } }, { SpecialToken: { id: 'X', type_id: 1 } }],
        special_tokens: { X: { id: 'X', ids: [eot, the], tokens: ['<|endoftext|>', 'Ġthe'] } },
      },
    ],
  },
];

const TRUNC: unknown[] = [
  null,
  { direction: 'Right', max_length: 12, strategy: 'LongestFirst', stride: 0 },
  { direction: 'Left', max_length: 11, strategy: 'LongestFirst', stride: 2 },
  { direction: 'Right', max_length: 10, strategy: 'OnlyFirst', stride: 1 },
  { direction: 'Left', max_length: 9, strategy: 'OnlySecond', stride: 0 },
];

const PAD: unknown[] = [
  null,
  { strategy: 'BatchLongest', direction: 'Right', pad_to_multiple_of: 8, pad_id: 0, pad_type_id: 3, pad_token: '<pad>' },
  { strategy: { Fixed: 30 }, direction: 'Left', pad_to_multiple_of: null, pad_id: 1, pad_type_id: 0, pad_token: '[P]' },
];

const inputs = [
  'the quick brown fox', ' jumps  over the lazy dog ', 'über café <mask> naïve', 'привет мир 2024 3.14',
  'x', '', '<|endoftext|> the end.', ...adversarial(12, ['<|endoftext|>', ' <mask>'], 5),
];

async function settle<T>(f: () => T | Promise<T>): Promise<{ ok: true; v: T } | { ok: false }> {
  try { return { ok: true, v: await f() }; } catch { return { ok: false }; }
}

for (const post of POST) {
  test(`post-processor ${JSON.stringify(post)?.slice(0, 70)} with truncation and padding`, async () => {
    for (const truncation of TRUNC) {
      for (const padding of PAD) {
        const json = { ...base, post_processor: post, truncation, padding };
        const ctx = `truncation ${JSON.stringify(truncation)} padding ${JSON.stringify(padding)}`;
        const ours = await settle(() => Tokenizer.fromJSON(json));
        const theirsR = await settle(() => native.Tokenizer.fromString(JSON.stringify(json)));
        assert.equal(ours.ok, theirsR.ok, `loading: ${ctx}`);
        if (!ours.ok || !theirsR.ok) continue;
        const tok = ours.v;
        const theirs: NativeTokenizer = theirsR.v;
        for (let i = 0; i < inputs.length; i++) {
          const a = inputs[i]!;
          const b = inputs[(i * 5 + 3) % inputs.length]!;
          for (const add of [true, false]) {
            for (const pair of [undefined, b]) {
              const mine = await settle(() => tok.encode(a, { addSpecialTokens: add, ...(pair !== undefined ? { pair } : {}) }));
              const where = `${ctx} add=${add} input ${JSON.stringify(a)} pair ${JSON.stringify(pair)}`;
              // The native binding panics (killing the process) when the stride is not below the
              // length a sequence gets truncated to; tokenlab throws instead, so skip the native call.
              if (!mine.ok && (await settle(() => tok.encode(a, { ...(pair !== undefined ? { pair } : {}), addSpecialTokens: add }))).ok === false) {
                let msg = '';
                try { tok.encode(a, { addSpecialTokens: add, ...(pair !== undefined ? { pair } : {}) }); } catch (e) { msg = (e as Error).message; }
                if (msg.includes('stride')) continue;
              }
              const ref = await settle(async () => fromNative(await theirs.encode(a, pair ?? null, { addSpecialTokens: add }), pair === undefined ? [a] : [a, pair]));
              assert.equal(mine.ok, ref.ok, `throws (ours ok: ${mine.ok}, native ok: ${ref.ok}): ${where}`);
              if (mine.ok && ref.ok) {
                const d = firstDifference(mine.v, ref.v, pair !== undefined);
                assert.equal(d, null, `${d} differ: ${where}\n ours ${JSON.stringify(mine.v).slice(0, 600)}\n ref  ${JSON.stringify(ref.v).slice(0, 600)}`);
              }
            }
          }
        }
        const batch: string[] = [inputs[0]!, inputs[1]!, inputs[2]!, inputs[3]!]; // the binding's encodeBatch takes no pairs
        const mine = await settle(() => tok.encodeBatch(batch));
        const ref = await settle(async () => (await theirs.encodeBatch(batch)).map((e, k) => fromNative(e, [batch[k]!])));
        assert.equal(mine.ok, ref.ok, `batch throws: ${ctx}`);
        if (mine.ok && ref.ok) mine.v.forEach((e, k) => assert.equal(firstDifference(e, ref.v[k]!), null, `batch[${k}]: ${ctx}`));
      }
    }
  });
}
