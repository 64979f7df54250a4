/**
 * The working form of an Encoding inside the pipeline, as HF's `Encoding`: the public parallel
 * arrays plus `sequenceRanges` (which token range belongs to input sequence 0 or 1). HF derives
 * sequence ids from these ranges, and the subtle cases (an encoding without ranges counts as all
 * sequence 0; truncation clears them; overflowing parts keep none) only come out right by keeping
 * them. `finalizeEncoding` turns a working encoding into the public one.
 *
 * Operations mirror HF: `mergeEncodings` (with the cross-product of overflowing parts),
 * `truncateEncoding` (stride windows, both directions), `padEncoding`.
 */
import type { Encoding } from '../core/stages.js';
import { TokenlabError } from '../core/errors.js';

export interface HfEncoding extends Encoding {
  sequenceRanges: Map<number, [number, number]>;
  overflowing: HfEncoding[];
  /**
   * The input text of a single-sequence encoding (before merging). HF does offset arithmetic in
   * code points (ByteLevel/Roberta `trim_offsets`); with the text we can step in code points too.
   */
  text?: string;
}

export function emptyEncoding(): HfEncoding {
  return {
    ids: [], tokens: [], offsets: [], typeIds: [], specialTokensMask: [], attentionMask: [],
    sequenceIds: [], wordIds: [], overflowing: [], sequenceRanges: new Map(),
  };
}

/** Accepts a public Encoding (e.g. from a user) and gives it ranges consistent with its sequence ids. */
export function asHf(e: Encoding): HfEncoding {
  if ('sequenceRanges' in e && e.sequenceRanges instanceof Map) return e as HfEncoding;
  const ranges = new Map<number, [number, number]>();
  e.sequenceIds.forEach((s, i) => {
    if (s === null) return;
    const r = ranges.get(s);
    if (r === undefined) ranges.set(s, [i, i + 1]); else r[1] = i + 1;
  });
  if (ranges.size === 1 && ranges.has(0) && ranges.get(0)![0] === 0 && ranges.get(0)![1] === e.ids.length) ranges.clear();
  return { ...e, overflowing: e.overflowing.map(asHf), sequenceRanges: ranges };
}

export function cloneEncoding(e: HfEncoding): HfEncoding {
  return {
    ids: [...e.ids], tokens: [...e.tokens], offsets: e.offsets.map(([a, b]) => [a, b]), typeIds: [...e.typeIds],
    specialTokensMask: [...e.specialTokensMask], attentionMask: [...e.attentionMask], sequenceIds: [...e.sequenceIds],
    wordIds: [...e.wordIds], overflowing: e.overflowing.map(cloneEncoding),
    sequenceRanges: new Map([...e.sequenceRanges].map(([k, [a, b]]) => [k, [a, b]])),
    ...(e.text !== undefined ? { text: e.text } : {}),
  };
}

/** An encoding of special tokens added by a post-processor: offsets (0,0), mask 1, no word. */
export function specialEncoding(ids: number[], tokens: string[], typeId: number): HfEncoding {
  const n = ids.length;
  return {
    ids: [...ids], tokens: [...tokens], offsets: ids.map(() => [0, 0]), typeIds: new Array(n).fill(typeId),
    specialTokensMask: new Array(n).fill(1), attentionMask: new Array(n).fill(1), sequenceIds: new Array(n).fill(null),
    wordIds: new Array(n).fill(null), overflowing: [], sequenceRanges: new Map(),
  };
}

export function setSequenceId(e: HfEncoding, id: number): void {
  e.sequenceRanges.set(id, [0, e.ids.length]);
}

/** HF `get_sequence_ids`. */
export function sequenceIdsOf(e: HfEncoding): (number | null)[] {
  const n = e.ids.length;
  if (e.sequenceRanges.size === 0) return new Array(n).fill(0);
  const out: (number | null)[] = new Array(n).fill(null);
  const count = e.sequenceRanges.size;
  for (let s = 0; s < count; s++) {
    const [a, b] = e.sequenceRanges.get(s) ?? [0, n];
    for (let i = a; i < b && i < n; i++) out[i] = s;
  }
  return out;
}

/** Appends in a loop (`push(...src)` overflows the stack for long encodings). */
function append<T>(dst: T[], src: readonly T[]): void {
  for (let i = 0; i < src.length; i++) dst.push(src[i]!);
}

/** HF `Encoding::merge_with`. */
export function mergeWith(self: HfEncoding, pair: HfEncoding, growingOffsets: boolean): HfEncoding {
  const overflowings: HfEncoding[] = [];
  for (const so of self.overflowing) {
    overflowings.push(mergeWith(cloneEncoding(so), cloneEncoding(pair), growingOffsets));
    for (const po of pair.overflowing) overflowings.push(mergeWith(cloneEncoding(so), cloneEncoding(po), growingOffsets));
  }
  for (const po of pair.overflowing) overflowings.push(mergeWith(cloneEncoding(self), cloneEncoding(po), growingOffsets));
  const len = self.ids.length;
  for (const [k, [a, b]] of pair.sequenceRanges) self.sequenceRanges.set(k, [len + a, len + b]);
  let shift = 0;
  if (growingOffsets && self.offsets.length > 0) shift = self.offsets[self.offsets.length - 1]![1];
  append(self.ids, pair.ids);
  append(self.typeIds, pair.typeIds);
  append(self.tokens, pair.tokens);
  append(self.wordIds, pair.wordIds);
  for (const [a, b] of pair.offsets) self.offsets.push([a + shift, b + shift]);
  append(self.specialTokensMask, pair.specialTokensMask);
  append(self.attentionMask, pair.attentionMask);
  self.overflowing = overflowings;
  return self;
}

/**
 * HF `Encoding::merge`: folds left over the list, starting from an empty encoding. The first
 * encoding is taken over (mutated and returned) instead of copied into an empty one — callers pass
 * encodings they own; the result is the same as merging into empty (no `text`, overflowing copied).
 */
export function mergeEncodings(encodings: HfEncoding[], growingOffsets: boolean): HfEncoding {
  const [first, ...rest] = encodings;
  if (first === undefined) return emptyEncoding();
  let out = first;
  delete out.text;
  out.overflowing = first.overflowing.map((o) => mergeWith(emptyEncoding(), cloneEncoding(o), growingOffsets));
  for (const e of rest) out = mergeWith(out, e, growingOffsets);
  return out;
}

function sliceEncoding(e: HfEncoding, start: number, stop: number): HfEncoding {
  return {
    ids: e.ids.slice(start, stop), tokens: e.tokens.slice(start, stop), offsets: e.offsets.slice(start, stop),
    typeIds: e.typeIds.slice(start, stop), specialTokensMask: e.specialTokensMask.slice(start, stop),
    attentionMask: e.attentionMask.slice(start, stop), sequenceIds: [], wordIds: e.wordIds.slice(start, stop),
    overflowing: [], sequenceRanges: new Map(),
    ...(e.text !== undefined ? { text: e.text } : {}),
  };
}

export type Direction = 'Left' | 'Right';

/** HF `Encoding::truncate`: keeps `maxLen` tokens; the rest become overflowing windows with `stride` overlap. */
export function truncateEncoding(e: HfEncoding, maxLen: number, stride: number, direction: Direction): HfEncoding {
  const n = e.ids.length;
  if (maxLen >= n) return e;
  if (maxLen === 0) {
    const whole = { ...e };
    const out = emptyEncoding();
    out.overflowing.push(whole);
    return out;
  }
  if (stride >= maxLen) {
    // HF panics here; we refuse with an error that names the setting.
    throw new TokenlabError(`truncation stride (${stride}) must be strictly less than the length a sequence is truncated to (${maxLen}; max_length minus added special tokens, shared between a pair)`, { path: 'truncation.stride' });
  }
  const offset = maxLen - stride;
  const parts: [number, number][] = [];
  let end = false;
  if (direction === 'Right') {
    for (let start = 0; start < n && !end; start += offset) {
      const stop = Math.min(start + maxLen, n);
      end = stop === n;
      parts.push([start, stop]);
    }
  } else {
    for (let s = n - 1; s >= 0 && !end; s -= offset) {
      const stop = s + 1;
      const start = Math.max(0, stop - maxLen);
      if (start < stop) { end = start === 0; parts.push([start, stop]); }
    }
  }
  const [first, ...rest] = parts;
  const main = sliceEncoding(e, first![0], first![1]);
  for (const [a, b] of rest) main.overflowing.push(sliceEncoding(e, a, b));
  return main;
}

export interface PadOptions {
  direction: Direction;
  padId: number;
  padTypeId: number;
  padToken: string;
}

/** HF `Encoding::pad`: pads the overflowing parts too. */
export function padEncoding(e: HfEncoding, target: number, o: PadOptions): void {
  for (const ov of e.overflowing) padEncoding(ov, target, o);
  const n = e.ids.length;
  if (n >= target) return;
  const k = target - n;
  // Built with loops, not push(...spread): a Fixed length can be large enough to overflow the stack.
  const pad = <T>(arr: T[], v: () => T): T[] => {
    const fill: T[] = new Array(k);
    for (let i = 0; i < k; i++) fill[i] = v();
    return o.direction === 'Left' ? fill.concat(arr) : arr.concat(fill);
  };
  e.ids = pad(e.ids, () => o.padId);
  e.typeIds = pad(e.typeIds, () => o.padTypeId);
  e.tokens = pad(e.tokens, () => o.padToken);
  e.wordIds = pad<number | null>(e.wordIds, () => null);
  e.attentionMask = pad(e.attentionMask, () => 0);
  e.specialTokensMask = pad(e.specialTokensMask, () => 1);
  e.offsets = pad<[number, number]>(e.offsets, () => [0, 0]);
  if (o.direction === 'Left') for (const r of e.sequenceRanges.values()) { r[0] += k; r[1] += k; }
}

/** The public Encoding: sequence ids computed from the ranges, recursively; the ranges dropped. */
export function finalizeEncoding(e: HfEncoding): Encoding {
  return {
    ids: e.ids, tokens: e.tokens, offsets: e.offsets, typeIds: e.typeIds, specialTokensMask: e.specialTokensMask,
    attentionMask: e.attentionMask, sequenceIds: sequenceIdsOf(e), wordIds: e.wordIds,
    overflowing: e.overflowing.map(finalizeEncoding),
  };
}
