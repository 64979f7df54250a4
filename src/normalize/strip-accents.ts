/**
 * The `StripAccents` normalizer: removes combining marks (general category M). It does not
 * decompose first — pair it with NFD/NFKD, as HF does.
 */
import type { NormalizedText, Normalizer } from '../core/stages.js';
import { asNormalizedString, type NormalizerComponent } from './component.js';
import { hfIsCombiningMark } from './hf-unicode.js';
import { readObject } from './json-fields.js';


export class StripAccents implements Normalizer {
  readonly type = 'StripAccents';
  normalize(text: NormalizedText): void {
    asNormalizedString(text).filter((c) => !hfIsCombiningMark(c));
  }
  toJSON(): Record<string, unknown> {
    return { type: this.type };
  }
}

export const stripAccentsNormalizer: NormalizerComponent = {
  type: 'StripAccents',
  fromJSON(json, path) {
    readObject(json, path, []);
    return new StripAccents();
  },
};
