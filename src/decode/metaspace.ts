/**
 * Metaspace decoder: the replacement character (default `▁`) becomes a space, except in the first
 * token where, unless `prepend_scheme` is "never", every replacement character is dropped — HF's
 * exact rule, which also drops a second `▁` at the very start.
 */
import type { Decoder } from '../core/stages.js';
import { asBool, asChar, fail, optField, sub, type JsonObject } from '../formats/hf-json/json-read.js';

export type PrependScheme = 'always' | 'first' | 'never';

export class MetaspaceDecoder implements Decoder {
  readonly type = 'Metaspace';
  constructor(readonly replacement = '\u2581', readonly prependScheme: PrependScheme = 'always', readonly split = true) {}

  static fromJSON(json: JsonObject, path: string): MetaspaceDecoder {
    const replacement = optField(json, 'replacement', path, asChar, '\u2581');
    const aps = json['add_prefix_space'];
    let scheme: PrependScheme;
    const raw = json['prepend_scheme'];
    if (raw === undefined || raw === null) {
      scheme = aps === false ? 'never' : 'always';
    } else {
      if (raw !== 'always' && raw !== 'first' && raw !== 'never') fail(sub(path, 'prepend_scheme'), `expected "always", "first" or "never", got ${JSON.stringify(raw)}`);
      scheme = raw;
      if (aps === false && scheme !== 'never') fail(sub(path, 'add_prefix_space'), 'add_prefix_space does not match declared prepend_scheme');
    }
    return new MetaspaceDecoder(replacement, scheme, optField(json, 'split', path, asBool, true));
  }

  decodeChain(tokens: string[]): string[] {
    return tokens.map((t, i) => {
      let s = '';
      for (const ch of t) {
        if (ch === this.replacement) { if (!(i === 0 && this.prependScheme !== 'never')) s += ' '; }
        else s += ch;
      }
      return s;
    });
  }

  toJSON(): JsonObject {
    return { type: 'Metaspace', replacement: this.replacement, prepend_scheme: this.prependScheme, split: this.split };
  }
}
