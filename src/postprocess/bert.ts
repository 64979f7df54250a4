/**
 * BertProcessing: `[CLS] A [SEP]` and `[CLS] A [SEP] B [SEP]`, the second part with type id 1
 * (HF `BertProcessing`, including its handling of overflowing parts and sequence ranges).
 */
import type { JsonObject } from '../formats/hf-json/json-read.js';
import { BaseProcessor } from './processor-base.js';
import type { HfEncoding } from './hf-encoding.js';

export type SpecialPair = [string, number];

/** Wraps one encoding: `before` tokens, the encoding (its special mask reset to 0), `after` tokens. */
export function wrap(
  e: HfEncoding, before: SpecialPair[], after: SpecialPair[], typeBefore: number, typeAfter: number, seq: number, typeIds?: number,
): HfEncoding {
  const n = e.ids.length;
  const ids = [...before.map((p) => p[1]), ...e.ids, ...after.map((p) => p[1])];
  const out: HfEncoding = {
    ids,
    typeIds: [...before.map(() => typeBefore), ...(typeIds === undefined ? e.typeIds : new Array(n).fill(typeIds)), ...after.map(() => typeAfter)],
    tokens: [...before.map((p) => p[0]), ...e.tokens, ...after.map((p) => p[0])],
    wordIds: [...before.map(() => null), ...e.wordIds, ...after.map(() => null)],
    offsets: [...before.map((): [number, number] => [0, 0]), ...e.offsets, ...after.map((): [number, number] => [0, 0])],
    specialTokensMask: [...before.map(() => 1), ...new Array(n).fill(0), ...after.map(() => 1)],
    attentionMask: new Array(ids.length).fill(1),
    sequenceIds: [],
    overflowing: e.overflowing.map((o) => wrap(o, before, after, typeBefore, typeAfter, seq, typeIds)),
    sequenceRanges: new Map([[seq, [before.length, before.length + n]]]),
  };
  return out;
}

export class BertProcessor extends BaseProcessor {
  readonly type = 'BertProcessing';
  constructor(readonly sep: SpecialPair, readonly cls: SpecialPair) { super(); }

  addedTokens(isPair: boolean): number { return isPair ? 3 : 2; }

  processEncodings(encodings: HfEncoding[], addSpecialTokens: boolean): HfEncoding[] {
    if (!addSpecialTokens) return encodings;
    return encodings.map((e, i) => (i === 0 ? wrap(e, [this.cls], [this.sep], 0, 0, 0) : wrap(e, [], [this.sep], 1, 1, 1)));
  }

  toJSON(): JsonObject { return { type: 'BertProcessing', sep: [...this.sep], cls: [...this.cls] }; }
}
