/**
 * The `Sequence` normalizer: applies its normalizers in order. The child parser is passed in by
 * normalize/index.ts so this file does not import the registry (no import cycle).
 */
import type { NormalizedText, Normalizer } from '../core/stages.js';
import type { NormalizerComponent } from './component.js';
import { readArray, readObject } from './json-fields.js';

export class SequenceNormalizer implements Normalizer {
  readonly type = 'Sequence';
  constructor(readonly normalizers: Normalizer[]) {}
  normalize(text: NormalizedText): void {
    for (const n of this.normalizers) n.normalize(text);
  }
  toJSON(): Record<string, unknown> {
    return { type: this.type, normalizers: this.normalizers.map((n) => n.toJSON()) };
  }
}

export function sequenceNormalizerComponent(child: (json: unknown, path: string) => Normalizer): NormalizerComponent {
  return {
    type: 'Sequence',
    fromJSON(json, path) {
      const o = readObject(json, path, ['normalizers']);
      const list = readArray(o, 'normalizers', path);
      return new SequenceNormalizer(list.map((j, i) => child(j, `${path}.normalizers[${i}]`)));
    },
  };
}
