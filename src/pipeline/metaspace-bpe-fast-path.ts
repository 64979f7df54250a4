/**
 * A fast path for SentencePiece-style BPE tokenizer.json files (Gemma, Llama 2, Mistral v1):
 *
 *     normalizer: Replace(" " → "▁"), optionally after Prepend("▁")
 *     pre_tokenizer: none, or Split(" ") — a no-op once every space is "▁"
 *     model: BPE (byte fallback, unk as configured) without ignore_merges or subword affixes
 *
 * The normalized text is the input with spaces replaced (one unit for one unit) and, with Prepend, one
 * "▁" in front aligned to the first character — so offsets map back by arithmetic instead of the
 * pipeline's alignment arrays. The model merges the text in the parts it would cut anyway
 * (`HfBpeModel.partBounds`, words starting at "▁"), and each part's ids, token strings and offsets are
 * cached, so a known word costs one Map lookup. Results equal the general pipeline's field by field
 * (test/hf/fast-path.test.ts).
 */
import type { Model, Normalizer, PreTokenizer } from '../core/stages.js';
import { HfBpeModel } from '../model/bpe/hf-bpe-model.js';
import { PieceCache } from '../model/bpe/hf-piece-cache.js';
import { Prepend } from '../normalize/prepend.js';
import { Replace } from '../normalize/replace.js';
import { SequenceNormalizer } from '../normalize/sequence.js';
import { SplitPreTokenizer } from '../pretokenize/split.js';
import { emptyEncoding, type HfEncoding } from '../postprocess/index.js';
import type { AddedVocabulary } from './added-vocabulary.js';
import { pieceTokens, pushToken, type PieceTokens } from './piece-tokens.js';

const METASPACE = '\u2581';
/** Parts this long are not cached (PieceCache's own limit). */
const CACHED_PART_LENGTH = 256;

function isSpaceToMetaspace(n: Normalizer): boolean {
  return n instanceof Replace && 'String' in n.pattern && n.pattern.String === ' ' && n.content === METASPACE;
}

/** 'prepend' | 'plain' when the normalizer has the fast-path shape. */
function normalizerShape(n: Normalizer | null): 'prepend' | 'plain' | undefined {
  if (n === null) return undefined;
  if (isSpaceToMetaspace(n)) return 'plain';
  if (!(n instanceof SequenceNormalizer)) return undefined;
  const [a, b, ...rest] = n.normalizers;
  if (rest.length > 0 || a === undefined) return undefined;
  if (b === undefined) return isSpaceToMetaspace(a) ? 'plain' : undefined;
  return a instanceof Prepend && a.prepend === METASPACE && isSpaceToMetaspace(b) ? 'prepend' : undefined;
}

/** No pre-tokenizer, or a Split on " " (it finds nothing: the normalizer left no spaces). */
function preTokenizerIsIdentity(p: PreTokenizer | null): boolean {
  return p === null || (p instanceof SplitPreTokenizer && !p.invert && 'String' in p.pattern && p.pattern.String === ' ');
}

export class MetaspaceBpeFastPath {
  private readonly cache = new PieceCache<PieceTokens>();

  private constructor(private readonly model: HfBpeModel, private readonly prepend: boolean) {}

  static for(normalizer: Normalizer | null, preTokenizer: PreTokenizer | null, model: Model): MetaspaceBpeFastPath | undefined {
    const shape = normalizerShape(normalizer);
    if (shape === undefined || !preTokenizerIsIdentity(preTokenizer)) return undefined;
    if (!(model instanceof HfBpeModel) || model.ignoreMerges || model.hasSubwordAffixes) return undefined;
    return new MetaspaceBpeFastPath(model, shape === 'prepend');
  }

  /** One sequence (no truncation), as `Tokenizer.encodeSequence` returns it. */
  encode(text: string, added: AddedVocabulary, typeId: number): HfEncoding {
    const e = emptyEncoding();
    e.text = text;
    let word = 0;
    for (const [rawId, rs, re] of added.cutRaw(text)) {
      if (re === rs) continue;
      if (rawId !== null) {
        pushToken(e, rawId, text.slice(rs, re), rs, re, typeId, word++);
        continue;
      }
      const segment = rs === 0 && re === text.length ? text : text.slice(rs, re);
      // The normalized segment; unit u of it is original unit rs + u - shift (the prepended "▁" is
      // unit 0 and aligns to the first character, as do that character's own units).
      const shift = this.prepend ? 1 : 0;
      const normalized = (this.prepend ? METASPACE : '') + segment.replaceAll(' ', METASPACE);
      const firstEnd = rs + (segment.length > 1 && (segment.charCodeAt(0) & 0xfc00) === 0xd800 && (segment.charCodeAt(1) & 0xfc00) === 0xdc00 ? 2 : 1);
      // Original start of normalized unit u, and original end of the character holding unit u.
      const toStart = (u: number): number => (u <= shift ? rs : rs + u - shift);
      const toEnd = (u: number): number => (u <= shift && this.prepend ? firstEnd : rs + u - shift + 1);
      for (const [id, s, end] of added.cutNormalized(normalized)) {
        if (end === s) continue;
        if (id !== null) pushToken(e, id, normalized.slice(s, end), toStart(s), toEnd(end - 1), typeId, word++);
        else this.pushPiece(e, normalized.slice(s, end), s, toStart, toEnd, typeId, word++);
      }
    }
    return e;
  }

  /** The model's tokens of one normalized piece starting at normalized unit `at`, part by part from the cache. */
  private pushPiece(e: HfEncoding, piece: string, at: number, toStart: (u: number) => number, toEnd: (u: number) => number, typeId: number, word: number): void {
    const bounds = this.model.partBounds(piece);
    for (let k = 0; k + 1 < bounds.length; k++) {
      const ps = bounds[k]!;
      const part = bounds.length === 2 ? piece : piece.slice(ps, bounds[k + 1]!);
      const base = at + ps;
      if (part.length >= CACHED_PART_LENGTH) {
        // Too long to cache (a run without "▁"): the model's tokens go straight to the encoding.
        for (const tok of this.model.tokenizeIndependent(part)) {
          const s = base + tok.offsets[0];
          const end = base + tok.offsets[1];
          pushToken(e, tok.id, tok.value, toStart(s), end > s ? toEnd(end - 1) : toStart(s), typeId, word);
        }
        continue;
      }
      let t = this.cache.get(part);
      if (t === undefined) {
        t = pieceTokens(this.model.tokenizeIndependent(part, false));
        this.cache.set(part, t);
      }
      for (let i = 0; i < t.ids.length; i++) {
        const s = base + t.starts[i]!;
        const end = base + t.ends[i]!;
        // A token's span covers the original characters its normalized units align to.
        pushToken(e, t.ids[i]!, t.values[i]!, toStart(s), end > s ? toEnd(end - 1) : toStart(s), typeId, word);
      }
    }
  }
}
