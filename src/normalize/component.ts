/**
 * What every normalizer file exports: its tokenizer.json `type` and a `fromJSON(json, path)` that
 * validates the object (unknown fields rejected, errors name the JSON path) and builds the stage.
 */
import { TokenlabError } from '../core/errors.js';
import { NormalizedString } from '../core/normalized-string.js';
import type { NormalizedText, Normalizer } from '../core/stages.js';

export interface NormalizerComponent {
  readonly type: string;
  fromJSON(json: unknown, path: string): Normalizer;
}

/** The stage contract is written against NormalizedText; our normalizers need the concrete class. */
export function asNormalizedString(text: NormalizedText): NormalizedString {
  if (!(text instanceof NormalizedString)) {
    throw new TokenlabError('normalizers need a NormalizedString (src/core/normalized-string.ts)');
  }
  return text;
}
