/**
 * NFD/NFKD/NFC/NFKC on a NormalizedString with HF's alignments. HF runs the
 * `unicode-normalization-alignments` crate, which emits (char, change) pairs:
 * - decomposition: each input char becomes its full decomposition, first char change 0, the rest +1;
 *   runs of non-starters are then stably sorted by canonical combining class (ccc), changes travel
 *   with their chars;
 * - composition (NFC/NFKC): the canonical composition algorithm over that stream; when a starter
 *   absorbs a mark the composite's change is `starter.change + mark.change - 1`.
 * We replay exactly that algorithm. The Unicode data it needs is derived from the engine's own
 * String.prototype.normalize (cached per code point), so no tables ship with the library:
 * - full decomposition of c = c.normalize('NFD' | 'NFKD');
 * - ccc(x) > ccc(y) > 0  iff  "a"+x+y normalizes (NFD) to "a"+y+x   (`swaps`);
 * - x is a non-starter iff it swaps with U+0345 (ccc 240) one way or with U+0334 (ccc 1) the other;
 * - primary composite of (k, ch) = (k+ch).normalize('NFC') when that is a single code point.
 * Fast path: when text.normalize(form) === text the alignment is the identity and nothing changes.
 * Complexity: O(n) with per-code-point caches; the slow path only runs on text that changes.
 */
import { Changes, charsOf, type NormalizedString } from '../core/normalized-string.js';
import { hfDecompose, hfForcedStarter } from './hf-unicode.js';

export type UnicodeForm = 'NFD' | 'NFKD' | 'NFC' | 'NFKC';

const starterCache = new Map<string, boolean>();
const swapCache = new Map<string, boolean>();
const composeCache = new Map<string, string | null>();
const decompCache = [new Map<string, string[]>(), new Map<string, string[]>()];

function swaps(x: string, y: string): boolean {
  if (x === y) return false;
  const key = x + '\u0000' + y;
  let v = swapCache.get(key);
  if (v === undefined) {
    v = ('a' + x + y).normalize('NFD') === 'a' + y + x;
    swapCache.set(key, v);
  }
  return v;
}

function isStarter(c: string): boolean {
  let v = starterCache.get(c);
  if (v === undefined) {
    const cp = c.codePointAt(0)!;
    if (cp < 0x300 || hfForcedStarter(cp)) v = true;
    else v = !(swaps('\u0345', c) || swaps(c, '\u0334') || c === '\u0345' || c === '\u0334');
    starterCache.set(c, v);
  }
  return v;
}

function decompose(c: string, compat: boolean): string[] {
  const cache = decompCache[compat ? 1 : 0]!;
  let v = cache.get(c);
  if (v === undefined) {
    v = charsOf(hfDecompose(c, compat));
    cache.set(c, v);
  }
  return v;
}

function compose(k: string, ch: string): string | null {
  const key = k + ch;
  let v = composeCache.get(key);
  if (v === undefined) {
    const r = key.normalize('NFC');
    v = r !== key && charsOf(r).length === 1 ? r : null;
    composeCache.set(key, v);
  }
  return v;
}

/** The crate's decomposition stream for `text`. */
function decomposition(text: string, compat: boolean): Changes {
  const out = new Changes();
  let runStart = 0;
  const sortRun = (): void => {
    // Stable insertion sort of out[runStart..] by ccc (all non-starters).
    for (let i = runStart + 1; i < out.length; i++) {
      const c = out.chars[i]!;
      const ch = out.changes[i]!;
      let j = i - 1;
      while (j >= runStart && swaps(out.chars[j]!, c)) {
        out.chars[j + 1] = out.chars[j]!;
        out.changes[j + 1] = out.changes[j]!;
        j--;
      }
      out.chars[j + 1] = c;
      out.changes[j + 1] = ch;
    }
  };
  for (const c of charsOf(text)) {
    const d = decompose(c, compat);
    for (let j = 0; j < d.length; j++) {
      const x = d[j]!;
      if (isStarter(x)) {
        sortRun();
        out.push(x, j === 0 ? 0 : 1);
        runStart = out.length;
      } else {
        out.push(x, j === 0 ? 0 : 1);
      }
    }
  }
  sortRun();
  return out;
}

/** The crate's recomposition over a decomposition stream. */
function recomposition(dec: Changes): Changes {
  const out = new Changes();
  let composee: [string, number] | null = null;
  let lastNonStarter: string | null = null; // the char whose ccc is `last_ccc`
  let buffer: [string, number][] = [];
  const flush = (): void => {
    for (const [c, ch] of buffer) out.push(c, ch);
    buffer = [];
  };
  for (let i = 0; i < dec.length; i++) {
    const ch = dec.chars[i]!;
    const change = dec.changes[i]!;
    const starter = isStarter(ch);
    if (composee === null) {
      if (!starter) {
        out.push(ch, change);
        continue;
      }
      composee = [ch, change];
      continue;
    }
    if (lastNonStarter === null) {
      const r = compose(composee[0], ch);
      if (r !== null) {
        composee = [r, composee[1] + change - 1];
        continue;
      }
      if (starter) {
        out.push(composee[0], composee[1]);
        composee = [ch, change];
        continue;
      }
      buffer.push([ch, change]);
      lastNonStarter = ch;
      continue;
    }
    // last_ccc >= ch_class: blocked.
    const blocked = starter || !swaps(ch, lastNonStarter);
    if (blocked) {
      if (starter) {
        out.push(composee[0], composee[1]);
        flush();
        composee = [ch, change];
        lastNonStarter = null;
        continue;
      }
      buffer.push([ch, change]);
      lastNonStarter = ch;
      continue;
    }
    const r = compose(composee[0], ch);
    if (r !== null) {
      composee = [r, composee[1] + change - 1];
      continue;
    }
    buffer.push([ch, change]);
    lastNonStarter = ch;
  }
  if (composee !== null) out.push(composee[0], composee[1]);
  flush();
  return out;
}

/** Normalizes `ns` to `form` in place, keeping HF's alignments. */
export function normalizeForm(ns: NormalizedString, form: UnicodeForm): void {
  const text = ns.normalized;
  // Safe: Unicode never un-decomposes, so text stable for the newer engine tables is stable for HF's.
  if (text.normalize(form) === text) return;
  const compat = form === 'NFKD' || form === 'NFKC';
  const dec = decomposition(text, compat);
  ns.transform(form === 'NFD' || form === 'NFKD' ? dec : recomposition(dec));
}
