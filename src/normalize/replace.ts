/**
 * The `Replace` normalizer: replaces every match of a String or Regex (Oniguruma) pattern by
 * `content`. Inserted chars align with the last char of the match they replace (HF).
 */
import type { NormalizedText, Normalizer } from '../core/stages.js';
import { asNormalizedString, type NormalizerComponent } from './component.js';
import { readObject, readPattern, readString } from './json-fields.js';
import type { JsonPattern, RegexPattern } from './pattern.js';

export class Replace implements Normalizer {
  readonly type = 'Replace';
  constructor(readonly pattern: JsonPattern, readonly content: string, private readonly compiled: RegexPattern) {}
  normalize(text: NormalizedText): void {
    asNormalizedString(text).replace(this.compiled, this.content);
  }
  toJSON(): Record<string, unknown> {
    return { type: this.type, pattern: { ...this.pattern }, content: this.content };
  }
}

export const replaceNormalizer: NormalizerComponent = {
  type: 'Replace',
  fromJSON(json, path) {
    const o = readObject(json, path, ['pattern', 'content']);
    const { json: pj, pattern } = readPattern(o, 'pattern', path);
    return new Replace(pj, readString(o, 'content', path), pattern);
  },
};
