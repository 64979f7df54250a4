/**
 * The Hugging Face tokenizer pipeline (composition only; docs/algorithms/hf-pipeline.md):
 *
 *     text -> added tokens cut from raw text -> normalize -> added tokens cut from normalized text
 *          -> pre-tokenize -> model -> truncate -> post-process -> pad
 *     ids  -> token strings (added vocabulary first) -> decoder (or join with spaces)
 *
 * Behaves as HF's Rust `Tokenizer` (`encode_char_offsets`), except that offsets are UTF-16 units of
 * the original text (`text.slice(start, end)`), not code points. Round-trips through tokenizer.json:
 * `Tokenizer.fromJSON(t.toJSON())` has the same `toJSON()`.
 */
import { loadTokenizerFile } from './load.js';
import type { Decoder, Encoding, Model, Normalizer, PreTokenizer } from '../core/stages.js';
import type { PreTokenizedString } from '../core/pre-tokenized-string.js';
import { TokenlabError } from '../core/errors.js';
import { readTokenizerJSON, type TokenizerParts } from '../formats/hf-json/read.js';
import { writeTokenizerJSON } from '../formats/hf-json/write.js';
import { decodeTokens } from '../decode/index.js';
import {
  defaultProcess, finalizeEncoding, emptyEncoding, type BaseProcessor, type HfEncoding,
} from '../postprocess/index.js';
import { AddedVocabulary } from './added-vocabulary.js';
import type { AddedToken } from './added-token.js';
import { truncateEncodings, type TruncationParams } from './truncation.js';
import { padEncodings, type PaddingParams } from './padding.js';
import { ByteLevelFastPath } from './byte-level-fast-path.js';
import { MetaspaceBpeFastPath } from './metaspace-bpe-fast-path.js';
import { toWellFormed } from '../util/well-formed.js';

export interface EncodeOptions {
  /** Let the post-processor add its special tokens (default true). */
  addSpecialTokens?: boolean;
  /** Second sequence of a pair. */
  pair?: string;
}

export interface DecodeOptions {
  /** Leave out special added tokens (default false). */
  skipSpecialTokens?: boolean;
}

export interface TokenizerOptions {
  /**
   * Use a fast path (byte-level BPE, SentencePiece-style BPE) where the pipeline allows it (default true). It gives the same
   * encodings; turning it off is for comparing against the general path.
   */
  fastPath?: boolean;
}

export class Tokenizer {
  readonly model: Model;
  readonly normalizer: Normalizer | null;
  readonly preTokenizer: PreTokenizer | null;
  readonly postProcessor: BaseProcessor | null;
  readonly decoder: Decoder | null;
  private truncationParams: TruncationParams | null;
  private paddingParams: PaddingParams | null;
  readonly addedVocabulary = new AddedVocabulary();
  /** Same results as the general path for byte-level BPE pipelines, without its bookkeeping. */
  private readonly fastPath: ByteLevelFastPath | MetaspaceBpeFastPath | undefined;

  constructor(parts: TokenizerParts, options: TokenizerOptions = {}) {
    this.model = parts.model;
    this.normalizer = parts.normalizer;
    this.preTokenizer = parts.preTokenizer;
    this.postProcessor = parts.postProcessor;
    this.decoder = parts.decoder;
    this.truncationParams = null;
    this.paddingParams = parts.padding;
    this.setTruncation(parts.truncation);
    this.addedVocabulary.addTokens(parts.addedTokens.map((t) => t.token), this.model, this.normalizer);
    this.fastPath = options.fastPath === false
      ? undefined
      : ByteLevelFastPath.for(this.normalizer, this.preTokenizer, this.model) ?? MetaspaceBpeFastPath.for(this.normalizer, this.preTokenizer, this.model);
  }

  /** Whether encoding takes a fast path (byte-level-fast-path.ts, metaspace-bpe-fast-path.ts). */
  get usesFastPath(): boolean { return this.fastPath !== undefined; }

  static fromJSON(json: unknown, options: TokenizerOptions = {}): Tokenizer {
    return new Tokenizer(readTokenizerJSON(json), options);
  }

  /** Reads a tokenizer.json file (see `loadTokenizerFile` for friendlier I/O errors). */
  static fromFile(path: string): Tokenizer {
    return loadTokenizerFile(path);
  }

  toJSON(): Record<string, unknown> {
    return writeTokenizerJSON(this);
  }

  /** Adds tokens (HF `add_tokens` / `add_special_tokens`); returns how many were new. */
  addTokens(tokens: AddedToken[]): number {
    return this.addedVocabulary.addTokens(tokens, this.model, this.normalizer);
  }

  tokenToId(token: string): number | undefined { return this.addedVocabulary.tokenToId(token, this.model); }
  idToToken(id: number): string | undefined { return this.addedVocabulary.simpleIdToToken(id) ?? this.model.idToToken(id); }

  /** Vocabulary size (HF `get_vocab_size`): with added tokens, the number of distinct token strings. */
  getVocabSize(withAddedTokens = true): number {
    if (!withAddedTokens) return this.model.getVocabSize();
    let n = this.model.getVocabSize();
    for (const content of this.addedVocabulary.getVocab().keys()) if (this.model.tokenToId(content) === undefined) n++;
    return n;
  }

  get truncation(): TruncationParams | null { return this.truncationParams; }
  get padding(): PaddingParams | null { return this.paddingParams; }

  /** Sets (or with null, disables) truncation; rejects a stride not below the effective max length, as HF. */
  setTruncation(t: TruncationParams | null): void {
    if (t !== null) {
      const effective = t.maxLength - (this.postProcessor?.addedTokens(false) ?? 0);
      if (effective < t.stride) {
        throw new TokenlabError(`stride ${t.stride} is greater than the effective max length ${effective} (max_length ${t.maxLength} minus added special tokens)`, { path: 'truncation.stride' });
      }
    }
    this.truncationParams = t === null ? null : { ...t };
  }

  /** Sets (or with null, disables) padding. */
  setPadding(p: PaddingParams | null): void {
    this.paddingParams = p === null ? null : { ...p };
  }

  /**
   * One sequence through added tokens, normalizer, pre-tokenizer and model (HF
   * `encode_single_sequence`), as tokens of the original text.
   *
   * Early exit (HF >= 0.23, PR #1990): when this sequence may be truncated, HF stops tokenizing
   * pre-tokens once `max_length` tokens are reached — from the start for Right truncation, from the
   * end for Left. The count includes added-token pieces, but the check only runs after a pre-token
   * the model tokenized. Left truncation renumbers word ids from the first pre-token kept. This is
   * observable (the overflowing parts only hold the rest of the last pre-token), so we do the same;
   * the rule was derived from the native binding's outputs and is checked by
   * test/hf/postprocess.test.ts.
   */
  private encodeSequence(text: string, typeId: number, truncated: boolean): HfEncoding {
    if (this.fastPath !== undefined && !(truncated && this.truncation !== null)) {
      const fast = this.fastPath.encode(text, this.addedVocabulary, typeId);
      if (fast !== undefined) return fast;
    }
    const pts: PreTokenizedString = this.addedVocabulary.extractAndNormalize(this.normalizer, text);
    this.preTokenizer?.preTokenize(pts);
    const splits = pts.splits;
    const limit = truncated && this.truncation !== null ? this.truncation.maxLength : Infinity;
    const fromEnd = this.truncation?.direction === 'Left' && limit !== Infinity;
    let first = 0;
    let last = splits.length;
    let count = 0;
    for (let k = 0; k < splits.length; k++) {
      const i = fromEnd ? splits.length - 1 - k : k;
      const sp = splits[i]!;
      const byModel = sp.tokens === undefined;
      sp.tokens ??= this.model.tokenize(sp.text.normalized);
      count += sp.tokens.length;
      if (byModel && count >= limit) {
        if (fromEnd) first = i; else last = i + 1;
        break;
      }
    }
    const e = emptyEncoding();
    e.text = text;
    for (let i = first; i < last; i++) {
      const sp = splits[i]!;
      const ns = sp.text;
      for (const t of sp.tokens!) {
        const r = ns.convertOffsets(t.offsets[0], t.offsets[1]);
        e.ids.push(t.id);
        e.tokens.push(t.value);
        e.offsets.push(r === undefined ? [t.offsets[0], t.offsets[1]] : [ns.shift + r[0], ns.shift + r[1]]);
        e.typeIds.push(typeId);
        e.specialTokensMask.push(0);
        e.attentionMask.push(1);
        e.wordIds.push(i - first);
      }
    }
    return e;
  }

  /** HF `post_process`: truncate, post-process, pad. */
  private postProcess(a: HfEncoding, b: HfEncoding | undefined, addSpecialTokens: boolean): HfEncoding {
    let first = a;
    let second = b;
    if (this.truncation !== null) {
      const added = this.postProcessor?.addedTokens(b !== undefined) ?? 0;
      const params = addSpecialTokens && added > 0 ? { ...this.truncation, maxLength: this.truncation.maxLength - added } : this.truncation;
      [first, second] = truncateEncodings(first, second, params);
    }
    const out = this.postProcessor !== null
      ? this.postProcessor.process(first, second, addSpecialTokens, this.truncation === null)
      : defaultProcess(first, second);
    if (this.padding !== null) padEncodings([out], this.padding);
    return out;
  }

  private encodeHf(text: string, o: EncodeOptions): HfEncoding {
    const strategy = this.truncation?.strategy;
    const a = this.encodeSequence(toWellFormed(text), 0, strategy !== 'OnlySecond');
    const b = o.pair === undefined ? undefined : this.encodeSequence(toWellFormed(o.pair), 1, strategy !== 'OnlyFirst');
    return this.postProcess(a, b, o.addSpecialTokens ?? true);
  }

  encode(text: string, options: EncodeOptions = {}): Encoding {
    return finalizeEncoding(this.encodeHf(text, options));
  }

  /** Encodes each input (a string or a [first, second] pair), then pads the batch together. */
  encodeBatch(inputs: (string | [string, string])[], options: { addSpecialTokens?: boolean } = {}): Encoding[] {
    const encs = inputs.map((x) => (typeof x === 'string'
      ? this.encodeHf(x, options)
      : this.encodeHf(x[0], { ...options, pair: x[1] })));
    if (this.padding !== null) padEncodings(encs, this.padding);
    return encs.map(finalizeEncoding);
  }

  decode(ids: readonly number[], options: DecodeOptions = {}): string {
    const skip = options.skipSpecialTokens ?? false;
    const tokens: string[] = [];
    for (const id of ids) {
      const t = this.idToToken(id);
      if (t === undefined) continue;
      if (skip && this.addedVocabulary.isSpecial(t)) continue;
      tokens.push(t);
    }
    return this.decoder !== null ? decodeTokens(this.decoder, tokens) : tokens.join(' ');
  }

  decodeBatch(batch: readonly (readonly number[])[], options: DecodeOptions = {}): string[] {
    return batch.map((ids) => this.decode(ids, options));
  }
}
