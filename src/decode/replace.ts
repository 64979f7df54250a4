/**
 * Replace decoder: replaces every match of a pattern in each token (HF `Replace`). The pattern is
 * `{"String": s}` (literal) or `{"Regex": r}`; regexes are Oniguruma syntax, translated to JS by
 * src/normalize/onig-regex.ts (a pattern that cannot be translated is rejected with its JSON path).
 */
import type { Decoder } from '../core/stages.js';
import { asObject, asString, fail, reqField, sub, type JsonObject } from '../formats/hf-json/json-read.js';
import { translateOnigRegex } from '../normalize/onig-regex.js';

export type ReplacePattern = { String: string } | { Regex: string };

export class ReplaceDecoder implements Decoder {
  readonly type = 'Replace';
  private readonly regex: RegExp | null;

  constructor(readonly pattern: ReplacePattern, readonly content: string, path = 'decoder') {
    if ('Regex' in pattern) {
      // Same Oniguruma -> JS translation as the Replace normalizer and Split pre-tokenizer.
      const { source, flags } = translateOnigRegex(pattern.Regex, sub(sub(path, 'pattern'), 'Regex'));
      this.regex = new RegExp(source, flags.includes('g') ? flags : flags + 'g');
    } else this.regex = null;
  }

  static fromJSON(json: JsonObject, path: string): ReplaceDecoder {
    const pp = sub(path, 'pattern');
    const p = asObject(json['pattern'] ?? fail(pp, 'missing required field'), pp);
    let pattern: ReplacePattern;
    if ('String' in p) pattern = { String: asString(p['String'], sub(pp, 'String')) };
    else if ('Regex' in p) pattern = { Regex: asString(p['Regex'], sub(pp, 'Regex')) };
    else fail(pp, 'expected {"String": …} or {"Regex": …}');
    return new ReplaceDecoder(pattern, reqField(json, 'content', path, asString), path);
  }

  decodeChain(tokens: string[]): string[] {
    if (this.regex === null) {
      const s = (this.pattern as { String: string }).String;
      return tokens.map((t) => t.replaceAll(s, () => this.content));
    }
    const re = this.regex;
    return tokens.map((t) => t.replace(re, () => this.content));
  }

  toJSON(): JsonObject { return { type: 'Replace', pattern: { ...this.pattern }, content: this.content }; }
}
