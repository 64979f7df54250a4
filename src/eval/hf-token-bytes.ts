/**
 * Surface bytes of a tokenizer.json vocabulary entry, as the evaluation needs them (Qtok's
 * `load_vocab`, spec §2): the word-start marker becomes a leading space and byte-level or
 * byte-fallback tokens become their raw bytes, so a piece of a multi-byte character stays a piece.
 *
 * The style comes from the decoder: `ByteLevel` → GPT-2 byte alphabet; `ByteFallback` → `<0xNN>` is
 * one byte; `Metaspace` or a `Replace` of `▁` → `▁` is a space; `WordPiece` → a token without the
 * `##` continuation prefix starts a word (leading space), `##x` is the inner piece `x`.
 */
import { CHAR_TO_BYTE } from '../pretokenize/byte-level-alphabet.js';

export interface HfTokenStyle {
  byteLevel: boolean;
  byteFallback: boolean;
  metaspace: boolean;
  /** WordPiece continuation prefix (`##`), when the decoder is WordPiece. */
  wordPiecePrefix?: string;
}

type Json = Record<string, unknown>;

function walk(decoder: unknown, style: HfTokenStyle): void {
  if (decoder === null || typeof decoder !== 'object') return;
  const d = decoder as Json;
  switch (d['type']) {
    case 'ByteLevel': style.byteLevel = true; break;
    case 'ByteFallback': style.byteFallback = true; break;
    case 'Metaspace': style.metaspace = true; break;
    case 'Replace': {
      const p = d['pattern'] as Json | undefined;
      if (p && (p['String'] === '▁' || p['Regex'] === '▁')) style.metaspace = true;
      break;
    }
    case 'WordPiece': style.wordPiecePrefix = typeof d['prefix'] === 'string' ? d['prefix'] : '##'; break;
    case 'Sequence': for (const x of (d['decoders'] as unknown[] | undefined) ?? []) walk(x, style); break;
    default: break;
  }
}

/** Reads the style from a tokenizer.json object (`tok.toJSON()` or the parsed file). */
export function hfTokenStyle(json: Json): HfTokenStyle {
  const style: HfTokenStyle = { byteLevel: false, byteFallback: false, metaspace: false };
  walk(json['decoder'], style);
  return style;
}

const utf8 = new TextEncoder();
const BYTE_TOKEN = /^<0x([0-9A-Fa-f]{2})>$/;

export function hfTokenBytes(token: string, style: HfTokenStyle): Uint8Array {
  if (style.byteFallback) {
    const m = BYTE_TOKEN.exec(token);
    if (m) return Uint8Array.of(parseInt(m[1]!, 16));
  }
  if (style.byteLevel) {
    const out: number[] = [];
    for (const ch of token) {
      const b = CHAR_TO_BYTE.get(ch);
      if (b === undefined) return utf8.encode(token); // not a byte-level string (an added token)
      out.push(b);
    }
    return Uint8Array.from(out);
  }
  if (style.wordPiecePrefix !== undefined) {
    const p = style.wordPiecePrefix;
    return utf8.encode(token.startsWith(p) && token.length > p.length ? token.slice(p.length) : ' ' + token);
  }
  return utf8.encode(style.metaspace ? token.replaceAll('▁', ' ') : token);
}
