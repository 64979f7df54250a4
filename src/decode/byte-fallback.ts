/**
 * ByteFallback decoder: runs of `<0xXX>` tokens are turned back into bytes and decoded as UTF-8;
 * an invalid run becomes one U+FFFD per byte (HF's behaviour, not lossy decoding). Other tokens
 * pass through. As in HF, the two hex characters are parsed like Rust's `u8::from_str_radix`
 * (lower case and a leading `+` are accepted).
 */
import type { Decoder } from '../core/stages.js';
import type { JsonObject } from '../formats/hf-json/json-read.js';

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf8 = new TextEncoder();

function byteOf(token: string): number | undefined {
  if (!token.startsWith('<0x') || !token.endsWith('>') || utf8.encode(token).length !== 6) return undefined;
  const hex = token.slice(3, 5);
  if (!/^\+?[0-9a-fA-F]+$/.test(hex)) return undefined;
  return parseInt(hex, 16);
}

export class ByteFallbackDecoder implements Decoder {
  readonly type = 'ByteFallback';

  decodeChain(tokens: string[]): string[] {
    const out: string[] = [];
    let pending: number[] = [];
    const flush = (): void => {
      if (pending.length === 0) return;
      try {
        out.push(strict.decode(Uint8Array.from(pending)));
      } catch {
        for (let i = 0; i < pending.length; i++) out.push('\uFFFD');
      }
      pending = [];
    };
    for (const t of tokens) {
      const b = byteOf(t);
      if (b !== undefined) pending.push(b);
      else { flush(); out.push(t); }
    }
    flush();
    return out;
  }

  toJSON(): JsonObject { return { type: 'ByteFallback' }; }
}
