import { Unsupported, type Adapter, type Ids } from './types.js';

// Quirk: encodings are data modules (`ai-tokenizer/encoding/<enc>`, or all of them from
// `ai-tokenizer/encoding`) passed to `new Tokenizer(data)` (default export of `ai-tokenizer`).
// Ships cl100k_base, o200k_base, p50k_base and claude: no r50k_base. Has count() and a 100k LRU merge cache.
type Tok = { encode(t: string): number[]; count(t: string): number; decode(ids: number[]): string };
let tok: Tok | undefined;

const adapter: Adapter = {
  name: 'ai-tokenizer',
  pkg: 'ai-tokenizer',
  encodings: ['cl100k_base', 'o200k_base', 'p50k_base'],
  note: 'new Tokenizer(await import("ai-tokenizer/encoding/<enc>")); count(); no r50k_base; 100k LRU merge cache',
  async load(encoding) {
    if (!this.encodings.includes(encoding)) throw new Unsupported(this.name, encoding);
    const { default: Tokenizer } = await import('ai-tokenizer');
    const data = await import(`ai-tokenizer/encoding/${encoding}`);
    tok = new (Tokenizer as unknown as new (d: unknown) => Tok)(data);
  },
  encode: (text) => tok!.encode(text),
  count: (text) => tok!.count(text),
  decode: (ids: Ids) => tok!.decode(ids as number[]),
};
export default adapter;
