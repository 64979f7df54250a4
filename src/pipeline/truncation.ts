/**
 * Truncation as tokenizer.json's `truncation` describes it (HF `TruncationParams` and
 * `truncate_encodings`): longest_first / only_first / only_second, a stride for overflowing
 * windows, and a direction.
 */
import { TokenlabError } from '../core/errors.js';
import { asObject, asUint, fail, optField, reqField, sub, type JsonObject } from '../formats/hf-json/json-read.js';
import { truncateEncoding, type Direction, type HfEncoding } from '../postprocess/hf-encoding.js';

export type TruncationStrategy = 'LongestFirst' | 'OnlyFirst' | 'OnlySecond';

export interface TruncationParams {
  maxLength: number;
  strategy: TruncationStrategy;
  stride: number;
  direction: Direction;
}

function oneOf<T extends string>(values: readonly T[]) {
  return (v: unknown, path: string): T => {
    if (typeof v !== 'string' || !values.includes(v as T)) fail(path, `expected one of ${values.join(', ')}, got ${JSON.stringify(v)}`);
    return v as T;
  };
}

export const readDirection = oneOf<Direction>(['Left', 'Right']);

export function truncationFromJSON(v: unknown, path: string): TruncationParams {
  const o = asObject(v, path);
  return {
    maxLength: reqField(o, 'max_length', path, asUint),
    strategy: optField(o, 'strategy', path, oneOf<TruncationStrategy>(['LongestFirst', 'OnlyFirst', 'OnlySecond']), 'LongestFirst'),
    stride: optField(o, 'stride', path, asUint, 0),
    direction: optField(o, 'direction', path, readDirection, 'Right'),
  };
}

export function truncationToJSON(t: TruncationParams): JsonObject {
  return { direction: t.direction, max_length: t.maxLength, strategy: t.strategy, stride: t.stride };
}

/** HF `truncate_encodings`. */
export function truncateEncodings(a: HfEncoding, b: HfEncoding | undefined, p: TruncationParams): [HfEncoding, HfEncoding | undefined] {
  if (p.maxLength === 0) {
    return [truncateEncoding(a, 0, p.stride, p.direction), b === undefined ? undefined : truncateEncoding(b, 0, p.stride, p.direction)];
  }
  const total = a.ids.length + (b?.ids.length ?? 0);
  if (total <= p.maxLength) return [a, b];
  const toRemove = total - p.maxLength;
  if (p.strategy === 'LongestFirst') {
    if (b === undefined) return [truncateEncoding(a, total - toRemove, p.stride, p.direction), undefined];
    let n1 = a.ids.length;
    let n2 = b.ids.length;
    const swap = n1 > n2;
    if (swap) [n1, n2] = [n2, n1];
    n2 = n1 > p.maxLength ? n1 : Math.max(n1, p.maxLength - n1);
    if (n1 + n2 > p.maxLength) {
      n1 = Math.floor(p.maxLength / 2);
      n2 = n1 + (p.maxLength % 2);
    }
    if (swap) [n1, n2] = [n2, n1];
    return [truncateEncoding(a, n1, p.stride, p.direction), truncateEncoding(b, n2, p.stride, p.direction)];
  }
  const first = p.strategy === 'OnlyFirst';
  const target = first ? a : b;
  if (target === undefined) throw new TokenlabError('truncation strategy OnlySecond needs a pair of sequences', { path: sub('truncation', 'strategy') });
  if (target.ids.length <= toRemove) {
    throw new TokenlabError(`sequence to truncate is too short (${target.ids.length} tokens) to respect max_length ${p.maxLength}`, { path: 'truncation.max_length' });
  }
  const cut = truncateEncoding(target, target.ids.length - toRemove, p.stride, p.direction);
  return first ? [cut, b] : [a, cut];
}
