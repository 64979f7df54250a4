import { Unsupported, type Adapter, type Ids } from './types.js';

// Quirk: OpenAI's Rust tiktoken compiled to WASM (`tiktoken` package, CommonJS build for Node).
// encode() returns a Uint32Array, decode() takes a Uint32Array and returns UTF-8 BYTES (we include the
// TextDecoder step: callers need a string). Encoders hold WASM memory and must be .free()d.
// No count API: count = encode().length. It is the reference for the correctness check.
type Wasm = { encode(t: string): Uint32Array; decode(ids: Uint32Array): Uint8Array; free(): void };
let enc: Wasm | undefined;
const utf8 = new TextDecoder();

const adapter: Adapter = {
  name: 'tiktoken',
  pkg: 'tiktoken',
  encodings: ['cl100k_base', 'o200k_base', 'r50k_base', 'p50k_base'],
  note: 'WASM build; encode() -> Uint32Array, decode() -> bytes (+TextDecoder); must .free(); count = encode().length',
  async load(encoding) {
    if (!this.encodings.includes(encoding)) throw new Unsupported(this.name, encoding);
    const { get_encoding } = await import('tiktoken');
    enc = get_encoding(encoding as 'cl100k_base') as unknown as Wasm;
  },
  encode: (text) => enc!.encode(text),
  count: (text) => enc!.encode(text).length,
  decode: (ids: Ids) => utf8.decode(enc!.decode(ids as Uint32Array)),
  free() {
    enc?.free();
    enc = undefined;
  },
};
export default adapter;
