/**
 * The morphology-aware hybrid tokenizer ("Tokens with Meaning", spec §5): a HybridVocab plus its
 * language's rules. Saved as its own JSON (`type: "MorphHybrid"`): shared allomorph ids and the
 * context-dependent decoding have no tokenizer.json equivalent.
 *
 * File layout: ids 0–6 `special_tokens`; then `roots[i]` (an allomorph set, canonical first) is id
 * 7 + i; then `suffixes[j]`; then `bpe[k]` (GPT-2 byte-level strings, like tokenizer.json vocab keys).
 */
import { readFileSync } from 'node:fs';
import { TokenlabError } from '../../../core/errors.js';
import { BYTE_TO_CHAR, CHAR_TO_BYTE } from '../../../pretokenize/byte-level-alphabet.js';
import type { MorphLanguage } from './morph-language.js';
import { morphLanguage } from './morph-languages.js';
import { HybridVocab, SPECIAL_TOKENS, bytesName } from './hybrid-vocab.js';
import { encodeHybridPieces, MATCH_PRIORITIES, type HybridPiece, type MatchPriority } from './hybrid-encode.js';
import { decodeHybrid } from './hybrid-decode.js';

export interface MorphHybridJSON {
  type: 'MorphHybrid';
  version: 1;
  language: string;
  /** How a root and a suffix matching at one position are ranked (hybrid-encode.ts morphMatch). */
  match: MatchPriority;
  special_tokens: string[];
  roots: string[][];
  suffixes: string[][];
  bpe: string[];
  /** Free-form notes on how it was built (lexicon source, training text); not read back. */
  info?: Record<string, unknown>;
}

export function bytesToByteLevel(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += BYTE_TO_CHAR[x];
  return s;
}

export interface MorphHybridParts {
  roots: readonly (readonly string[])[];
  suffixes: readonly (readonly string[])[];
  bpe: readonly Uint8Array[];
  match?: MatchPriority;
  info?: Record<string, unknown>;
}

export class MorphHybridTokenizer {
  readonly vocab: HybridVocab;
  readonly match: MatchPriority;
  readonly info: Record<string, unknown>;

  constructor(readonly lang: MorphLanguage, parts: MorphHybridParts) {
    this.vocab = new HybridVocab(lang, parts.roots, parts.suffixes, parts.bpe);
    this.match = parts.match ?? 'roots-first';
    this.info = parts.info ?? {};
  }

  /** The same vocabulary with another match priority (for comparing the two). */
  withMatch(match: MatchPriority): MorphHybridTokenizer {
    const v = this.vocab;
    return new MorphHybridTokenizer(this.lang, { roots: v.roots, suffixes: v.suffixes, bpe: v.bpe, match, info: this.info });
  }

  get vocabSize(): number {
    return this.vocab.size;
  }

  encode(text: string): number[] {
    return encodeHybridPieces(this.vocab, this.lang, text, this.match).map((p) => p.id);
  }

  /** Ids and [start, end) UTF-16 spans; `<uppercase>` gets the span of the letter it capitalizes. */
  encodeWithOffsets(text: string): { ids: number[]; offsets: [number, number][] } {
    const pieces = encodeHybridPieces(this.vocab, this.lang, text, this.match);
    return { ids: pieces.map((p) => p.id), offsets: pieces.map((p) => [p.start, p.end]) };
  }

  pieces(text: string): HybridPiece[] {
    return encodeHybridPieces(this.vocab, this.lang, text, this.match);
  }

  /**
   * The tokens of `text` as strings, as the reference's `tokenize` prints them: markers by name,
   * roots and suffixes as the (lowercased) allomorph actually written, BPE pieces as text or `<0xNN>`.
   */
  tokens(text: string): string[] {
    return encodeHybridPieces(this.vocab, this.lang, text, this.match).map((p) => {
      if (p.surface !== undefined) return p.surface;
      const b = this.vocab.bpeBytes(p.id);
      return b !== undefined ? bytesName(b) : SPECIAL_TOKENS[p.id]!;
    });
  }

  decode(ids: readonly number[]): string {
    return decodeHybrid(this.vocab, this.lang, ids);
  }

  toJSON(): MorphHybridJSON {
    const v = this.vocab;
    return {
      type: 'MorphHybrid',
      version: 1,
      language: this.lang.code,
      match: this.match,
      special_tokens: [...SPECIAL_TOKENS],
      roots: v.roots.map((g) => [...g]),
      suffixes: v.suffixes.map((g) => [...g]),
      bpe: v.bpe.map(bytesToByteLevel),
      ...(Object.keys(this.info).length > 0 ? { info: this.info } : {}),
    };
  }

  static fromJSON(json: unknown, file?: string): MorphHybridTokenizer {
    const where = (path: string) => ({ ...(file !== undefined ? { file } : {}), path });
    const j = json as Partial<MorphHybridJSON> | null;
    if (j === null || typeof j !== 'object' || j.type !== 'MorphHybrid') throw new TokenlabError('not a morph-hybrid vocabulary (expected "type": "MorphHybrid")', where('type'));
    if (j.version !== 1) throw new TokenlabError(`unsupported morph-hybrid vocabulary version ${String(j.version)} (this build reads version 1)`, where('version'));
    if (typeof j.language !== 'string') throw new TokenlabError('language must be a string such as "tr"', where('language'));
    const lang = morphLanguage(j.language, where('language'));
    if (!MATCH_PRIORITIES.includes(j.match as MatchPriority)) throw new TokenlabError(`match must be one of ${MATCH_PRIORITIES.map((m) => JSON.stringify(m)).join(', ')}`, where('match'));
    if (!Array.isArray(j.special_tokens) || j.special_tokens.length !== SPECIAL_TOKENS.length || j.special_tokens.some((s, i) => s !== SPECIAL_TOKENS[i])) {
      throw new TokenlabError(`special_tokens must be exactly ${JSON.stringify(SPECIAL_TOKENS)}`, where('special_tokens'));
    }
    const sets = (field: 'roots' | 'suffixes'): string[][] => {
      const a = j[field];
      if (!Array.isArray(a)) throw new TokenlabError('must be an array of allomorph sets (arrays of strings)', where(field));
      return a.map((set, i) => {
        if (!Array.isArray(set) || set.length === 0) throw new TokenlabError('expected a non-empty array of strings', where(`${field}[${i}]`));
        set.forEach((s, k) => {
          if (typeof s !== 'string' || s === '') throw new TokenlabError('expected a non-empty string', where(`${field}[${i}][${k}]`));
        });
        return set as string[];
      });
    };
    const roots = sets('roots');
    const suffixes = sets('suffixes');
    if (!Array.isArray(j.bpe)) throw new TokenlabError('must be an array of byte-level strings', where('bpe'));
    const bpe = j.bpe.map((t, i) => {
      if (typeof t !== 'string' || t === '') throw new TokenlabError('expected a non-empty byte-level string', where(`bpe[${i}]`));
      return Uint8Array.from([...t], (c) => {
        const b = CHAR_TO_BYTE.get(c);
        if (b === undefined) throw new TokenlabError(`${JSON.stringify(c)} is not a byte-level character`, where(`bpe[${i}]`));
        return b;
      });
    });
    try {
      return new MorphHybridTokenizer(lang, { roots, suffixes, bpe, match: j.match as MatchPriority, info: typeof j.info === 'object' && j.info !== null ? j.info : {} });
    } catch (e) {
      if (e instanceof TokenlabError) throw new TokenlabError(e.message, { ...(file !== undefined ? { file } : {}) });
      throw e;
    }
  }

  static fromFile(path: string): MorphHybridTokenizer {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, 'utf8'));
    } catch (e) {
      throw new TokenlabError(`cannot read morph-hybrid vocabulary: ${(e as Error).message}`, { file: path });
    }
    return MorphHybridTokenizer.fromJSON(json, path);
  }
}
