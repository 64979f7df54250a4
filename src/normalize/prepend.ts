/** The `Prepend` normalizer: prepends a string to non-empty text (aligned with the first char). */
import type { NormalizedText, Normalizer } from '../core/stages.js';
import { asNormalizedString, type NormalizerComponent } from './component.js';
import { readObject, readString } from './json-fields.js';

export class Prepend implements Normalizer {
  readonly type = 'Prepend';
  constructor(readonly prepend: string) {}
  normalize(text: NormalizedText): void {
    asNormalizedString(text).prepend(this.prepend);
  }
  toJSON(): Record<string, unknown> {
    return { type: this.type, prepend: this.prepend };
  }
}

export const prependNormalizer: NormalizerComponent = {
  type: 'Prepend',
  fromJSON(json, path) {
    const o = readObject(json, path, ['prepend']);
    return new Prepend(readString(o, 'prepend', path));
  },
};
