/**
 * The `Sequence` pre-tokenizer: applies its pre-tokenizers in order. The child parser is passed
 * in by pretokenize/index.ts so this file does not import the registry (no import cycle).
 */
import type { PreTokenizedText, PreTokenizer } from '../core/stages.js';
import { readArray, readObject } from '../normalize/json-fields.js';
import type { PreTokenizerComponent } from './component.js';

export class SequencePreTokenizer implements PreTokenizer {
  readonly type = 'Sequence';
  constructor(readonly pretokenizers: PreTokenizer[]) {}
  preTokenize(text: PreTokenizedText): void {
    for (const p of this.pretokenizers) p.preTokenize(text);
  }
  toJSON(): Record<string, unknown> {
    return { type: this.type, pretokenizers: this.pretokenizers.map((p) => p.toJSON()) };
  }
}

export function sequencePreTokenizerComponent(child: (json: unknown, path: string) => PreTokenizer): PreTokenizerComponent {
  return {
    type: 'Sequence',
    fromJSON(json, path) {
      const o = readObject(json, path, ['pretokenizers']);
      const list = readArray(o, 'pretokenizers', path);
      return new SequencePreTokenizer(list.map((j, i) => child(j, `${path}.pretokenizers[${i}]`)));
    },
  };
}
