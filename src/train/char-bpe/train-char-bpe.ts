/**
 * Character-level BPE as in the KL3M char tokenizers (spec §3.2; docs/algorithms/char-bpe.md):
 * byte-level BPE whose tokens are at most `maxChars` byte-level chars (3 for KL3M 4k/8k, 4 for 16k).
 * KL3M passes `max_token_length = max_chars + 1` to HF to get this under HF's strict `<`; our fixed
 * mode means "at most maxTokenLength" directly, with exact counts.
 * Default normalizer NFKC (KL3M's). `padToPowerOfTwo` adds whitespace runs (`"  "`, `"\n\n"`,
 * `"   "`, … alternating, skipping any already present) as non-special added tokens until the
 * vocabulary size is a power of two, as KL3M's `pad2` does.
 * Deliberate difference: KL3M's initial alphabet is raw `chr(0..254)` (dead entries for the
 * non-identity chars); we use the 256 byte-level chars.
 */
import { TokenlabError } from '../../core/errors.js';
import { trainByteLevelBpe, type ByteLevelBpeJob, type TrainedTokenizer } from '../bpe/train-byte-level-bpe.js';
import type { TrainControl } from '../trainer.js';

export interface CharBpeJob extends Omit<ByteLevelBpeJob, 'byteAlphabet'> {
  /** Longest token in byte-level chars (default 3). */
  maxChars?: number;
  padToPowerOfTwo?: boolean;
}

/** Whitespace runs KL3M pads with: two spaces, two newlines, three spaces, three newlines, … */
export function* whitespacePadding(): Generator<string> {
  for (let n = 2; ; n++) {
    yield ' '.repeat(n);
    yield '\n'.repeat(n);
  }
}

export async function trainCharBpe(job: CharBpeJob, control: TrainControl = {}): Promise<TrainedTokenizer> {
  const maxChars = job.maxChars ?? job.options.maxTokenLength ?? 3;
  if (!Number.isSafeInteger(maxChars) || maxChars < 1) throw new TokenlabError(`char-bpe: maximum token length must be an integer >= 1 (got ${maxChars})`);
  const r = await trainByteLevelBpe({
    ...job,
    normalizer: job.normalizer === undefined ? { type: 'NFKC' } : job.normalizer,
    options: { ...job.options, maxTokenLength: maxChars, hfCompat: false },
  }, control);
  if (job.padToPowerOfTwo) pad(r);
  return r;
}

function pad(r: TrainedTokenizer): void {
  const vocab = r.tokenizer['model'] as { vocab: Record<string, number> };
  const added = r.tokenizer['added_tokens'] as { id: number; content: string }[];
  const have = new Set([...Object.keys(vocab.vocab), ...added.map((t) => t.content)]);
  let size = r.model.tokens.length;
  let target = 1;
  while (target < size) target *= 2;
  let id = size;
  for (const ws of whitespacePadding()) {
    if (size >= target) break;
    if (have.has(ws)) continue;
    added.push({ id: id++, content: ws, single_word: false, lstrip: false, rstrip: false, normalized: false, special: false } as never);
    size++;
  }
}
