/**
 * The typed, validated view of a SentencePiece `.model` file that the rest of tokenlab uses.
 * Field names are camelCase versions of the proto's (`trainer_spec.byte_fallback` -> `trainerSpec.byteFallback`);
 * every value already has its proto2 default applied, so no field is ever undefined.
 * See docs/algorithms/sentencepiece.md.
 */
import type { ModelTypeName, PieceTypeName } from './model-proto-schema.js';

/** One vocabulary entry; its id is its index in `SentencePieceModel.pieces`. */
export interface SentencePiece {
  /** The piece text; spaces appear as U+2581 (▁); byte pieces are `<0xNN>` with two upper-case hex digits. */
  piece: string;
  /** Log-probability for Unigram; for BPE, minus the merge order (higher merges earlier); 0 for specials. */
  score: number;
  type: PieceTypeName;
}

export interface TrainerSpec {
  modelType: ModelTypeName;
  vocabSize: number;
  modelPrefix: string;
  byteFallback: boolean;
  splitDigits: boolean;
  splitByUnicodeScript: boolean;
  splitByNumber: boolean;
  splitByWhitespace: boolean;
  treatWhitespaceAsSuffix: boolean;
  allowWhitespaceOnlyPieces: boolean;
  maxSentencepieceLength: number;
  controlSymbols: string[];
  userDefinedSymbols: string[];
  /** Reserved ids; -1 means "not used". */
  unkId: number;
  bosId: number;
  eosId: number;
  padId: number;
  unkPiece: string;
  bosPiece: string;
  eosPiece: string;
  padPiece: string;
  /** What spm's decoder prints for an unknown piece (default ` ⁇ `). */
  unkSurface: string;
}

export interface NormalizerSpec {
  /** Rule name, e.g. `nmt_nfkc`, `nfkc`, `identity`, `nmt_nfkc_cf`, `user_defined`. */
  name: string;
  /** Compiled normalization table (double-array trie + replacement blob); empty for `identity`. */
  precompiledCharsmap: Uint8Array;
  addDummyPrefix: boolean;
  removeExtraWhitespaces: boolean;
  escapeWhitespaces: boolean;
}

export interface SentencePieceModel {
  pieces: SentencePiece[];
  trainerSpec: TrainerSpec;
  normalizerSpec: NormalizerSpec;
  /** Present only when the file has one (models trained with a denormalization rule). */
  denormalizerSpec?: NormalizerSpec;
}
