/**
 * A LiB tokenizer: the ordered lexicon plus LiB's two-path reading rule (lib-segment.ts), with ids
 * and UTF-8 byte fallback. Ids 0–255 are the bytes `<0xNN>` (a character outside the lexicon becomes
 * its UTF-8 bytes, so every text encodes and decodes exactly); id 256 + r is the chunk of rank r.
 * Saved as a small JSON vocabulary (`type: "LiB"`): the rule needs the ranks, which no
 * tokenizer.json model (BPE, WordPiece, Unigram) can express, so there is no tokenizer.json export.
 */
import { readFileSync } from 'node:fs';
import { TokenlabError } from '../../../core/errors.js';
import { cpLength, LibLexicon } from './lib-lexicon.js';
import { libSegment } from './lib-segment.js';

export const LIB_BYTE_IDS = 256;

export interface LibVocabJSON {
  type: 'LiB';
  version: 1;
  byte_fallback: true;
  max_chunk_len: number;
  /** Chunks in rank order (best first); id = 256 + index. */
  vocab: string[];
}

const utf8 = new TextEncoder();
const lossy = new TextDecoder('utf-8', { ignoreBOM: true });

export class LibTokenizer {
  readonly lexicon: LibLexicon;

  constructor(chunks: readonly string[], readonly maxChunkLen: number) {
    this.lexicon = new LibLexicon(chunks);
    if (this.lexicon.size !== chunks.length) throw new TokenlabError('LiB vocabulary has duplicate or empty chunks');
  }

  /** Vocabulary size: byte tokens plus chunks. */
  get vocabSize(): number {
    return LIB_BYTE_IDS + this.lexicon.size;
  }

  /** The chunks LiB reads `text` as (before ids and byte fallback). */
  segment(text: string): string[] {
    return libSegment(this.lexicon, Array.from(text), this.maxChunkLen);
  }

  encode(text: string): number[] {
    return this.encodeWithOffsets(text).ids;
  }

  /** Ids and [start, end) UTF-16 spans; byte-fallback pieces of one character share its span. */
  encodeWithOffsets(text: string): { ids: number[]; offsets: [number, number][] } {
    const ids: number[] = [];
    const offsets: [number, number][] = [];
    let at = 0;
    for (const chunk of this.segment(text)) {
      const span: [number, number] = [at, at + chunk.length];
      at += chunk.length;
      const r = this.lexicon.rank(chunk);
      if (r !== undefined) {
        ids.push(LIB_BYTE_IDS + r);
        offsets.push(span);
      } else {
        for (const b of utf8.encode(chunk)) {
          ids.push(b);
          offsets.push(span);
        }
      }
    }
    return { ids, offsets };
  }

  idToBytes(id: number): Uint8Array {
    if (Number.isSafeInteger(id) && id >= 0 && id < LIB_BYTE_IDS) return Uint8Array.of(id);
    const c = Number.isSafeInteger(id) && id < this.vocabSize ? this.lexicon.at(id - LIB_BYTE_IDS) : undefined;
    if (c === undefined) throw new TokenlabError(`LiB: id ${id} is not in the vocabulary (size ${this.vocabSize})`);
    return utf8.encode(c);
  }

  idToToken(id: number): string {
    return id < LIB_BYTE_IDS ? `<0x${id.toString(16).toUpperCase().padStart(2, '0')}>` : lossy.decode(this.idToBytes(id));
  }

  decodeBytes(ids: readonly number[]): Uint8Array {
    const parts = ids.map((id) => this.idToBytes(id));
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let k = 0;
    for (const p of parts) { out.set(p, k); k += p.length; }
    return out;
  }

  decode(ids: readonly number[]): string {
    return lossy.decode(this.decodeBytes(ids));
  }

  toJSON(): LibVocabJSON {
    return { type: 'LiB', version: 1, byte_fallback: true, max_chunk_len: this.maxChunkLen, vocab: [...this.lexicon.chunks()] };
  }

  static fromJSON(json: unknown, file?: string): LibTokenizer {
    const where = (path: string) => ({ ...(file !== undefined ? { file } : {}), path });
    const j = json as Partial<LibVocabJSON> | null;
    if (j === null || typeof j !== 'object' || j.type !== 'LiB') throw new TokenlabError('not a LiB vocabulary (expected "type": "LiB")', where('type'));
    if (j.version !== 1) throw new TokenlabError(`unsupported LiB vocabulary version ${String(j.version)}`, where('version'));
    if (!Number.isSafeInteger(j.max_chunk_len) || (j.max_chunk_len as number) < 1) throw new TokenlabError('max_chunk_len must be an integer >= 1', where('max_chunk_len'));
    if (!Array.isArray(j.vocab)) throw new TokenlabError('vocab must be an array of strings', where('vocab'));
    const seen = new Set<string>();
    j.vocab.forEach((c, i) => {
      if (typeof c !== 'string' || c.length === 0) throw new TokenlabError('expected a non-empty string', where(`vocab[${i}]`));
      if (seen.has(c)) throw new TokenlabError(`duplicate chunk ${JSON.stringify(c)}`, where(`vocab[${i}]`));
      seen.add(c);
    });
    return new LibTokenizer(j.vocab, j.max_chunk_len as number);
  }

  static fromFile(path: string): LibTokenizer {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, 'utf8'));
    } catch (e) {
      throw new TokenlabError(`cannot read LiB vocabulary: ${(e as Error).message}`, { file: path });
    }
    return LibTokenizer.fromJSON(json, path);
  }
}

/**
 * The final vocabulary of a trained lexicon at a target size (byte ids included): every single
 * character is kept, and multi-character chunks by rank until the size is reached; rank order is kept.
 */
export function libVocabulary(lexicon: LibLexicon, vocabSize?: number): string[] {
  const all = lexicon.chunks();
  if (vocabSize === undefined) return [...all];
  const singles = all.filter((c) => cpLength(c) === 1).length;
  let room = vocabSize - LIB_BYTE_IDS - singles;
  if (room < 0) throw new TokenlabError(`vocabulary size ${vocabSize} is smaller than 256 byte ids + ${singles} characters of the corpus`);
  return all.filter((c) => cpLength(c) === 1 || room-- > 0);
}
