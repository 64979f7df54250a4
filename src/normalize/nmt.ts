/**
 * The `Nmt` normalizer (SentencePiece's nmt rules, as HF applies them): drops ASCII/C1 control chars
 * (U+0001–0008, 000B, 000E–001F, 007F, 008F, 009F) and maps tab, LF, FF, CR, U+1680, U+200B–200F,
 * U+2028, U+2029, U+2581, U+FEFF and U+FFFD to a space (1:1, alignment kept).
 */
import type { NormalizedText, Normalizer } from '../core/stages.js';
import { asNormalizedString, type NormalizerComponent } from './component.js';
import { readObject } from './json-fields.js';

const DROP = /^[\u0001-\u0008\u000b\u000e-\u001f\u007f\u008f\u009f]$/;
const SPACE = /^[\t\n\f\r\u1680\u200b-\u200f\u2028\u2029\u2581\ufeff\ufffd]$/;

export class Nmt implements Normalizer {
  readonly type = 'Nmt';
  normalize(text: NormalizedText): void {
    const ns = asNormalizedString(text);
    ns.filter((c) => !DROP.test(c));
    ns.map((c) => (SPACE.test(c) ? ' ' : c));
  }
  toJSON(): Record<string, unknown> {
    return { type: this.type };
  }
}

export const nmtNormalizer: NormalizerComponent = {
  type: 'Nmt',
  fromJSON(json, path) {
    readObject(json, path, []);
    return new Nmt();
  },
};
