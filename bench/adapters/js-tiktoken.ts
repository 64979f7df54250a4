import { Unsupported, type Adapter, type Ids } from './types.js';

// Quirk: the root export `js-tiktoken` bundles EVERY encoding's ranks (a large module); the documented
// lightweight path is `js-tiktoken/lite` + one `js-tiktoken/ranks/<encoding>` module, which is what a
// size-conscious user loads, so that is what we time. No count API: count = encode().length.
type Lite = { encode(text: string): number[]; decode(ids: number[]): string };
let enc: Lite | undefined;

const adapter: Adapter = {
  name: 'js-tiktoken',
  pkg: 'js-tiktoken',
  encodings: ['cl100k_base', 'o200k_base', 'r50k_base', 'p50k_base'],
  note: 'js-tiktoken/lite + js-tiktoken/ranks/<enc>; no count API (count = encode().length)',
  async load(encoding) {
    if (!this.encodings.includes(encoding)) throw new Unsupported(this.name, encoding);
    const { Tiktoken } = await import('js-tiktoken/lite');
    const ranks = (await import(`js-tiktoken/ranks/${encoding}`)).default;
    enc = new Tiktoken(ranks) as unknown as Lite;
  },
  encode: (text) => enc!.encode(text),
  count: (text) => enc!.encode(text).length,
  decode: (ids: Ids) => enc!.decode(ids as number[]),
};
export default adapter;
