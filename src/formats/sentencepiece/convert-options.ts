/**
 * Options of the SentencePiece -> tokenizer.json conversion, and their defaults resolved against a
 * model. Each option mirrors a knob of transformers' converters (convert_slow_tokenizer.py); the
 * table in docs/algorithms/sentencepiece.md says which converter class each value reproduces.
 */
import { TokenlabError } from '../../core/errors.js';
import type { MergeOrder } from './bpe-merges.js';
import type { PrependScheme } from './hf-components.js';
import type { SentencePieceModel } from './model.js';

/**
 * `spm`: transformers' `SpmConverter` base class (what T5, Reformer, BigBird and
 *   BertGeneration use unchanged): Precompiled charsmap + Strip(right) + Replace(/ {2,}/ -> ▁) normalizer, Metaspace
 *   pre-tokenizer and decoder.
 * `llama`: `LlamaConverter`: no charsmap, Prepend(▁) + Replace(' ' -> ▁) normalizer (legacy) or a
 *   non-splitting Metaspace pre-tokenizer (non-legacy), Replace/ByteFallback/Fuse/Strip decoder.
 * `auto`: `llama` for a model that keeps whitespace as is and has no normalization table
 *   (`remove_extra_whitespaces: false`, empty `precompiled_charsmap`: how Llama/Mistral-style models
 *   are trained), `spm` otherwise.
 */
export type ConverterFlavour = 'auto' | 'spm' | 'llama';

export interface SentencePieceConvertOptions {
  /** Which transformers converter to reproduce. Default `auto`. */
  flavour?: ConverterFlavour;
  /** Model falls back to `<0xNN>` byte pieces for unknown characters. Default: the model's `trainer_spec.byte_fallback`. */
  byteFallback?: boolean;
  /** Prepend ▁ to the input (SentencePiece's dummy prefix). Default: the model's `normalizer_spec.add_dummy_prefix`. */
  addPrefixSpace?: boolean;
  /** transformers' `legacy` flag: true prepends ▁ to every section between added tokens, false only to the first. Default true. */
  legacy?: boolean;
  /** Emit CONTROL and USER_DEFINED pieces as `added_tokens` (CONTROL ones special). Default true. */
  addedTokens?: boolean;
  /** Further pieces to mark `special: true` among the added tokens (GemmaConverter's `special_tokens`). */
  specialTokens?: string[];
  /** Add a TemplateProcessing post-processor that puts the BOS piece first. Default false (as spm_encode). */
  addBos?: boolean;
  /** Same for the EOS piece at the end. Default false. */
  addEos?: boolean;
  /**
   * BPE only: order of the derived merges (bpe-merges.ts): `score` (current transformers), `score-stable`
   * (the version that wrote Llama-2's tokenizer.json), `id` (oldest). All three encode identically. Default `score`.
   */
  mergeOrder?: MergeOrder;
  /**
   * Decode the unknown piece as spm_decode does, to `trainer_spec.unk_surface` (default ` ⁇ `), by a Replace
   * decoder in front of the chain. Not something transformers does (its decoders print the piece, `<unk>`).
   * Default false.
   */
  unkSurface?: boolean;
  /**
   * `spm` flavour: strip leading whitespace too (Strip(left: true)), as spm's remove_extra_whitespaces
   * does. transformers strips only on the right, which differs from spm when `add_dummy_prefix` is false
   * and the input starts with whitespace (it becomes a ▁). Default false (as transformers).
   */
  stripLeft?: boolean;
  /** Convert even when the model uses a setting no HF converter reproduces (see docs). Default false. */
  ignoreUnsupported?: boolean;
  /** Name of the source file, used in error messages. */
  file?: string;
}

export interface ResolvedConvertOptions {
  flavour: Exclude<ConverterFlavour, 'auto'>;
  byteFallback: boolean;
  addPrefixSpace: boolean;
  legacy: boolean;
  prependScheme: PrependScheme;
  addedTokens: boolean;
  specialTokens: ReadonlySet<string>;
  addBos: boolean;
  addEos: boolean;
  mergeOrder: MergeOrder;
  unkSurface: boolean;
  stripLeft: boolean;
  ignoreUnsupported: boolean;
  file: string | undefined;
}

export function resolveOptions(model: SentencePieceModel, o: SentencePieceConvertOptions): ResolvedConvertOptions {
  checkChoice('flavour', o.flavour, FLAVOURS);
  checkChoice('mergeOrder', o.mergeOrder, MERGE_ORDERS);
  const addPrefixSpace = o.addPrefixSpace ?? model.normalizerSpec.addDummyPrefix;
  const legacy = o.legacy ?? true;
  return {
    flavour: resolveFlavour(model, o.flavour ?? 'auto'),
    byteFallback: o.byteFallback ?? model.trainerSpec.byteFallback,
    addPrefixSpace,
    legacy,
    // transformers' _get_prepend_scheme
    prependScheme: addPrefixSpace ? (legacy ? 'always' : 'first') : 'never',
    addedTokens: o.addedTokens ?? true,
    specialTokens: new Set(o.specialTokens ?? []),
    addBos: o.addBos ?? false,
    addEos: o.addEos ?? false,
    mergeOrder: o.mergeOrder ?? 'score',
    unkSurface: o.unkSurface ?? false,
    stripLeft: o.stripLeft ?? false,
    ignoreUnsupported: o.ignoreUnsupported ?? false,
    file: o.file,
  };
}

const FLAVOURS: readonly string[] = ['auto', 'spm', 'llama'];
const MERGE_ORDERS: readonly string[] = ['score', 'score-stable', 'id'];

/** Option values arrive from JS callers and the CLI untyped: reject unknown ones by name. */
function checkChoice(name: string, value: string | undefined, allowed: readonly string[]): void {
  if (value !== undefined && !allowed.includes(value)) {
    throw new TokenlabError(`unknown value ${JSON.stringify(value)}; expected one of ${allowed.join(', ')}`, { path: `options.${name}` });
  }
}

function resolveFlavour(model: SentencePieceModel, flavour: ConverterFlavour): 'spm' | 'llama' {
  if (flavour !== 'auto') return flavour;
  const n = model.normalizerSpec;
  return !n.removeExtraWhitespaces && n.precompiledCharsmap.length === 0 ? 'llama' : 'spm';
}
