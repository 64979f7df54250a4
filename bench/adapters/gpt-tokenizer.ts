import { Unsupported, type Adapter, type Ids } from './types.js';

// Quirk: one module per encoding, `gpt-tokenizer/encoding/<enc>`, exporting free functions bound to a
// singleton (the package root is o200k_base). The ranks are decoded at import time, so import = load.
// It keeps an LRU merge cache (100k pieces) across calls: we only time text the process has not seen.
type Mod = { encode(t: string): number[]; countTokens(t: string): number; decode(ids: Iterable<number>): string };
let mod: Mod | undefined;

const adapter: Adapter = {
  name: 'gpt-tokenizer',
  pkg: 'gpt-tokenizer',
  encodings: ['cl100k_base', 'o200k_base', 'r50k_base', 'p50k_base'],
  note: 'gpt-tokenizer/encoding/<enc> (ranks decoded at import); countTokens(); 100k-piece LRU merge cache',
  async load(encoding) {
    if (!this.encodings.includes(encoding)) throw new Unsupported(this.name, encoding);
    mod = (await import(`gpt-tokenizer/encoding/${encoding}`)) as Mod;
  },
  encode: (text) => mod!.encode(text),
  count: (text) => mod!.countTokens(text),
  decode: (ids: Ids) => mod!.decode(ids as number[]),
};
export default adapter;
