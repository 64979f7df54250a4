/**
 * The worker's answer for one tokenizer and one text, in transferable typed arrays: token i has id
 * `ids[i]` and covers `text.slice(starts[i], ends[i])` (UTF-16 offsets into the original text; an empty
 * span for tokens the post-processor added, such as BOS); `special[i]` is 1 for special tokens.
 * `pieces` holds the tokenizer's own token strings where it has them (tokenizer.json: `Ġhello`, `▁the`).
 */
export interface TokenRun {
  ids: Int32Array;
  starts: Uint32Array;
  ends: Uint32Array;
  special: Uint8Array;
  pieces: string[] | null;
}

export function emptyRun(): TokenRun {
  return { ids: new Int32Array(0), starts: new Uint32Array(0), ends: new Uint32Array(0), special: new Uint8Array(0), pieces: null };
}
