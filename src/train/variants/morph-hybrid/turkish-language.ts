/**
 * Turkish for the hybrid tokenizer: Turkish casing (I/ı, İ/i), root allomorphs by consonant
 * softening, and the surface realizer that picks an allomorph from vowel harmony, the hardness of
 * the preceding consonant and whether a vowel follows (spec §5.2 step 4).
 */
import type { MorphLanguage, RealizeContext } from './morph-language.js';
import { turkishSuffixSets } from './turkish-suffixes.js';

const VOWELS = new Set([...'aeıioöuüâîû']);
const BACK = new Set([...'aıouâû']);
/** Four-way harmony (I-type suffixes): the high vowel that follows each vowel. */
const HIGH_AFTER: Readonly<Record<string, string>> = { a: 'ı', ı: 'ı', â: 'ı', e: 'i', i: 'i', î: 'i', o: 'u', u: 'u', û: 'u', ö: 'ü', ü: 'ü' };
const HIGH = new Set([...'ıiuü']);
const LOW = new Set([...'ae']);
/** "Fıstıkçı Şahap": voiceless consonants, after which d/c of a suffix become t/ç. */
const HARD = new Set([...'fstkçşhp']);
const HARD_INITIAL = new Set([...'tç']);
const SOFT_INITIAL = new Set([...'dc']);
/** Final consonant softening before a vowel: p→b, ç→c, t→d, k→ğ (nk→ng). */
const SOFTENED_FINAL = new Set([...'bcdğg']);
const HARD_FINAL = new Set([...'pçtk']);
/** Monosyllabic roots that soften anyway (most monosyllables keep their consonant: at → atı). */
const MONOSYLLABIC_SOFTENING = new Set(['çok', 'gök', 'yurt', 'kurt', 'dert', 'uç', 'taç', 'dip', 'renk', 'denk']);
/** Verb roots whose t becomes d before a vowel (git → gidiyor, et → ediyor). */
const VERB_T_TO_D = new Set(['git', 'et', 'tat', 'güt']);
const APOSTROPHES = new Set(["'", '\u2019']);

function lower(ch: string): string {
  if (ch === 'I') return 'ı';
  if (ch === 'İ') return 'i';
  const l = ch.toLowerCase();
  return [...l].length === 1 ? l : ch;
}

function upper(ch: string): string {
  if (ch === 'i') return 'İ';
  if (ch === 'ı') return 'I';
  const u = ch.toUpperCase();
  return [...u].length === 1 ? u : ch;
}

function vowelCount(s: string): number {
  let n = 0;
  for (const c of s) if (VOWELS.has(c)) n++;
  return n;
}

function soften(root: string): string | undefined {
  const last = root.at(-1)!;
  const head = root.slice(0, -1);
  if (last === 'p') return head + 'b';
  if (last === 'ç') return head + 'c';
  if (last === 't') return head + 'd';
  if (last === 'k') return head + (head.endsWith('n') ? 'g' : 'ğ');
  return undefined;
}

/** The word being built just before a token: its last letter and last vowel (lowercased). */
interface WordTail {
  lastLetter?: string;
  lastVowel?: string;
}

/** Reads the trailing letters of `before`, skipping apostrophes (Ankara'da harmonizes with Ankara). */
function wordTail(before: string): WordTail {
  const chars = [...before];
  let i = chars.length - 1;
  while (i >= 0 && APOSTROPHES.has(chars[i]!)) i--;
  const tail: WordTail = {};
  for (; i >= 0 && /\p{L}/u.test(chars[i]!); i--) {
    const c = lower(chars[i]!);
    if (tail.lastLetter === undefined) tail.lastLetter = c;
    if (VOWELS.has(c)) {
      tail.lastVowel = c;
      break;
    }
  }
  return tail;
}

function firstVowel(s: string): string | undefined {
  for (const c of s) if (VOWELS.has(c)) return c;
  return undefined;
}

/** Narrows `cands` to those passing `keep`, unless none would pass. */
function narrow(cands: string[], keep: (s: string) => boolean): string[] {
  const k = cands.filter(keep);
  return k.length > 0 ? k : cands;
}

export function realizeTurkish(surfaces: readonly string[], ctx: RealizeContext): string {
  if (surfaces.length === 1) return surfaces[0]!;
  const tail = wordTail(ctx.before);
  let cands = [...surfaces];
  const v = tail.lastVowel;
  if (v !== undefined) {
    const high = HIGH_AFTER[v]!;
    const low = BACK.has(v) ? 'a' : 'e';
    cands = narrow(cands, (s) => {
      const x = firstVowel(s);
      return x === undefined || (HIGH.has(x) ? x === high : LOW.has(x) ? x === low : true);
    });
  }
  if (cands.some((s) => HARD_INITIAL.has(s[0]!)) && cands.some((s) => SOFT_INITIAL.has(s[0]!))) {
    const hard = tail.lastLetter !== undefined && HARD.has(tail.lastLetter);
    cands = narrow(cands, (s) => (hard ? HARD_INITIAL : SOFT_INITIAL).has(s[0]!));
  }
  if (cands.some((s) => HARD_FINAL.has(s.at(-1)!)) && cands.some((s) => SOFTENED_FINAL.has(s.at(-1)!))) {
    cands = narrow(cands, (s) => (ctx.nextVowelInitial ? SOFTENED_FINAL : HARD_FINAL).has(s.at(-1)!));
  }
  return cands[0]!;
}

export const turkish: MorphLanguage = {
  code: 'tr',
  toLower: lower,
  toUpper: upper,
  isVowel: (ch) => VOWELS.has(lower(ch)),
  rootAllomorphs(root, pos, isWord) {
    const out = [root];
    if (pos === 'PROPN') return out; // written unsoftened before the apostrophe: Zonguldak'a
    const last = root.at(-1);
    if (last === undefined || !HARD_FINAL.has(last) || vowelCount(root) === 0) return out;
    const soft = soften(root)!;
    if (pos === 'VERB') return VERB_T_TO_D.has(root) ? [root, soft] : out;
    // Evidence first: a dictionary that has kanadı but not kanatı says kanat softens; one that has
    // hukuku but not hukuğu says it does not. A monosyllable's soft form + vowel is too often another
    // word (geç → gece, ot → oda), so there evidence may only veto.
    if (isWord !== undefined) {
      const softSeen = [...'ıiuüae'].some((v) => isWord(soft + v));
      const hardSeen = [...'ıiuüae'].some((v) => isWord(root + v));
      if (hardSeen && !softSeen) return out;
      if (softSeen && !hardSeen && vowelCount(root) >= 2) return [root, soft];
    }
    const byRule = last === 't'
      ? MONOSYLLABIC_SOFTENING.has(root) // most -t loans keep it: devlet → devleti
      : vowelCount(root) >= 2 || MONOSYLLABIC_SOFTENING.has(root) || root.endsWith('nk');
    return byRule ? [root, soft] : out;
  },
  suffixSets: turkishSuffixSets,
  realize: realizeTurkish,
};
