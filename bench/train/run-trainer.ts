/**
 * One benchmark run in a fresh process (so peak RSS is this trainer's alone): trains byte-level BPE
 * on `--input` files with either tokenlab or the native HF binding and prints one JSON line
 * {impl, ms, countMs, trainMs, maxRssMB, merges, mergesSha}.
 * Settings are those the native binding's `train(files)` uses (vocab 30000 unless capped by the
 * corpus, min_frequency 0, no initial alphabet, GPT-2 ByteLevel pre-tokenizer), with tokenlab in
 * hfCompat mode, so both must produce the same merges (compared through the hash).
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listCorpusFiles } from '../../src/train/counting/corpus-reader.js';
import { countCorpusWords } from '../../src/train/counting/parallel-count.js';
import { trainBpe } from '../../src/train/bpe/bpe-trainer.js';
import { bpeTokenizerJSON, byteLevelPreTokenizerJSON } from '../../src/train/bpe/bpe-tokenizer-json.js';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1]!);
const impl = args.get('impl') ?? 'tokenlab';
const inputs = (args.get('input') ?? '').split(',');
const threadsArg = args.get('threads') ?? 'auto';
const threads = threadsArg === 'auto' ? undefined : Number(threadsArg);
const files = listCorpusFiles({ inputs }).map((f) => f.path);
const preset = (args.get('preset') ?? 'gpt2') as 'gpt2' | 'llama3';
const pre = byteLevelPreTokenizerJSON(preset);
const outPath = args.get('out');
const algo = args.get('algo') ?? 'bpe';
const sha = (m: unknown): string => createHash('sha256').update(JSON.stringify(m)).digest('hex').slice(0, 16);

const t0 = performance.now();
let merges: [string, string][];
let countMs = 0;
let stats: unknown = null;
if (impl === 'hf') {
  const require = createRequire(import.meta.url);
  const hf = require('tokenizers') as { Tokenizer: { fromString(s: string): { train(f: string[]): void; save(p: string): void } } };
  const empty = { version: '1.0', truncation: null, padding: null, added_tokens: [], normalizer: null, pre_tokenizer: pre, post_processor: null, decoder: null,
    model: { type: 'BPE', dropout: null, unk_token: null, continuing_subword_prefix: null, end_of_word_suffix: null, fuse_unk: false, byte_fallback: false, ignore_merges: false, vocab: {}, merges: [] } };
  // --algo unigram: the binding's default UnigramTrainer (vocab 8000, NFKC + Metaspace, as HF's
  // SentencePieceUnigramTokenizer and tokenlab's unigram trainer use); no merges.
  const unigram = { ...empty, normalizer: { type: 'NFKC' }, pre_tokenizer: { type: 'Metaspace', replacement: '▁', prepend_scheme: 'always', split: true },
    decoder: { type: 'Metaspace', replacement: '▁', prepend_scheme: 'always', split: true }, model: { type: 'Unigram', unk_id: null, vocab: [], byte_fallback: false } };
  const tok = hf.Tokenizer.fromString(JSON.stringify(algo === 'unigram' ? unigram : empty));
  tok.train(files);
  const out = outPath ?? join(mkdtempSync(join(tmpdir(), 'tl-bench-')), 'hf.json');
  tok.save(out);
  merges = (JSON.parse(readFileSync(out, 'utf8')) as { model: { merges?: [string, string][] } }).model.merges ?? [];
} else {
  const counts = await countCorpusWords({ inputs: files }, { preTokenizer: pre }, { threads });
  countMs = performance.now() - t0;
  const m = trainBpe(counts, { vocabSize: 30000, hfCompat: true });
  merges = m.merges;
  stats = m.stats;
  if (outPath !== undefined) writeFileSync(outPath, JSON.stringify(bpeTokenizerJSON(m, { preTokenizer: pre })) + '\n');
}
const ms = performance.now() - t0;
process.stdout.write(JSON.stringify({
  impl, preset, threads: impl === 'hf' ? 'rayon (all cores)' : threadsArg, ms: Math.round(ms), countMs: Math.round(countMs), trainMs: impl === 'hf' ? null : Math.round(ms - countMs),
  maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024), merges: merges.length, mergesSha: sha(merges), stats,
}) + '\n');
