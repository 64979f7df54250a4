/**
 * ByteLevel decoder: maps each token's byte-level characters back to bytes and decodes all of them
 * as one UTF-8 string, lossily (each maximal invalid subsequence becomes U+FFFD, like Rust's
 * `String::from_utf8_lossy`). A token with a character outside the byte alphabet contributes its own
 * UTF-8 bytes unchanged, as HF does. Returns a single string.
 */
import type { Decoder } from '../core/stages.js';
import { CHAR_TO_BYTE } from './byte-level-alphabet.js';
import type { JsonObject } from '../formats/hf-json/json-read.js';

const utf8 = new TextEncoder();
const lossy = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

export class ByteLevelDecoder implements Decoder {
  readonly type = 'ByteLevel';
  /** Kept only to write the JSON back: the decoder ignores them, as HF's does. */
  constructor(readonly addPrefixSpace = true, readonly trimOffsets = true, readonly useRegex = true) {}

  decodeChain(tokens: string[]): string[] {
    const bytes: number[] = [];
    for (const t of tokens) {
      const start = bytes.length;
      let ok = true;
      for (const ch of t) {
        const b = CHAR_TO_BYTE.get(ch.codePointAt(0)!);
        if (b === undefined) { ok = false; break; }
        bytes.push(b);
      }
      if (!ok) {
        bytes.length = start;
        for (const b of utf8.encode(t)) bytes.push(b);
      }
    }
    return [lossy.decode(Uint8Array.from(bytes))];
  }

  toJSON(): JsonObject {
    return { type: 'ByteLevel', add_prefix_space: this.addPrefixSpace, trim_offsets: this.trimOffsets, use_regex: this.useRegex };
  }
}
