/**
 * The two consumers of a converted tokenizer.json the parity tests compare with spm: Hugging Face's
 * native `tokenizers` binding, and tokenlab's own pipeline (src/pipeline, loaded only if present so
 * this format's tests do not depend on another area being finished).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export interface IdEncoder {
  name: string;
  encode(lines: string[]): Promise<number[][]>;
  decode(ids: number[][]): Promise<string[]>;
  token(id: number): string;
}

interface HfTokenizer {
  encodeBatch(inputs: string[], options: { addSpecialTokens: boolean }): Promise<{ getIds(): number[] }[]>;
  decodeBatch(ids: number[][], skipSpecialTokens: boolean): Promise<string[]>;
  idToToken(id: number): string | null;
}

const hf = createRequire(import.meta.url)('tokenizers') as { Tokenizer: { fromString(json: string): HfTokenizer } };

export function hfEncoder(json: object): IdEncoder {
  const tok = hf.Tokenizer.fromString(JSON.stringify(json));
  return {
    name: 'HF tokenizers',
    encode: async (lines) => (await tok.encodeBatch(lines, { addSpecialTokens: false })).map((e) => e.getIds()),
    decode: (ids) => tok.decodeBatch(ids, false),
    token: (id) => tok.idToToken(id) ?? `#${id}`,
  };
}

interface TokenlabTokenizer {
  encode(text: string, options: { addSpecialTokens: boolean }): { ids: number[] };
  decode(ids: readonly number[]): string;
  idToToken(id: number): string | undefined;
}
type TokenlabModule = { Tokenizer: { fromJSON(json: unknown): TokenlabTokenizer } };

const PIPELINE = fileURLToPath(new URL('../../src/pipeline/index.ts', import.meta.url));

/** tokenlab's pipeline module, or undefined when src/pipeline/index.ts does not exist yet. */
export async function loadTokenlabPipeline(): Promise<TokenlabModule | undefined> {
  if (!existsSync(PIPELINE)) return undefined;
  return (await import('../../src/pipeline/index.js')) as unknown as TokenlabModule;
}

export function tokenlabEncoder(mod: TokenlabModule, json: object): IdEncoder {
  // Through JSON text, as a user loading the written file would.
  const tok = mod.Tokenizer.fromJSON(JSON.parse(JSON.stringify(json)));
  return {
    name: 'tokenlab',
    encode: async (lines) => lines.map((line) => tok.encode(line, { addSpecialTokens: false }).ids),
    decode: async (ids) => ids.map((row) => tok.decode(row)),
    token: (id) => tok.idToToken(id) ?? `#${id}`,
  };
}
