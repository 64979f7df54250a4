/**
 * Hugging Face tokenizers' Split pre-tokenizer (Rust, Oniguruma regex) as a piece oracle, through the
 * `tokenizers` npm binding: a tokenizer whose pre-tokenizer is Split(pattern, Isolated) and whose
 * model is a WordLevel with only [UNK] returns one token per piece, with code-point offsets.
 */
import { createRequire } from 'node:module';
import { wellFormed } from './tiktoken-reference.js';

const require = createRequire(import.meta.url);

interface HfEncoding { getOffsets(): [number, number][] }
interface HfTokenizer { encode(text: string, pair: null, options: { addSpecialTokens: boolean }): Promise<HfEncoding> }
const { Tokenizer } = require('tokenizers') as { Tokenizer: { fromString(json: string): HfTokenizer } };

/** HF's pieces of each text under Split(pattern, Isolated), as well-formed strings. */
export async function hfSplitPieces(pattern: string, texts: readonly string[]): Promise<string[][]> {
  const tokenizer = Tokenizer.fromString(JSON.stringify({
    version: '1.0', truncation: null, padding: null, added_tokens: [], normalizer: null,
    pre_tokenizer: { type: 'Split', pattern: { Regex: pattern }, behavior: 'Isolated', invert: false },
    post_processor: null, decoder: null,
    model: { type: 'WordLevel', vocab: { '[UNK]': 0 }, unk_token: '[UNK]' },
  }));
  const out: string[][] = [];
  for (const text of texts) {
    const cps = Array.from(wellFormed(text));
    const enc = await tokenizer.encode(text, null, { addSpecialTokens: false });
    out.push(enc.getOffsets().map(([a, b]) => cps.slice(a, b).join('')));
  }
  return out;
}
