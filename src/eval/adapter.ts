/**
 * The tokenizer-agnostic view the evaluation uses, so tiktoken encodings and tokenizer.json files are
 * measured the same way: `{ name, encode, encodeWithOffsets, idToBytes, idToString, vocabSize }`.
 *
 * Conventions every metric relies on:
 * - Encoding adds no special tokens (no BOS/EOS from a post-processor): we count the text's tokens.
 * - Offsets are [start, end) UTF-16 spans of the original text; a token that covers part of a
 *   character (a byte-level piece of an emoji) gets the whole character's span.
 * - `idToBytes` gives the token's surface bytes with a word-start marker turned into a leading space
 *   (GPT-2 `Ġ`, SentencePiece `▁`); `<0xNN>` byte-fallback tokens give that byte. Special/control
 *   tokens give the UTF-8 of their string.
 * - `vocabIds()` lists every id of the vocabulary (ordinary and special), in increasing order.
 */
import type { TiktokenEncoding } from '../formats/tiktoken/tiktoken-encoding.js';
import type { Tokenizer } from '../pipeline/tokenizer.js';
import { hfTokenBytes, hfTokenStyle } from './hf-token-bytes.js';

export interface EncodedText {
  ids: number[];
  offsets: [number, number][];
}

export interface EvalTokenizer {
  name: string;
  /** Number of ids in the vocabulary (ordinary + special); the denominator of utilization. */
  vocabSize: number;
  encode(text: string): number[];
  encodeWithOffsets(text: string): EncodedText;
  idToBytes(id: number): Uint8Array;
  /** The token as text (invalid UTF-8 becomes U+FFFD). */
  idToString(id: number): string;
  /** Special/control tokens (tiktoken specials, tokenizer.json added tokens marked special). */
  isSpecial(id: number): boolean;
  /** The unknown-token id, when the model has one (characters mapped to it count as UNK). */
  unkId?: number;
  vocabIds(): number[];
}

const utf8 = new TextEncoder();
const lossy = new TextDecoder('utf-8', { ignoreBOM: true });

/** A tiktoken encoding; special-token strings in the text are encoded as ordinary text. */
export function fromTiktoken(enc: TiktokenEncoding, name = enc.name): EvalTokenizer {
  const specialIds = new Set(enc.special.byId.keys());
  const opts = { disallowedSpecial: [] as string[] };
  return {
    name,
    vocabSize: enc.vocab.size + specialIds.size,
    encode: (text) => enc.encode(text, opts),
    encodeWithOffsets: (text) => enc.encodeWithOffsets(text, opts),
    idToBytes: (id) => enc.decodeTokenBytes(id),
    idToString: (id) => lossy.decode(enc.decodeTokenBytes(id)),
    isSpecial: (id) => specialIds.has(id),
    vocabIds: () => {
      const ids: number[] = [];
      for (let r = 0; r < enc.vocab.size; r++) if (enc.vocab.tokenLength(r) > 0) ids.push(r);
      for (const id of [...specialIds].sort((a, b) => a - b)) ids.push(id);
      return ids;
    },
  };
}

/** A Hugging Face tokenizer.json tokenizer (`Tokenizer` from src/pipeline). */
export function fromHfTokenizer(tok: Tokenizer, name: string): EvalTokenizer {
  const style = hfTokenStyle({ decoder: tok.decoder?.toJSON() ?? null });
  const specials = new Set<number>();
  for (const [id, t] of tok.addedVocabulary.entries()) if (t.special) specials.add(id);
  const unkToken = (tok.model as { unkToken?: string | null }).unkToken ?? null;
  const unkId = unkToken === null ? undefined : tok.tokenToId(unkToken);
  const bytesCache = new Map<number, Uint8Array>();
  const idToBytes = (id: number): Uint8Array => {
    let b = bytesCache.get(id);
    if (b === undefined) {
      const s = tok.idToToken(id);
      b = s === undefined ? new Uint8Array(0) : specials.has(id) ? utf8.encode(s) : hfTokenBytes(s, style);
      bytesCache.set(id, b);
    }
    return b;
  };
  return {
    name,
    vocabSize: tok.getVocabSize(true),
    encode: (text) => tok.encode(text, { addSpecialTokens: false }).ids,
    encodeWithOffsets: (text) => {
      const e = tok.encode(text, { addSpecialTokens: false });
      return { ids: e.ids, offsets: e.offsets.map((o) => [o[0], o[1]] as [number, number]) };
    },
    idToBytes,
    idToString: (id) => lossy.decode(idToBytes(id)),
    isSpecial: (id) => specials.has(id),
    ...(unkId !== undefined ? { unkId } : {}),
    vocabIds: () => {
      const ids = new Set<number>();
      const n = tok.model.getVocabSize();
      for (let id = 0; id < n; id++) if (tok.model.idToToken(id) !== undefined) ids.add(id);
      for (const [id] of tok.addedVocabulary.entries()) ids.add(id);
      // Models with gaps in their ids: scan a little past the size for stragglers.
      for (let id = n; id < n + 4096; id++) if (tok.model.idToToken(id) !== undefined) ids.add(id);
      return [...ids].sort((a, b) => a - b);
    },
  };
}
