/**
 * Options of the BPE trainer (HF `BpeTrainer` fields in camelCase, plus tokenlab's own), with
 * validation that names the offending option. Defaults are HF's (spec §1.1 "Defaults").
 */
import { TokenlabError } from '../../core/errors.js';

/** A candidate merge offered to a veto hook. */
export interface MergeCandidate {
  left: string;
  right: string;
  /** The token the merge would create (`left + right` without the continuing-subword prefix). */
  merged: string;
  count: number;
}

export interface BpeTrainerOptions {
  /** Target vocabulary size, special tokens included (HF default 30000). */
  vocabSize: number;
  /** Training stops at the first best pair with a lower count (HF: stops, does not skip). Default 0. */
  minFrequency?: number;
  /** Get ids 0..k-1 in order (duplicates skipped) and count toward `vocabSize`. */
  specialTokens?: string[];
  /** Keep at most this many alphabet chars (the most frequent; `initialAlphabet` chars always win). */
  limitAlphabet?: number;
  /** Chars always in the alphabet (e.g. the 256 byte-level chars, so every text is encodable). */
  initialAlphabet?: string[];
  continuingSubwordPrefix?: string;
  endOfWordSuffix?: string;
  /**
   * Longest token, in chars of the pre-tokenized word (bytes after ByteLevel).
   * Fixed mode: tokens are at most `maxTokenLength` chars. hfCompat: HF's strict `<` on newly formed
   * pairs (tokens at most `maxTokenLength − 1`, except 2-char tokens, which are always allowed).
   */
  maxTokenLength?: number;
  /** Reproduce HF's trainer merge for merge (see docs/algorithms/bpe-training.md §hfCompat). */
  hfCompat?: boolean;
  /** Merges replayed first, in order, whatever their counts (resume / SuperBPE stage 2). */
  initialMerges?: [string, string][];
  /** Return true to reject a candidate; a rejected pair is dropped for good (never re-queued). */
  veto?: (c: MergeCandidate) => boolean;
}

export function validateBpeOptions(o: BpeTrainerOptions): void {
  const int = (name: keyof BpeTrainerOptions, v: unknown, min: number): void => {
    if (v === undefined) return;
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min) {
      throw new TokenlabError(`option ${name} must be an integer >= ${min} (got ${String(v)})`);
    }
  };
  int('vocabSize', o.vocabSize, 1);
  int('minFrequency', o.minFrequency, 0);
  int('limitAlphabet', o.limitAlphabet, 0);
  int('maxTokenLength', o.maxTokenLength, 1);
  for (const c of o.initialAlphabet ?? []) {
    if ([...c].length !== 1) throw new TokenlabError(`option initialAlphabet: ${JSON.stringify(c)} is not a single character`);
  }
  (o.initialMerges ?? []).forEach((m, i) => {
    if (!Array.isArray(m) || m.length !== 2 || typeof m[0] !== 'string' || typeof m[1] !== 'string' || m[0] === '' || m[1] === '') {
      throw new TokenlabError(`initialMerges[${i}] must be a pair of non-empty strings`);
    }
  });
}
