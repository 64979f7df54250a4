/**
 * SuperBPE vs BPE at equal vocabulary (docs/training-benchmarks.md, "SuperBPE"): bytes per token on
 * held-out text for BPE (SuperBPE's stage-1 pre-tokenizer, trained to the full vocabulary) and for
 * SuperBPE at several transition sizes t.
 *
 *   node --import tsx bench/train/superbpe-table.ts --input <train.txt> --heldout <heldout.txt> \
 *     [--vocab 32000] [--t 3200,16000,28800] [--threads 2] [--out <dir for the tokenizer.json files>] [--check]
 *
 * Cost sharing: the corpus is counted once per stage, and BPE is greedy, so the stage-1 merges of
 * SuperBPE at t are the first t−256 merges of the BPE baseline; each t then only runs stage 2. The
 * result equals `tokenlab train --algorithm superbpe --vocab-size V --transition t` (same trainer
 * calls; `--check` asserts it for the first t by running trainSuperBpe itself).
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gatherWordCounts } from '../../src/train/counting/gather-counts.js';
import { trainBpeAsync } from '../../src/train/bpe/bpe-trainer.js';
import { bpeTokenizerJSON, byteLevelAlphabet } from '../../src/train/bpe/bpe-tokenizer-json.js';
import { superBpePreTokenizerJSON } from '../../src/train/superbpe/superbpe-pretokenizers.js';
import { superwordVeto, wordsInToken } from '../../src/train/superbpe/superword-veto.js';
import { trainSuperBpe } from '../../src/train/superbpe/train-superbpe.js';
import { Tokenizer } from '../../src/pipeline/index.js';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i++) {
  const k = process.argv[i]!.replace(/^--/, '');
  if (k === 'check') { args.set(k, '1'); continue; }
  args.set(k, process.argv[++i]!);
}
const input = args.get('input')!;
const heldout = readFileSync(args.get('heldout')!, 'utf8').split('\n').filter((l) => l.length > 0).map((l) => l + '\n');
const V = Number(args.get('vocab') ?? '32000');
const ts = (args.get('t') ?? `${V / 10},${V / 2},${(V * 9) / 10}`).split(',').map(Number);
const threads = Number(args.get('threads') ?? '2');
const outDir = args.get('out');
if (outDir !== undefined) mkdirSync(outDir, { recursive: true });
const heldBytes = heldout.reduce((s, l) => s + Buffer.byteLength(l), 0);
const alphabet = byteLevelAlphabet();
const corpus = { corpus: { inputs: [input] }, threads };
const splitter = (stage: 1 | 2) => ({ normalizer: null, preTokenizer: superBpePreTokenizerJSON(stage), specialTokens: [] as string[] });
const log = (o: Record<string, unknown>): void => console.log(JSON.stringify(o));

function evaluate(name: string, json: Record<string, unknown>, extra: Record<string, unknown>): void {
  const tok = Tokenizer.fromJSON(json);
  const t0 = performance.now();
  let n = 0;
  for (const line of heldout) n += tok.encode(line).ids.length;
  const vocab = Object.keys((json['model'] as { vocab: Record<string, number> }).vocab);
  const multi = vocab.filter((t) => wordsInToken(t) >= 2).length;
  if (outDir !== undefined) writeFileSync(join(outDir, `${name}.json`), JSON.stringify(json) + '\n');
  log({ name, vocab: vocab.length, heldoutBytes: heldBytes, tokens: n, bytesPerToken: +(heldBytes / n).toFixed(3), multiWordTokens: multi, encodeMs: Math.round(performance.now() - t0), ...extra });
}

let t0 = performance.now();
const counts1 = await gatherWordCounts(corpus, splitter(1));
log({ phase: 'count stage 1', ms: Math.round(performance.now() - t0), distinct: counts1.size });
t0 = performance.now();
const bpe = await trainBpeAsync(counts1, { vocabSize: V, initialAlphabet: alphabet });
const base = bpe.tokens.length - bpe.merges.length;
log({ phase: 'BPE', ms: Math.round(performance.now() - t0), merges: bpe.merges.length });
evaluate(`bpe-${V}`, bpeTokenizerJSON(bpe, { normalizer: null, preTokenizer: splitter(1).preTokenizer }), { t: null });
t0 = performance.now();
const counts2 = await gatherWordCounts(corpus, splitter(2));
log({ phase: 'count stage 2', ms: Math.round(performance.now() - t0), distinct: counts2.size });
for (const [i, t] of ts.entries()) {
  t0 = performance.now();
  const m = await trainBpeAsync(counts2, { vocabSize: V, initialAlphabet: alphabet, initialMerges: bpe.merges.slice(0, t - base), veto: superwordVeto() });
  const json = bpeTokenizerJSON(m, { normalizer: null, preTokenizer: splitter(2).preTokenizer });
  if (i === 0 && args.has('check')) {
    const ref = await trainSuperBpe({ input: corpus, options: { vocabSize: V }, transitionVocabSize: t });
    assert.deepEqual(m.merges, ref.model.merges, 'shared-count SuperBPE equals trainSuperBpe');
    log({ check: `t=${t}: merges equal trainSuperBpe's` });
  }
  evaluate(`superbpe-${V}-t${t}`, json, { t, stage2Ms: Math.round(performance.now() - t0), merges: m.merges.length });
}
