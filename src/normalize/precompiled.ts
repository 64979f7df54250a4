/**
 * The `Precompiled` normalizer: SentencePiece's normalization rules (nmt_nfkc, …) from a
 * base64 `precompiled_charsmap`, applied as HF does: for each extended grapheme cluster,
 * if it is shorter than 6 UTF-8 bytes and some rule key prefixes it, the WHOLE grapheme is replaced
 * by that rule's string; otherwise each char is replaced by its rule (or kept).
 * Alignment: replacement chars are replacements (change 0); extra chars are insertions at the
 * end, a shorter replacement folds the removed count into its last char (HF's `replace`).
 * Complexity: O(n) grapheme segmentation (chunked, see graphemes.ts) plus cached trie lookups.
 */
import { TokenlabError } from '../core/errors.js';
import { Changes, charsOf } from '../core/normalized-string.js';
import type { NormalizedText, Normalizer } from '../core/stages.js';
import { asNormalizedString, type NormalizerComponent } from './component.js';
import { graphemes } from './graphemes.js';
import { readObject, readString } from './json-fields.js';
import { PrecompiledCharsmap } from './precompiled-charsmap.js';


function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function pushReplacement(t: Changes, oldPart: string, newPart: string): void {
  const oldCount = charsOf(oldPart).length;
  const newChars = charsOf(newPart);
  const diff = newChars.length - oldCount;
  for (const c of newChars) t.push(c, 0);
  if (diff > 0) {
    for (let k = 0; k < diff; k++) t.changes[t.length - 1 - k] = 1;
  } else if (diff < 0 && t.length > 0) {
    // HF adds the diff to the last transformation even if this replacement was empty.
    t.changes[t.length - 1] = t.changes[t.length - 1]! + diff;
  }
}

export class Precompiled implements Normalizer {
  readonly type = 'Precompiled';
  private readonly charsmap: PrecompiledCharsmap;

  constructor(readonly precompiledCharsmap: string, path = 'normalizer') {
    const bytes = Buffer.from(precompiledCharsmap, 'base64');
    this.charsmap = new PrecompiledCharsmap(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), `${path}.precompiled_charsmap`);
  }

  normalize(text: NormalizedText): void {
    const ns = asNormalizedString(text);
    const t = new Changes();
    let modified = false;
    for (const g of graphemes(ns.normalized)) {
      if (utf8Length(g) < 6) {
        const norm = this.charsmap.transform(g);
        if (norm !== undefined) {
          modified = true;
          pushReplacement(t, g, norm);
          continue;
        }
      }
      for (const c of charsOf(g)) {
        const norm = this.charsmap.transform(c);
        if (norm !== undefined) {
          modified = true;
          pushReplacement(t, c, norm);
        } else {
          t.push(c, 0);
        }
      }
    }
    if (modified) ns.transform(t);
  }

  toJSON(): Record<string, unknown> {
    return { type: this.type, precompiled_charsmap: this.precompiledCharsmap };
  }
}

export const precompiledNormalizer: NormalizerComponent = {
  type: 'Precompiled',
  fromJSON(json, path) {
    const o = readObject(json, path, ['precompiled_charsmap']);
    const b64 = readString(o, 'precompiled_charsmap', path);
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) {
      throw new TokenlabError('precompiled_charsmap is not valid base64', { path: `${path}.precompiled_charsmap` });
    }
    return new Precompiled(b64, path);
  },
};
