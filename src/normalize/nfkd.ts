/** The `NFKD` normalizer: Unicode normalization form NFKD with HF alignments (see unicode-forms.ts). */
import { unicodeFormComponent } from './unicode-normalizer.js';

export const nfkdNormalizer = unicodeFormComponent('NFKD');
