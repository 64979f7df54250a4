/**
 * A fast path for the most common tokenizer.json shape — byte-level BPE (Llama 3, Qwen 2/3, gpt-oss,
 * DeepSeek V3, GPT-2-style files tokenlab trains):
 *
 *     normalizer: none, an empty Sequence, or NFC on text that is already NFC
 *     pre_tokenizer: Split(pattern, Isolated)* then ByteLevel(add_prefix_space: false)
 *     model: BPE without continuing_subword_prefix / end_of_word_suffix
 *
 * Here the pipeline's NormalizedString bookkeeping is pure overhead: every normalized char aligns to
 * exactly one original char. So this path scans pieces straight off the input, and caches, per piece
 * string, the model's ids, token strings and offsets relative to the piece (a word seen before costs
 * one Map lookup). It yields exactly what the general pipeline yields (test/hf/fast-path.test.ts
 * checks every field against it); anything outside this shape takes the general path.
 */
import type { Model, Normalizer, PreTokenizer } from '../core/stages.js';
import type { Pattern } from '../core/normalized-string.js';
import { HfBpeModel } from '../model/bpe/hf-bpe-model.js';
import { PieceCache } from '../model/bpe/hf-piece-cache.js';
import { UnicodeNormalizer } from '../normalize/unicode-normalizer.js';
import { SequenceNormalizer } from '../normalize/sequence.js';
import { SequencePreTokenizer } from '../pretokenize/sequence.js';
import { SplitPreTokenizer } from '../pretokenize/split.js';
import { ByteLevelPreTokenizer, gpt2Pattern } from '../pretokenize/byte-level.js';
import { ScannerPattern } from '../pretokenize/scanner-pattern.js';
import { BYTE_TO_CHAR } from '../pretokenize/byte-level-alphabet.js';
import { emptyEncoding, type HfEncoding } from '../postprocess/index.js';
import type { AddedVocabulary } from './added-vocabulary.js';
import { pieceTokens, pushToken, type PieceTokens } from './piece-tokens.js';


/** Is the text certainly NFC? Below U+0300 nothing composes or decomposes (Latin-1 is all NFC). */
function isNfc(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x300) return s.normalize('NFC') === s;
  return true;
}

/** How the normalizer treats the text: 'identity' always, or only when the text is NFC. */
function normalizerMode(n: Normalizer | null): 'identity' | 'nfc' | undefined {
  if (n === null) return 'identity';
  if (n instanceof SequenceNormalizer && n.normalizers.length === 0) return 'identity';
  if (n instanceof UnicodeNormalizer && n.type === 'NFC') return 'nfc';
  return undefined;
}

/** The Isolated split patterns, in order, when the pre-tokenizer has the fast-path shape. */
function splitPatterns(p: PreTokenizer | null): Pattern[] | undefined {
  const list = p instanceof SequencePreTokenizer ? p.pretokenizers : p === null ? [] : [p];
  const last = list[list.length - 1];
  if (!(last instanceof ByteLevelPreTokenizer) || last.addPrefixSpace) return undefined;
  const patterns: Pattern[] = [];
  for (const q of list.slice(0, -1)) {
    if (!(q instanceof SplitPreTokenizer) || q.behavior !== 'Isolated' || q.invert) return undefined;
    patterns.push(q.compiled);
  }
  if (last.useRegex) patterns.push(gpt2Pattern());
  return patterns;
}

export class ByteLevelFastPath {
  private readonly cache = new PieceCache<PieceTokens>();

  private constructor(
    private readonly model: HfBpeModel,
    private readonly nfcOnly: boolean,
    private readonly patterns: Pattern[],
  ) {}

  /** The fast path for this pipeline, or undefined when it does not have the shape above. */
  static for(normalizer: Normalizer | null, preTokenizer: PreTokenizer | null, model: Model): ByteLevelFastPath | undefined {
    const mode = normalizerMode(normalizer);
    const patterns = splitPatterns(preTokenizer);
    if (mode === undefined || patterns === undefined || patterns.length === 0) return undefined;
    if (!(model instanceof HfBpeModel) || model.hasSubwordAffixes) return undefined;
    return new ByteLevelFastPath(model, mode === 'nfc', patterns);
  }

  /**
   * One sequence (no truncation), as `Tokenizer.encodeSequence` returns it; undefined when this
   * text needs the general path (NFC normalizer and the text is not NFC). The text is well-formed
   * UTF-16: the Tokenizer has already replaced lone surrogates with U+FFFD.
   */
  encode(text: string, added: AddedVocabulary, typeId: number): HfEncoding | undefined {
    const e = emptyEncoding();
    e.text = text;
    let word = 0;
    for (const [rawId, rs, re] of added.cutRaw(text)) {
      if (rawId !== null) {
        pushToken(e, rawId, text.slice(rs, re), rs, re, typeId, word++);
        continue;
      }
      const segment = rs === 0 && re === text.length ? text : text.slice(rs, re);
      if (this.nfcOnly && !isNfc(segment)) return undefined;
      for (const [id, s, end] of added.cutNormalized(segment)) {
        if (id !== null) pushToken(e, id, text.slice(rs + s, rs + end), rs + s, rs + end, typeId, word++);
        else if (end > s) word = this.pushPieces(e, text, rs + s, rs + end, 0, typeId, word);
      }
    }
    return e;
  }

  /** Splits text[from, to) with patterns[level..] (Isolated) and encodes the pieces; returns the next word id. */
  private pushPieces(e: HfEncoding, text: string, from: number, to: number, level: number, typeId: number, word: number): number {
    const pattern = this.patterns[level]!;
    const last = level === this.patterns.length - 1;
    const sub = from === 0 && to === text.length ? text : text.slice(from, to);
    if (last && pattern instanceof ScannerPattern) {
      for (let pos = 0; pos < sub.length;) {
        const end = pattern.scan(sub, pos);
        this.pushPiece(e, sub, pos, end, from, typeId, word++);
        pos = end;
      }
      return word;
    }
    for (const [s, end] of pattern.findMatches(sub)) {
      if (end === s) continue;
      if (last) this.pushPiece(e, sub, s, end, from, typeId, word++);
      else word = this.pushPieces(e, text, from + s, from + end, level + 1, typeId, word);
    }
    return word;
  }

  private pushPiece(e: HfEncoding, sub: string, s: number, end: number, shift: number, typeId: number, word: number): void {
    const piece = sub.slice(s, end);
    let t = this.cache.get(piece);
    if (t === undefined) {
      t = this.tokenizePiece(piece);
      this.cache.set(piece, t);
    }
    const base = shift + s;
    for (let i = 0; i < t.ids.length; i++) pushToken(e, t.ids[i]!, t.values[i]!, base + t.starts[i]!, base + t.ends[i]!, typeId, word);
  }

  /** The model's tokens for one piece, offsets mapped from byte-level chars back to the piece's units. */
  private tokenizePiece(piece: string): PieceTokens {
    let bl = '';
    const unitStart: number[] = [];
    const unitEnd: number[] = [];
    const byte = (b: number, u0: number, u1: number) => { bl += BYTE_TO_CHAR[b]!; unitStart.push(u0); unitEnd.push(u1); };
    for (let i = 0; i < piece.length; i++) {
      const u0 = i;
      let cp = piece.charCodeAt(i);
      if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < piece.length && (piece.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (piece.charCodeAt(i + 1) - 0xdc00);
        i++;
      }
      const u1 = i + 1;
      if (cp < 0x80) byte(cp, u0, u1);
      else if (cp < 0x800) { byte(0xc0 | (cp >> 6), u0, u1); byte(0x80 | (cp & 0x3f), u0, u1); }
      else if (cp < 0x10000) { byte(0xe0 | (cp >> 12), u0, u1); byte(0x80 | ((cp >> 6) & 0x3f), u0, u1); byte(0x80 | (cp & 0x3f), u0, u1); }
      else {
        byte(0xf0 | (cp >> 18), u0, u1); byte(0x80 | ((cp >> 12) & 0x3f), u0, u1);
        byte(0x80 | ((cp >> 6) & 0x3f), u0, u1); byte(0x80 | (cp & 0x3f), u0, u1);
      }
    }
    // Cached here, per original piece. A token's span covers every original char its bytes touch
    // (HF's alignments).
    return pieceTokens(this.model.tokenize(bl, false), (b0, b1) => {
      const at = unitStart[b0] ?? piece.length;
      return b1 > b0 ? [unitStart[b0]!, unitEnd[b1 - 1]!] : [at, at];
    });
  }
}
