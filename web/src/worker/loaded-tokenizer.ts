/**
 * One interface over the two kinds of tokenizer the playground runs in its worker: a tiktoken
 * encoding (from src/browser.ts) and a tokenizer.json pipeline (src/pipeline/index.ts). Both give a
 * TokenRun with UTF-16 offsets into the original text.
 */
import { IncrementalEncoder, loadEncoding, type TiktokenEncoding } from '../../../src/browser.js';
import { Tokenizer } from '../../../src/pipeline/index.js';
import type { TokenRun } from '../model/token-run.js';
import type { EncodeOptions } from './protocol.js';

export interface LoadedTokenizer {
  vocabSize: number;
  encode(text: string, opts: EncodeOptions): { run: TokenRun; chunksEncoded: number | null };
  count(text: string): number;
}

function toRun(ids: ArrayLike<number>, offsets: ArrayLike<readonly [number, number]>, isSpecial: (i: number) => boolean, pieces: string[] | null): TokenRun {
  const n = ids.length;
  const run: TokenRun = { ids: new Int32Array(n), starts: new Uint32Array(n), ends: new Uint32Array(n), special: new Uint8Array(n), pieces };
  for (let i = 0; i < n; i++) {
    run.ids[i] = ids[i]!;
    run.starts[i] = offsets[i]![0];
    run.ends[i] = offsets[i]![1];
    run.special[i] = isSpecial(i) ? 1 : 0;
  }
  return run;
}

export async function loadTiktoken(name: string, base: string): Promise<LoadedTokenizer> {
  const enc: TiktokenEncoding = await loadEncoding(name, async (file) => {
    const res = await fetch(new URL(`encodings/${file}`, base));
    if (!res.ok) throw new Error(`encodings/${file}: HTTP ${res.status}`);
    return res.arrayBuffer();
  });
  // One chunk cache per special-token mode: a chunk's ids depend on it.
  const withSpecial = new IncrementalEncoder(enc, { allowedSpecial: 'all' });
  const asText = new IncrementalEncoder(enc, { disallowedSpecial: [] });
  return {
    vocabSize: enc.nVocab,
    encode(text, opts) {
      const chunked = opts.allowSpecial ? withSpecial : asText;
      const { ids, offsets } = chunked.encode(text);
      return { run: toRun(ids, offsets, (i) => enc.special.byId.has(ids[i]!), null), chunksEncoded: chunked.lastMisses };
    },
    count: (text) => enc.countTokens(text, { disallowedSpecial: [] }),
  };
}

export function hfTokenizer(json: unknown): LoadedTokenizer {
  const tok = Tokenizer.fromJSON(json);
  return {
    vocabSize: tok.model.getVocabSize(),
    encode(text, opts) {
      const e = tok.encode(text, { addSpecialTokens: opts.addSpecial });
      return { run: toRun(e.ids, e.offsets, (i) => e.specialTokensMask[i] === 1, e.tokens), chunksEncoded: null };
    },
    count: (text) => tok.encode(text, { addSpecialTokens: false }).ids.length,
  };
}
