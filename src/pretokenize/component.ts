/**
 * What every pre-tokenizer file exports: its tokenizer.json `type` and a `fromJSON(json, path)`
 * that validates the object (unknown fields rejected, errors name the JSON path).
 */
import { TokenlabError } from '../core/errors.js';
import { PreTokenizedString } from '../core/pre-tokenized-string.js';
import type { PreTokenizedText, PreTokenizer } from '../core/stages.js';

export interface PreTokenizerComponent {
  readonly type: string;
  fromJSON(json: unknown, path: string): PreTokenizer;
}

/** The stage contract is written against PreTokenizedText; our pre-tokenizers need the class. */
export function asPreTokenized(text: PreTokenizedText): PreTokenizedString {
  if (!(text instanceof PreTokenizedString)) {
    throw new TokenlabError('pre-tokenizers need a PreTokenizedString (src/core/pre-tokenized-string.ts)');
  }
  return text;
}
