/**
 * Stage contracts of the tokenizer pipeline (see docs/ARCHITECTURE.md):
 *
 *     text -> normalize -> pretokenize -> model -> postprocess -> ids
 *     ids  -> model pieces -> decode chain -> text
 *
 * Types only. Offsets everywhere are UTF-16 code-unit indices into the ORIGINAL input string, so
 * `text.slice(start, end)` is the span a token came from (parity tests convert the reference's
 * code-point offsets to these).
 */

/** A token produced by a model for one pre-token. `offsets` are relative to that pre-token's normalized text. */
export interface Token {
  id: number;
  value: string;
  offsets: [number, number];
}

/**
 * A string under normalization that remembers, for every UTF-16 unit of the normalized text, which
 * span of the original text it came from (HF NormalizedString, sentencepiece norm_to_orig).
 * Invariant: for any normalized range, `toOriginal` returns a range of the original input.
 */
export interface NormalizedText {
  /** Current (normalized) text. */
  readonly normalized: string;
  /** The original text this piece covers (a slice of the whole input). */
  readonly original: string;
  /** Maps a normalized range [start, end) to the original-input range it came from (absolute offsets). */
  toOriginal(start: number, end: number): [number, number];
}

/** A pre-token: a piece of normalized text, and the tokens once a model has run on it. */
export interface Split {
  readonly text: NormalizedText;
  tokens?: Token[];
}

/** The string being pre-tokenized: an ordered list of splits that tile the normalized input. */
export interface PreTokenizedText {
  readonly splits: Split[];
}

export interface Normalizer {
  readonly type: string;
  /** Normalizes in place, keeping the alignment to the original text. */
  normalize(text: NormalizedText): void;
  toJSON(): Record<string, unknown>;
}

export interface PreTokenizer {
  readonly type: string;
  /** Replaces splits by finer splits; splits that already have tokens (added tokens) are left alone. */
  preTokenize(text: PreTokenizedText): void;
  toJSON(): Record<string, unknown>;
}

export interface Model {
  readonly type: string;
  /** Tokenizes one pre-token (normalized text); token offsets are relative to `piece`. */
  tokenize(piece: string): Token[];
  tokenToId(token: string): number | undefined;
  idToToken(id: number): string | undefined;
  getVocabSize(): number;
  toJSON(): Record<string, unknown>;
}

/** The result of encoding: parallel arrays, as HF's Encoding. */
export interface Encoding {
  ids: number[];
  tokens: string[];
  /** Spans in the original input (UTF-16 units). Special tokens added by a post-processor get [0, 0]. */
  offsets: [number, number][];
  typeIds: number[];
  specialTokensMask: number[];
  attentionMask: number[];
  /** Index of the input sequence (0 or 1 for pairs) each token came from; null for added specials. */
  sequenceIds: (number | null)[];
  /** Word index of each token (which pre-token it came from); null for added specials. */
  wordIds: (number | null)[];
  overflowing: Encoding[];
}

export interface PostProcessor {
  readonly type: string;
  /** How many special tokens `process` adds for a single sequence or a pair. */
  addedTokens(isPair: boolean): number;
  process(encoding: Encoding, pair: Encoding | undefined, addSpecialTokens: boolean): Encoding;
  toJSON(): Record<string, unknown>;
}

export interface Decoder {
  readonly type: string;
  /** HF's decode_chain: maps the token strings to strings whose concatenation is the text. */
  decodeChain(tokens: string[]): string[];
  toJSON(): Record<string, unknown>;
}
