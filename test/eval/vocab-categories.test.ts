import { test } from 'node:test';
import assert from 'node:assert/strict';
import { categoryStats, classifyToken } from '../../src/eval/vocab-categories.js';

const u = (s: string) => new TextEncoder().encode(s);

test('Qtok classes of hand-picked tokens', () => {
  assert.deepEqual(classifyToken(u(' the'), false), { category: 'spaced_alpha', script: 'Latn' });
  assert.deepEqual(classifyToken(u(' при'), false), { category: 'spaced_alpha', script: 'Cyrl' });
  assert.deepEqual(classifyToken(u(' 123'), false), { category: 'spaced_other' });
  assert.deepEqual(classifyToken(u(' aж'), false), { category: 'spaced_other' });
  assert.deepEqual(classifyToken(u('ing'), false), { category: 'inner_alpha', script: 'Latn' });
  assert.deepEqual(classifyToken(u('中文'), false), { category: 'inner_alpha', script: 'Hani' });
  assert.deepEqual(classifyToken(u('नमस्ते'), false), { category: 'inner_alpha', script: 'Deva' }); // virama and vowel signs are Devanagari
  assert.deepEqual(classifyToken(u('.,'), false), { category: 'inner_other' });
  assert.deepEqual(classifyToken(u('a'), false), { category: 'pure_unicode' }); // Qtok quirk: GPT-2 byte alphabet
  assert.deepEqual(classifyToken(u('é'), false), { category: 'pure_unicode' });
  assert.deepEqual(classifyToken(u('ж'), false), { category: 'char_alpha', script: 'Cyrl' });
  assert.deepEqual(classifyToken(u('€'), false), { category: 'char_other' });
  assert.deepEqual(classifyToken(Uint8Array.of(0xe4, 0xb8), false), { category: 'unicode_flanks' });
  assert.deepEqual(classifyToken(u('<|endoftext|>'), true), { category: 'control_tokens' });
  assert.deepEqual(classifyToken(u('[CLS]'), false), { category: 'control_tokens' });
  assert.deepEqual(classifyToken(u('<br>'), false), { category: 'inner_other' }); // plain HTML tag is not control
});

test('category and script shares by hand', () => {
  const s = categoryStats([' the', ' a', 'ing', 'ж', '??'].map((t) => ({ bytes: u(t), special: false })));
  assert.equal(s.total, 5);
  assert.equal(s.counts.spaced_alpha, 2);
  assert.equal(s.shares.spaced_alpha, 0.4);
  assert.equal(s.shares.inner_alpha, 0.2);
  assert.equal(s.shares.inner_other, 0.2);
  assert.equal(s.alphaTotal, 4);
  assert.deepEqual(s.scripts, { Latn: { spaced_alpha: 2, inner_alpha: 1 }, Cyrl: { char_alpha: 1 } });
  assert.deepEqual(s.scriptShares, { Latn: 0.75, Cyrl: 0.25 });
});
