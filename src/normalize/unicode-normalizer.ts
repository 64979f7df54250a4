/**
 * The four Unicode normalization-form normalizers (tokenizer.json `NFC`, `NFD`, `NFKC`, `NFKD`):
 * one class parameterized by the form; each form has its own file exporting its component.
 */
import type { NormalizedText, Normalizer } from '../core/stages.js';
import { asNormalizedString, type NormalizerComponent } from './component.js';
import { readObject } from './json-fields.js';
import { normalizeForm, type UnicodeForm } from './unicode-forms.js';

export class UnicodeNormalizer implements Normalizer {
  constructor(readonly type: UnicodeForm) {}
  normalize(text: NormalizedText): void {
    normalizeForm(asNormalizedString(text), this.type);
  }
  toJSON(): Record<string, unknown> {
    return { type: this.type };
  }
}

export function unicodeFormComponent(form: UnicodeForm): NormalizerComponent {
  return {
    type: form,
    fromJSON(json: unknown, path: string) {
      readObject(json, path, []);
      return new UnicodeNormalizer(form);
    },
  };
}
