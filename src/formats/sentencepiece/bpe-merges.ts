/**
 * Derives a BPE merge list from a SentencePiece BPE vocabulary, the way transformers'
 * `generate_merges` (convert_slow_tokenizer.py, used by SentencePieceExtractor) does, so the
 * resulting tokenizer.json is the one Hugging Face would write.
 *
 * SentencePiece's BPE stores no merges: it merges, at each step, the adjacent pair whose
 * concatenation is a piece with the highest score. Listing every split `l + r` of every piece
 * where both halves are pieces, ranked by the merged piece's score, reproduces that order.
 *
 * Exact ordering, so the JSON is byte-identical to what a given transformers version writes:
 *   1. for each piece in id order, its splits at every code-point boundary where both halves are in
 *      the vocabulary, sorted by (id(l), id(r)) ascending;
 *   2. then a stable sort of the whole list:
 *      `score`        by (score of merged piece, code-point length of l, of r), all descending
 *                     (transformers' current `generate_merges` with vocab scores);
 *      `score-stable` by score of the merged piece, descending, ties keep step-1 order (the slightly
 *                     older converter that wrote e.g. Llama-2's tokenizer.json on the Hub);
 *      `id`           by id of the merged piece, ascending, ties keep step-1 order (the oldest
 *                     SentencePieceExtractor, before scores were used).
 * Python's `sorted(..., reverse=True)` is stable, so equal keys keep step-1 order; JS sort is stable too.
 * Lengths are in code points (Python `len`), not UTF-16 units.
 * The modes differ only in the order of merges that build the same piece, and two such merges can
 * never both apply to one segmentation, so all three encode identically; they differ as JSON text.
 *
 * Complexity: O(sum over pieces of code-point length) map lookups, then O(M log M) for M merges.
 */

export type MergeOrder = 'score' | 'score-stable' | 'id';

interface Candidate {
  left: string;
  right: string;
  key: number;
  leftLen: number;
  rightLen: number;
  leftId: number;
  rightId: number;
}

export function deriveBpeMerges(pieces: readonly { piece: string; score: number }[], order: MergeOrder = 'score'): [string, string][] {
  const ids = new Map<string, number>();
  pieces.forEach((p, i) => ids.set(p.piece, i));
  const all: Candidate[] = [];
  pieces.forEach((p, id) => {
    const chars = Array.from(p.piece);
    const local: Candidate[] = [];
    let left = '';
    for (let i = 1; i < chars.length; i++) {
      left += chars[i - 1];
      const right = p.piece.slice(left.length);
      const leftId = ids.get(left);
      const rightId = ids.get(right);
      if (leftId === undefined || rightId === undefined) continue;
      const key = order === 'id' ? id : p.score;
      local.push({ left, right, key, leftLen: i, rightLen: chars.length - i, leftId, rightId });
    }
    local.sort((a, b) => a.leftId - b.leftId || a.rightId - b.rightId);
    for (const c of local) all.push(c);
  });
  if (order === 'id') all.sort((a, b) => a.key - b.key);
  else if (order === 'score-stable') all.sort((a, b) => b.key - a.key);
  else all.sort((a, b) => b.key - a.key || b.leftLen - a.leftLen || b.rightLen - a.rightLen);
  return all.map((c) => [c.left, c.right]);
}
