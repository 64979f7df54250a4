/**
 * A tiktoken encoding's merge list, derived from its ranks. tiktoken ships ranks, not merges; its
 * encoder repeatedly merges the adjacent pair whose concatenation has the lowest rank. So the merge
 * that creates token r is the last step of BPE on r's own bytes: run rank-BPE on the bytes of r while
 * allowing only merges of rank < r; the two parts left are r's canonical split (the one BPE itself
 * would have made — the same rule as the tiktoken→HF converters, e.g. transformers'
 * `convert_tiktoken`/xenova's gist: `bpe(ranks, token, max_rank=rank)` must give two parts).
 * Merges are listed in rank order (lower rank = learned earlier). A multi-byte token the rule leaves
 * in more than two parts cannot be produced by its own encoder's merges; it is skipped and reported,
 * and so is a token whose canonical split uses such an unreachable token.
 * Complexity: O(L²) look-ups per token of L bytes (tokens are short), O(vocab) overall.
 */
import type { ByteVocab } from '../../model/bpe/byte-vocab.js';
import { binaryString, mergeListFromByteMerges, type MergeList } from './merge-list.js';

export interface RankMerges {
  merges: MergeList;
  /** Rank of each merge's token (merge t makes token tokenRank[t]). */
  tokenRank: Int32Array;
  /** Multi-byte ranks with no two-part split (skipped). */
  unreachable: number[];
}

/** Split of `bytes` (the token of rank `rank`) by rank-BPE limited to ranks < rank; part boundaries. */
export function canonicalSplit(vocab: ByteVocab, bytes: Uint8Array, rank: number): number[] {
  const bounds: number[] = [];
  for (let i = 0; i <= bytes.length; i++) bounds.push(i);
  for (;;) {
    let best = -1;
    let bestRank = rank;
    for (let k = 0; k + 2 < bounds.length; k++) {
      const r = vocab.lookup(bytes, bounds[k]!, bounds[k + 2]!);
      if (r >= 0 && r < bestRank) {
        bestRank = r;
        best = k;
      }
    }
    if (best < 0) return bounds;
    bounds.splice(best + 1, 1);
  }
}

export function mergesFromRanks(vocab: ByteVocab): RankMerges {
  const pairs: [string, string][] = [];
  const ranks: number[] = [];
  const unreachable: number[] = [];
  const made = new Set<string>();
  for (let b = 0; b < 256; b++) made.add(String.fromCharCode(b));
  for (let r = 0; r < vocab.size; r++) {
    const bytes = vocab.tokenBytes(r);
    if (bytes.length < 2) continue;
    const b = canonicalSplit(vocab, bytes, r);
    const left = b.length === 3 ? binaryString(bytes.subarray(0, b[1]!)) : '';
    const right = b.length === 3 ? binaryString(bytes.subarray(b[1]!)) : '';
    // A part that is itself unreachable is never produced by encoding, so neither is this token.
    if (b.length !== 3 || !made.has(left) || !made.has(right)) {
      unreachable.push(r);
      continue;
    }
    made.add(left + right);
    pairs.push([left, right]);
    ranks.push(r);
  }
  return { merges: mergeListFromByteMerges(pairs, (t) => `rank ${ranks[t]}`), tokenRank: Int32Array.from(ranks), unreachable };
}
