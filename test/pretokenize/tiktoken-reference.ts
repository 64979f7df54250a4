/**
 * The real tiktoken regex (Rust fancy_regex inside the `tiktoken` npm package's WASM) as a piece
 * oracle, for any pattern string.
 *
 * tiktoken never returns a token that spans two pieces, and a piece that is itself in the vocabulary
 * comes back as ONE token. So an encoder whose vocabulary holds every substring (at code-point
 * boundaries) of the texts to split returns exactly one token per regex piece, and the token bytes
 * are the pieces. Texts reach the WASM as UTF-8 (lone surrogates become U+FFFD), so pieces are
 * compared as well-formed strings.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface TiktokenLike {
  encode_ordinary(text: string): Uint32Array;
  decode_single_token_bytes(token: number): Uint8Array;
  free(): void;
}
const { Tiktoken } = require('tiktoken/lite') as {
  Tiktoken: new (bfe: string, special: Record<string, number>, pat: string) => TiktokenLike;
};

/** The string tiktoken's regex sees: lone surrogates replaced by U+FFFD (as its UTF-8 conversion does). */
export function wellFormed(s: string): string {
  return Buffer.from(s, 'utf8').toString('utf8');
}

export const TIKTOKEN_PATTERNS = require('tiktoken/registry.json') as Record<string, { pat_str: string }>;

/** A vocabulary (tiktoken's base64 rank file format) holding every substring of the texts. */
export function substringVocabulary(texts: readonly string[]): string {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (let b = 0; b < 256; b++) {
    const k = String.fromCharCode(b);
    seen.add(k);
    lines.push(`${Buffer.from([b]).toString('base64')} ${b}`);
  }
  for (const t of texts) {
    const cps = Array.from(wellFormed(t));
    for (let i = 0; i < cps.length; i++) {
      let s = '';
      for (let j = i; j < cps.length; j++) {
        s += cps[j];
        const bytes = Buffer.from(s, 'utf8');
        const k = bytes.toString('latin1');
        if (seen.has(k)) continue;
        seen.add(k);
        lines.push(`${bytes.toString('base64')} ${lines.length}`);
      }
    }
  }
  return lines.join('\n');
}

/** tiktoken's pieces of each text under `pattern`, with `vocabulary` from substringVocabulary(texts ⊇). */
export function tiktokenPieces(pattern: string, vocabulary: string, texts: readonly string[]): string[][] {
  const enc = new Tiktoken(vocabulary, {}, pattern);
  try {
    return texts.map((t) => Array.from(enc.encode_ordinary(t), (id) => Buffer.from(enc.decode_single_token_bytes(id)).toString('utf8')));
  } finally {
    enc.free();
  }
}
