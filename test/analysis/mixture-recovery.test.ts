/**
 * End-to-end recovery on toy data with a known answer: a naive greedy BPE trainer (written here,
 * independent of the replay code) learns merges from a weighted mixture of synthetic "languages";
 * inference from those merges, with each language's own text as the sample, must recover the byte
 * shares to 1e-4. Also the same with a tokenizer trained by the native Hugging Face trainer.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inferMixture, mergeListFromByteMerges, mergesFromTokenizerJson, mulberry32 } from '../../src/analysis/mixture-inference/index.js';
import { readUdhrBlocks } from '../../src/corpus/udhr.js';

/** Greedy BPE on weighted words (strings of single-byte chars): most frequent pair, ties by key. */
function naiveTrain(words: Map<string, number>, merges: number): [string, string][] {
  let seqs = [...words].map(([w, c]) => ({ syms: [...w], c }));
  const out: [string, string][] = [];
  for (let m = 0; m < merges; m++) {
    const counts = new Map<string, number>();
    for (const { syms, c } of seqs) for (let i = 0; i + 1 < syms.length; i++) {
      const k = syms[i] + '\u0000' + syms[i + 1];
      counts.set(k, (counts.get(k) ?? 0) + c);
    }
    let best = '';
    let bestC = 0;
    for (const [k, c] of counts) if (c > bestC || (c === bestC && k < best)) [best, bestC] = [k, c];
    if (bestC === 0) break;
    const [a, b] = best.split('\u0000') as [string, string];
    out.push([a, b]);
    seqs = seqs.map(({ syms, c }) => {
      const n: string[] = [];
      for (let i = 0; i < syms.length; ) {
        if (i + 1 < syms.length && syms[i] === a && syms[i + 1] === b) { n.push(a + b); i += 2; } else n.push(syms[i++]!);
      }
      return { syms: n, c };
    });
  }
  return out;
}

/** A synthetic language: words drawn from its own vocabulary of random syllables, Zipf-like. */
function language(seed: number, letters: string, lines: number): string {
  const rnd = mulberry32(seed);
  const vocab = Array.from({ length: 60 }, () => Array.from({ length: 2 + Math.floor(rnd() * 5) }, () => letters[Math.floor(rnd() * letters.length)]).join(''));
  const out: string[] = [];
  for (let l = 0; l < lines; l++) {
    const ws: string[] = [];
    for (let k = 0; k < 8; k++) ws.push(vocab[Math.floor(vocab.length * rnd() ** 2)]!);
    out.push(ws.join(' '));
  }
  return out.join('\n') + '\n';
}

function pieces(text: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const line of text.split(/(?<=\n)/)) for (const p of line.match(/ ?[a-z]+|\s+/g) ?? []) m.set(p, (m.get(p) ?? 0) + 1);
  return m;
}

test('toy mixture of 4 synthetic languages is recovered to 1e-4 (naive trainer)', async () => {
  const texts = [language(1, 'abcdefg', 120), language(2, 'defghij', 120), language(3, 'aeiklmn', 120), language(4, 'bcmnopq', 120)];
  const reps = [5, 3, 1, 2];
  const mixture = new Map<string, number>();
  texts.forEach((t, i) => {
    for (const [w, c] of pieces(t)) mixture.set(w, (mixture.get(w) ?? 0) + c * reps[i]!);
  });
  const merges = mergeListFromByteMerges(naiveTrain(mixture, 150));
  const bytes = texts.map((t, i) => Buffer.byteLength(t.replace(/\n/g, '')) * reps[i]!);
  const total = bytes.reduce((a, b) => a + b, 0);
  const splitter = { stages: [{ type: 'regex' as const, pattern: ' ?[a-z]+|\\s+' }] };
  const est = await inferMixture(merges, texts.map((t, i) => ({ name: `L${i}`, texts: [t] })), splitter, { threads: 0 });
  // Byte shares count bytes inside words; the regex drops nothing, but newlines are words too.
  const wordBytes = texts.map((t, i) => [...pieces(t)].reduce((s, [w, c]) => s + w.length * c, 0) * reps[i]!);
  const wTotal = wordBytes.reduce((a, b) => a + b, 0);
  est.categories.forEach((c, i) => assert.ok(Math.abs(c.byteShare - wordBytes[i]! / wTotal) < 1e-4, `${c.name}: ${c.byteShare} vs ${wordBytes[i]! / wTotal}`));
  assert.ok(total > 0);
  assert.ok(est.epochs >= 1 && est.constraints > 0);
});

test('mixture of 4 UDHR languages, tokenizer trained by the native HF trainer, recovered to 1e-4', async () => {
  const require = createRequire(import.meta.url);
  const hf = require('tokenizers');
  const langs = ['eng', 'fra', 'spa', 'rus'];
  const reps = [4, 2, 1, 3];
  const texts = langs.map((l) => readUdhrBlocks(l).join('\n') + '\n');
  const dir = mkdtempSync(join(tmpdir(), 'tokenlab-mix-test-'));
  try {
    writeFileSync(join(dir, 'train.txt'), texts.map((t, i) => t.repeat(reps[i]!)).join(''));
    const tok = new hf.Tokenizer(hf.BPE.empty());
    tok.setPreTokenizer(hf.byteLevelPreTokenizer(false, true));
    tok.train([join(dir, 'train.txt')]);
    tok.save(join(dir, 'tokenizer.json'));
    const { merges, splitter } = mergesFromTokenizerJson(JSON.parse(readFileSync(join(dir, 'tokenizer.json'), 'utf8')));
    const est = await inferMixture(merges, langs.map((l, i) => ({ name: l, texts: [texts[i]!] })), splitter, { threads: 0, maxMerges: 400 });
    const bytes = texts.map((t, i) => Buffer.byteLength(t) * reps[i]!);
    const total = bytes.reduce((a, b) => a + b, 0);
    est.categories.forEach((c, i) => assert.ok(Math.abs(c.byteShare - bytes[i]! / total) < 1e-4, `${c.name}: ${c.byteShare} vs ${bytes[i]! / total}`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
