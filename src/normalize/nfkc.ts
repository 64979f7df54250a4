/** The `NFKC` normalizer: Unicode normalization form NFKC with HF alignments (see unicode-forms.ts). */
import { unicodeFormComponent } from './unicode-normalizer.js';

export const nfkcNormalizer = unicodeFormComponent('NFKC');
