/**
 * The `ByteLevel` normalizer: replaces every char by the GPT-2 chars of its UTF-8 bytes
 * (first byte replaces the char, the others are insertions aligned with it).
 * Complexity: O(n), UTF-8 encoded inline (a TextEncoder call per char was the hot spot).
 */
import { Changes, type NormalizedString } from '../core/normalized-string.js';
import type { NormalizedText, Normalizer } from '../core/stages.js';
import { BYTE_TO_CHAR } from '../pretokenize/byte-level-alphabet.js';
import { asNormalizedString, type NormalizerComponent } from './component.js';
import { readObject } from './json-fields.js';

const NON_ASCII = /[^\x00-\x7f]/;

/** Maps each char of `ns` to its byte-level chars, in place. */
export function byteLevelTransform(ns: NormalizedString): void {
  const s = ns.normalized;
  if (!NON_ASCII.test(s)) {
    // ASCII: one byte per unit, so the map is 1:1 and the alignments stay as they are.
    let out = '';
    for (let i = 0; i < s.length; i++) out += BYTE_TO_CHAR[s.charCodeAt(i)]!;
    ns.mapUnitsSameShape(out);
    return;
  }
  const t = new Changes();
  const push = (b: number, first: boolean) => t.push(BYTE_TO_CHAR[b]!, first ? 0 : 1);
  for (let i = 0; i < s.length; i++) {
    let cp = s.charCodeAt(i);
    if (cp < 0x80) {
      push(cp, true);
      continue;
    }
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < s.length) {
      const lo = s.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
        i++;
      }
    }
    // A lone surrogate is encoded as U+FFFD (what HF receives from the JS binding).
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    if (cp < 0x800) {
      push(0xc0 | (cp >> 6), true);
      push(0x80 | (cp & 0x3f), false);
    } else if (cp < 0x10000) {
      push(0xe0 | (cp >> 12), true);
      push(0x80 | ((cp >> 6) & 0x3f), false);
      push(0x80 | (cp & 0x3f), false);
    } else {
      push(0xf0 | (cp >> 18), true);
      push(0x80 | ((cp >> 12) & 0x3f), false);
      push(0x80 | ((cp >> 6) & 0x3f), false);
      push(0x80 | (cp & 0x3f), false);
    }
  }
  ns.transform(t);
}

export class ByteLevelNormalizer implements Normalizer {
  readonly type = 'ByteLevel';
  normalize(text: NormalizedText): void {
    byteLevelTransform(asNormalizedString(text));
  }
  toJSON(): Record<string, unknown> {
    return { type: this.type };
  }
}

export const byteLevelNormalizer: NormalizerComponent = {
  type: 'ByteLevel',
  fromJSON(json, path) {
    readObject(json, path, []);
    return new ByteLevelNormalizer();
  },
};
