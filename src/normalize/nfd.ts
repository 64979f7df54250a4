/** The `NFD` normalizer: Unicode normalization form NFD with HF alignments (see unicode-forms.ts). */
import { unicodeFormComponent } from './unicode-normalizer.js';

export const nfdNormalizer = unicodeFormComponent('NFD');
