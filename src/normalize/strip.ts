/** The `Strip` normalizer: removes leading/trailing Unicode White_Space. */
import type { NormalizedText, Normalizer } from '../core/stages.js';
import { asNormalizedString, type NormalizerComponent } from './component.js';
import { readBool, readObject } from './json-fields.js';

export class Strip implements Normalizer {
  readonly type = 'Strip';
  constructor(readonly stripLeft = true, readonly stripRight = true) {}
  normalize(text: NormalizedText): void {
    asNormalizedString(text).strip(this.stripLeft, this.stripRight);
  }
  toJSON(): Record<string, unknown> {
    return { type: this.type, strip_left: this.stripLeft, strip_right: this.stripRight };
  }
}

export const stripNormalizer: NormalizerComponent = {
  type: 'Strip',
  fromJSON(json, path) {
    const o = readObject(json, path, ['strip_left', 'strip_right']);
    return new Strip(readBool(o, 'strip_left', path), readBool(o, 'strip_right', path));
  },
};
