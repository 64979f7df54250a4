/**
 * What every post-processor shares: HF's `PostProcessor::process` = mark input sequences 0/1,
 * `processEncodings` (list in, list out — what `Sequence` chains), then merge the list into one
 * encoding (offsets not shifted).
 */
import type { Encoding, PostProcessor } from '../core/stages.js';
import type { JsonObject } from '../formats/hf-json/json-read.js';
import { asHf, cloneEncoding, mergeEncodings, setSequenceId, type HfEncoding } from './hf-encoding.js';

export abstract class BaseProcessor implements PostProcessor {
  abstract readonly type: string;
  abstract addedTokens(isPair: boolean): number;
  abstract processEncodings(encodings: HfEncoding[], addSpecialTokens: boolean): HfEncoding[];
  abstract toJSON(): JsonObject;

  /**
   * `owned`: the caller hands the encodings over and nothing else shares their arrays (the pipeline
   * without truncation: truncated parts share offset pairs), so they are not copied first.
   */
  process(encoding: Encoding, pair: Encoding | undefined, addSpecialTokens: boolean, owned = false): HfEncoding {
    const list = pair === undefined ? [asHf(encoding)] : [asHf(encoding), asHf(pair)];
    const copies = owned ? list : list.map(cloneEncoding);
    // HF marks the overflowing parts too here (but not in `defaultProcess`).
    copies.forEach((e, i) => {
      setSequenceId(e, i);
      for (const o of e.overflowing) setSequenceId(o, i);
    });
    return mergeEncodings(this.processEncodings(copies, addSpecialTokens), false);
  }
}

/** Post-processing when the tokenizer has none (HF `default_process` + merge). */
export function defaultProcess(encoding: HfEncoding, pair: HfEncoding | undefined): HfEncoding {
  if (pair === undefined) return encoding;
  setSequenceId(encoding, 0);
  setSequenceId(pair, 1);
  return mergeEncodings([encoding, pair], false);
}

const WS = /^[\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/u;
const SPACE_CHAR = '\u0120';
function isSpaceLike(ch: string): boolean { return ch === SPACE_CHAR || WS.test(ch); }

/**
 * HF `process_offsets` (ByteLevel / Roberta `trim_offsets`): moves token offsets past leading and
 * trailing spaces (`Ġ` or Unicode White_Space) of the token; the first token keeps one leading
 * space when `addPrefixSpace` is set.
 */
export function trimOffsets(e: HfEncoding, addPrefixSpace: boolean): void {
  e.tokens.forEach((token, i) => {
    const chars = [...token];
    let lead = 0;
    while (lead < chars.length && isSpaceLike(chars[lead]!)) lead++;
    let trail = 0;
    while (trail < chars.length && isSpaceLike(chars[chars.length - 1 - trail]!)) trail++;
    if (lead === 0 && trail === 0) return;
    const off = e.offsets[i]!;
    if (lead > 0) {
      const isFirst = i === 0 || off[0] === 0;
      if (isFirst && addPrefixSpace && lead === 1) lead = 0;
      off[0] = Math.min(forward(e.text, off[0], lead), off[1]);
    }
    if (trail > 0) {
      const back = backward(e.text, off[1], trail);
      if (back >= 0) off[1] = Math.max(back, off[0]);
    }
  });
}

/** Position `n` code points after `pos` in `text` (units when the text is unknown). */
function forward(text: string | undefined, pos: number, n: number): number {
  if (text === undefined) return pos + n;
  let p = pos;
  for (let k = 0; k < n; k++) p += p + 1 < text.length && isPair(text, p) ? 2 : 1;
  return p;
}

/** Position `n` code points before `pos`, or -1 when that goes below 0 (HF's `offsets.1 >= trailing`). */
function backward(text: string | undefined, pos: number, n: number): number {
  if (text === undefined) return pos >= n ? pos - n : -1;
  let p = pos;
  for (let k = 0; k < n; k++) {
    if (p <= 0) return -1;
    p -= p >= 2 && p <= text.length && isPair(text, p - 2) ? 2 : 1;
  }
  return p;
}

function isPair(s: string, i: number): boolean {
  const a = s.charCodeAt(i);
  const b = s.charCodeAt(i + 1);
  return a >= 0xd800 && a <= 0xdbff && b >= 0xdc00 && b <= 0xdfff;
}
