/** The `NFC` normalizer: Unicode normalization form NFC with HF alignments (see unicode-forms.ts). */
import { unicodeFormComponent } from './unicode-normalizer.js';

export const nfcNormalizer = unicodeFormComponent('NFC');
