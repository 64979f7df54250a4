/**
 * The normalizer, pre-tokenizer and decoder each transformers converter flavour writes for a
 * SentencePiece model (convert_slow_tokenizer.py: `SpmConverter.normalizer/pre_tokenizer/decoder`
 * and `LlamaConverter`'s overrides). Only the stage objects; the model and added tokens are built in
 * to-tokenizer-json.ts. See docs/algorithms/sentencepiece.md for the side-by-side table.
 */
import type { ResolvedConvertOptions } from './convert-options.js';
import {
  byteFallbackDecoder, decoderSequence, fuseDecoder, metaspace, normalizerSequence, precompiled, prepend,
  replaceRegex, replaceString, SPIECE_UNDERLINE, stripDecoder, stripNormalizer,
} from './hf-components.js';
import type { SentencePieceModel } from './model.js';
import type { Component } from './tokenizer-json-shape.js';

export interface Stages {
  normalizer: Component | null;
  pre_tokenizer: Component | null;
  decoder: Component | null;
}

export function flavourStages(model: SentencePieceModel, o: ResolvedConvertOptions): Stages {
  const stages = o.flavour === 'llama' ? llamaStages(o) : spmStages(model, o);
  if (o.unkSurface && stages.decoder !== null) {
    // spm_decode prints unk_surface for the unknown piece. HF's Replace decoder rewrites inside each token;
    // only the unknown piece itself contains its text in any real vocabulary.
    const unk = model.pieces[model.trainerSpec.unkId]?.piece ?? model.trainerSpec.unkPiece;
    const surface = replaceString(unk, model.trainerSpec.unkSurface);
    const rest = stages.decoder.type === 'Sequence' ? (stages.decoder.decoders as Component[]) : [stages.decoder];
    stages.decoder = decoderSequence([surface, ...rest]);
  }
  return stages;
}

/**
 * SpmConverter: Precompiled (when the model has a charsmap), then Strip(right) and Replace(/ {2,}/, ▁),
 * which together stand in for spm's remove_extra_whitespaces; Metaspace splits on ▁ and prepends it.
 * With byte fallback on, the decoder is the Replace/ByteFallback/Fuse/Strip chain that every
 * transformers converter with `handle_byte_fallback = True` uses (the base class never turns byte
 * fallback on, so its plain Metaspace decoder would print `<0xNN>` literally).
 */
function spmStages(model: SentencePieceModel, o: ResolvedConvertOptions): Stages {
  const charsmap = model.normalizerSpec.precompiledCharsmap;
  const normalizers = [stripNormalizer(o.stripLeft, true), replaceRegex(' {2,}', SPIECE_UNDERLINE)];
  if (charsmap.length > 0) normalizers.unshift(precompiled(charsmap));
  return {
    normalizer: normalizerSequence(normalizers),
    pre_tokenizer: metaspace(o.prependScheme, true),
    decoder: o.byteFallback ? byteFallbackDecoderChain(o.addPrefixSpace) : metaspace(o.prependScheme, true),
  };
}

/**
 * LlamaConverter: legacy = Prepend(▁) (when adding a prefix space) + Replace(' ', ▁) as the normalizer
 * and no pre-tokenizer; non-legacy = no normalizer and a Metaspace that prepends only to the first
 * section and does not split. The charsmap is ignored, as Llama models are trained with `identity`.
 */
function llamaStages(o: ResolvedConvertOptions): Stages {
  const decoder = byteFallbackDecoderChain(o.addPrefixSpace);
  if (o.legacy) {
    const normalizers = o.addPrefixSpace ? [prepend(SPIECE_UNDERLINE)] : [];
    normalizers.push(replaceString(' ', SPIECE_UNDERLINE));
    return { normalizer: normalizerSequence(normalizers), pre_tokenizer: null, decoder };
  }
  return { normalizer: null, pre_tokenizer: metaspace(o.prependScheme, false), decoder };
}

function byteFallbackDecoderChain(addPrefixSpace: boolean): Component {
  const chain = [replaceString(SPIECE_UNDERLINE, ' '), byteFallbackDecoder(), fuseDecoder()];
  if (addPrefixSpace) chain.push(stripDecoder(' ', 1, 0));
  return decoderSequence(chain);
}
