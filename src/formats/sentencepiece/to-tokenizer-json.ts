/**
 * Converts a SentencePiece model into a Hugging Face tokenizer.json object, reproducing transformers'
 * convert_slow_tokenizer.py (SpmConverter / LlamaConverter; see convert-options.ts for flavours).
 *
 *   Unigram -> `Unigram { vocab: [[piece, score]...], unk_id, byte_fallback }`
 *   BPE     -> `BPE { vocab: {piece: id}, merges derived from the vocab (bpe-merges.ts),
 *               unk_token, fuse_unk: true, byte_fallback }`
 *   CONTROL and USER_DEFINED pieces -> `added_tokens` (normalized: false; CONTROL ones special)
 *
 * Settings that no transformers converter reproduces are rejected with a TokenlabError naming the
 * proto field (unless `ignoreUnsupported`): WORD/CHAR models, `treat_whitespace_as_suffix`,
 * `escape_whitespaces = false`. Spec: docs/algorithms/sentencepiece.md.
 */
import { TokenlabError } from '../../core/errors.js';
import { deriveBpeMerges } from './bpe-merges.js';
import { resolveOptions, type ResolvedConvertOptions, type SentencePieceConvertOptions } from './convert-options.js';
import { flavourStages } from './flavour-stages.js';
import { setOwn, templateProcessing } from './hf-components.js';
import type { SentencePieceModel } from './model.js';
import { readSentencePieceModel } from './read-model.js';
import type { AddedTokenJSON, BpeModelJSON, Component, TokenizerJSON, UnigramModelJSON } from './tokenizer-json-shape.js';

/** Parses `.model` bytes and converts them; errors name `options.file` when given. */
export function sentencePieceToTokenizerJSON(bytes: Uint8Array, options: SentencePieceConvertOptions = {}): TokenizerJSON {
  return modelToTokenizerJSON(readSentencePieceModel(bytes, { file: options.file }), options);
}

export function modelToTokenizerJSON(model: SentencePieceModel, options: SentencePieceConvertOptions = {}): TokenizerJSON {
  const o = resolveOptions(model, options);
  checkSupported(model, o);
  const stages = flavourStages(model, o);
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: o.addedTokens ? addedTokens(model, o) : [],
    normalizer: stages.normalizer,
    pre_tokenizer: stages.pre_tokenizer,
    post_processor: postProcessor(model, o),
    decoder: stages.decoder,
    model: model.trainerSpec.modelType === 'BPE' ? bpeModel(model, o) : unigramModel(model, o),
  };
}

function checkSupported(model: SentencePieceModel, o: ResolvedConvertOptions): void {
  const t = model.trainerSpec;
  if (t.modelType !== 'UNIGRAM' && t.modelType !== 'BPE') {
    throw new TokenlabError(`model_type ${t.modelType} has no tokenizer.json equivalent (only UNIGRAM and BPE convert)`, {
      file: o.file, path: 'trainer_spec.model_type',
    });
  }
  if (o.ignoreUnsupported) return;
  const unsupported = (path: string, why: string) =>
    new TokenlabError(`${why}; no Hugging Face converter reproduces this (pass ignoreUnsupported to convert anyway)`, { file: o.file, path });
  if (t.treatWhitespaceAsSuffix) throw unsupported('trainer_spec.treat_whitespace_as_suffix', 'is true (▁ goes after words)');
  if (!model.normalizerSpec.escapeWhitespaces) throw unsupported('normalizer_spec.escape_whitespaces', 'is false (spaces are kept as spaces)');
}

function unigramModel(model: SentencePieceModel, o: ResolvedConvertOptions): UnigramModelJSON {
  return {
    type: 'Unigram',
    unk_id: model.trainerSpec.unkId,
    vocab: model.pieces.map((p) => [p.piece, p.score]),
    byte_fallback: o.byteFallback,
  };
}

function bpeModel(model: SentencePieceModel, o: ResolvedConvertOptions): BpeModelJSON {
  const vocab: { [piece: string]: number } = {};
  model.pieces.forEach((p, i) => setOwn(vocab, p.piece, i));
  return {
    type: 'BPE',
    dropout: null,
    // transformers passes trainer_spec.unk_piece; the reader guarantees pieces[unk_id] is the UNKNOWN piece,
    // and using its text keeps the tokenizer loadable when a file's unk_piece field disagrees.
    unk_token: model.pieces[model.trainerSpec.unkId]?.piece ?? model.trainerSpec.unkPiece,
    continuing_subword_prefix: null,
    end_of_word_suffix: null,
    fuse_unk: true,
    byte_fallback: o.byteFallback,
    ignore_merges: false,
    vocab,
    merges: deriveBpeMerges(model.pieces, o.mergeOrder),
  };
}

function addedTokens(model: SentencePieceModel, o: ResolvedConvertOptions): AddedTokenJSON[] {
  const out: AddedTokenJSON[] = [];
  model.pieces.forEach((p, id) => {
    if (p.type !== 'CONTROL' && p.type !== 'USER_DEFINED') return;
    out.push({
      id, content: p.piece, single_word: false, lstrip: false, rstrip: false, normalized: false,
      special: p.type === 'CONTROL' || o.specialTokens.has(p.piece),
    });
  });
  return out;
}

function postProcessor(model: SentencePieceModel, o: ResolvedConvertOptions): Component | null {
  if (!o.addBos && !o.addEos) return null;
  const t = model.trainerSpec;
  const special = (want: boolean, id: number, field: string) => {
    if (!want) return null;
    const piece = model.pieces[id];
    if (piece === undefined) throw new TokenlabError(`id ${id} is not a piece, so it cannot be added`, { file: o.file, path: `trainer_spec.${field}` });
    return { token: piece.piece, id };
  };
  return templateProcessing(special(o.addBos, t.bosId, 'bos_id'), special(o.addEos, t.eosId, 'eos_id'));
}
