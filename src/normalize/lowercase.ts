/** The `Lowercase` normalizer: per-char lowercase (Rust `char::to_lowercase`, no context rules). */
import type { NormalizedText, Normalizer } from '../core/stages.js';
import { asNormalizedString, type NormalizerComponent } from './component.js';
import { readObject } from './json-fields.js';

export class Lowercase implements Normalizer {
  readonly type = 'Lowercase';
  normalize(text: NormalizedText): void {
    asNormalizedString(text).lowercase();
  }
  toJSON(): Record<string, unknown> {
    return { type: this.type };
  }
}

export const lowercaseNormalizer: NormalizerComponent = {
  type: 'Lowercase',
  fromJSON(json, path) {
    readObject(json, path, []);
    return new Lowercase();
  },
};
