/**
 * The `BertNormalizer` (HF): in order
 * 1. clean_text: drop U+0000, U+FFFD and control chars (category C except \t \n \r), map White_Space
 *    (and \t \n \r) to ' ';
 * 2. handle_chinese_chars: surround CJK ideographs with spaces (both aligned with the ideograph);
 * 3. strip_accents (null = follow `lowercase`): NFD then drop nonspacing marks (Mn);
 * 4. lowercase.
 */
import { Changes, charsOf, isWhiteSpace } from '../core/normalized-string.js';
import type { NormalizedText, Normalizer } from '../core/stages.js';
import { asNormalizedString, type NormalizerComponent } from './component.js';
import { readBool, readObject, readOptionalBool } from './json-fields.js';
import { hfIsNonspacingMark, hfIsOther, mayHaveNonspacingMark, mayHaveOther } from './hf-unicode.js';
import { normalizeForm } from './unicode-forms.js';


/** White_Space other than ' ' (what clean_text maps to ' '). */
const OTHER_SPACE = /[\t-\r\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;

function isControl(c: string): boolean {
  if (c === '\t' || c === '\n' || c === '\r') return false;
  return hfIsOther(c);
}

/** BERT's CJK ideograph blocks (the CJK Unified Ideographs and their extensions/compatibility). */
export function isChineseChar(c: string): boolean {
  const cp = c.codePointAt(0)!;
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x20000 && cp <= 0x2a6df) ||
    (cp >= 0x2a700 && cp <= 0x2b73f) ||
    (cp >= 0x2b740 && cp <= 0x2b81f) ||
    (cp >= 0x2b920 && cp <= 0x2ceaf) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x2f800 && cp <= 0x2fa1f)
  );
}

export class BertNormalizer implements Normalizer {
  readonly type = 'BertNormalizer';
  constructor(
    readonly cleanText = true,
    readonly handleChineseChars = true,
    readonly stripAccents: boolean | null = null,
    readonly lowercase = true,
  ) {}

  normalize(text: NormalizedText): void {
    const ns = asNormalizedString(text);
    if (this.cleanText) {
      // Whole-string pre-checks skip the per-char passes when they cannot change anything.
      if (mayHaveOther(ns.normalized)) ns.filter((c) => !(c === '\u0000' || c === '\ufffd' || isControl(c)));
      if (OTHER_SPACE.test(ns.normalized)) {
        ns.map((c) => (c === '\t' || c === '\n' || c === '\r' || isWhiteSpace(c) ? ' ' : c));
      }
    }
    if (this.handleChineseChars && /[^\u0000-\u33ff]/.test(ns.normalized)) {
      const t = new Changes();
      for (const c of charsOf(ns.normalized)) {
        if (isChineseChar(c)) {
          t.push(' ', 0);
          t.push(c, 1);
          t.push(' ', 1);
        } else {
          t.push(c, 0);
        }
      }
      ns.transform(t);
    }
    if (this.stripAccents ?? this.lowercase) {
      normalizeForm(ns, 'NFD');
      if (mayHaveNonspacingMark(ns.normalized)) ns.filter((c) => !hfIsNonspacingMark(c));
    }
    if (this.lowercase) ns.lowercase();
  }

  toJSON(): Record<string, unknown> {
    return {
      type: this.type,
      clean_text: this.cleanText,
      handle_chinese_chars: this.handleChineseChars,
      strip_accents: this.stripAccents,
      lowercase: this.lowercase,
    };
  }
}

export const bertNormalizer: NormalizerComponent = {
  type: 'BertNormalizer',
  fromJSON(json, path) {
    const o = readObject(json, path, ['clean_text', 'handle_chinese_chars', 'strip_accents', 'lowercase']);
    return new BertNormalizer(
      readBool(o, 'clean_text', path, true),
      readBool(o, 'handle_chinese_chars', path, true),
      readOptionalBool(o, 'strip_accents', path),
      readBool(o, 'lowercase', path, true),
    );
  },
};
