/**
 * The `ByteLevel` pre-tokenizer (GPT-2), spec: /work/shared/design/specs/training-algorithms.md §1.2.
 * 1. add_prefix_space: prepend ' ' to every split that does not start with one;
 * 2. use_regex: split each piece with the GPT-2 regex (Isolated);
 * 3. map every UTF-8 byte to its GPT-2 char (byte-level-alphabet.ts).
 * trim_offsets only matters to the post-processor/decoder; it is kept for serialization.
 */
import type { Pattern } from '../core/normalized-string.js';
import { RegexPattern } from '../normalize/pattern.js';
import { scannerPatternFor } from './scanner-pattern.js';
import type { PreTokenizedText, PreTokenizer } from '../core/stages.js';
import { byteLevelTransform } from '../normalize/byte-level.js';
import { readBool, readObject } from '../normalize/json-fields.js';
import { asPreTokenized, type PreTokenizerComponent } from './component.js';

/** GPT-2's pre-tokenization regex, in HF's Oniguruma form. */
export const GPT2_PATTERN = "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+";

let gpt2: Pattern | undefined;

/** The GPT-2 pattern, compiled once (hand-written scanner). */
export function gpt2Pattern(): Pattern {
  gpt2 ??= scannerPatternFor(GPT2_PATTERN) ?? RegexPattern.fromOnig(GPT2_PATTERN, 'ByteLevel regex');
  return gpt2;
}

export class ByteLevelPreTokenizer implements PreTokenizer {
  readonly type = 'ByteLevel';
  constructor(readonly addPrefixSpace = true, readonly trimOffsets = true, readonly useRegex = true) {}

  preTokenize(text: PreTokenizedText): void {
    const pts = asPreTokenized(text);
    const re = gpt2Pattern();
    // Always split: it also drops empty splits, as HF does.
    pts.split((_, ns) => {
      if (this.addPrefixSpace && !ns.normalized.startsWith(' ')) ns.prepend(' ');
      return this.useRegex ? ns.split(re, 'Isolated') : [ns];
    });
    pts.normalize(byteLevelTransform);
  }

  toJSON(): Record<string, unknown> {
    return { type: this.type, add_prefix_space: this.addPrefixSpace, trim_offsets: this.trimOffsets, use_regex: this.useRegex };
  }
}

export const byteLevelPreTokenizer: PreTokenizerComponent = {
  type: 'ByteLevel',
  fromJSON(json, path) {
    const o = readObject(json, path, ['add_prefix_space', 'trim_offsets', 'use_regex']);
    return new ByteLevelPreTokenizer(
      readBool(o, 'add_prefix_space', path),
      readBool(o, 'trim_offsets', path),
      readBool(o, 'use_regex', path, true),
    );
  },
};
