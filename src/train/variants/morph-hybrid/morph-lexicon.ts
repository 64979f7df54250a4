/**
 * Root lexicons for the hybrid tokenizer, and their allomorph sets.
 *
 * Sources, first found wins:
 * 1. the Turkish Morphology-Aware Segmentation Dataset (../shared/data/turkish-morph,
 *    `data/final_core_roots.json`: `{ POS: [root, …] }`, 64,891 roots, CC BY-SA 4.0);
 * 2. the hunspell dictionary of npm `dictionary-tr`: its .dic entries that carry many affix flags
 *    (a productive stem such as `abart/11,58,…`; inflected entries such as `edildiğimin` carry
 *    none or few). Coarser, but it is what a user's clone without ../shared/data has.
 * Both are noisy at the short end (`ıs`, `vj`), and since roots win over suffixes at every position
 * (spec §5.2), a junk 2-letter root would block real suffixes: roots shorter than 4 letters are kept
 * only when dictionary-tr lists them as words. Likewise a "root" that the suffix table spells out
 * entirely (`ecek`, `lerle`: suffix chains the extraction mistook for roots) is dropped unless
 * dictionary-tr lists it (`de`, `ile` stay).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TokenlabError } from '../../../core/errors.js';
import type { MorphLanguage } from './morph-language.js';

export interface RootEntry {
  root: string;
  /** Part of speech from the lexicon (`NOUN`, `VERB`, `PROPN`, …) when known. */
  pos?: string;
}

export interface RootLexicon {
  entries: RootEntry[];
  source: string;
}

/** Where the turkish-morph dataset is looked for when no folder is given. */
export function defaultTurkishMorphDirs(cwd = process.cwd()): string[] {
  return [join(cwd, '..', 'shared', 'data', 'turkish-morph'), join(cwd, 'turkish-morph')];
}

/** Reads `data/final_core_roots.json` of the turkish-morph dataset. */
export function readTurkishMorphRoots(dir: string): RootLexicon {
  const file = join(dir, 'data', 'final_core_roots.json');
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new TokenlabError(`cannot read the root lexicon: ${(e as Error).message}`, { file });
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) throw new TokenlabError('expected an object { POS: [roots] }', { file, path: '$' });
  const entries: RootEntry[] = [];
  for (const [pos, roots] of Object.entries(json as Record<string, unknown>)) {
    if (!Array.isArray(roots)) throw new TokenlabError('expected an array of root strings', { file, path: pos });
    roots.forEach((r, i) => {
      if (typeof r !== 'string') throw new TokenlabError('expected a string', { file, path: `${pos}[${i}]` });
      entries.push({ root: r, pos });
    });
  }
  return { entries, source: `turkish-morph ${file}` };
}

/** dictionary-tr's .dic bytes, or undefined when the package is not installed. */
export async function loadDictionaryTrDic(): Promise<string | undefined> {
  try {
    const mod = (await import('dictionary-tr')) as { default: { dic: Uint8Array } };
    return new TextDecoder().decode(mod.default.dic);
  } catch {
    return undefined;
  }
}

/** `stem/flags` lines of a .dic file (first line is the count). */
function* dicLines(dic: string): Generator<{ stem: string; flags: number }> {
  const lines = dic.split('\n');
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const slash = line.indexOf('/');
    const stem = slash === -1 ? line : line.slice(0, slash);
    yield { stem, flags: slash === -1 ? 0 : line.slice(slash + 1).split(',').length };
  }
}

/** Roots from a dictionary-tr .dic: lowercase-letter stems with at least `minFlags` affix flags. */
export function dictionaryTrRoots(dic: string, minFlags = 8): RootLexicon {
  const entries: RootEntry[] = [];
  for (const { stem, flags } of dicLines(dic)) if (flags >= minFlags && /^\p{Ll}+$/u.test(stem)) entries.push({ root: stem });
  return { entries, source: `dictionary-tr .dic stems with >= ${minFlags} affix flags` };
}

/** Every word of a .dic file (for the short-root filter). */
export function dictionaryWords(dic: string): Set<string> {
  const words = new Set<string>();
  for (const { stem } of dicLines(dic)) words.add(stem);
  return words;
}

/**
 * The lexicon: turkish-morph when found (in `dir` or the default places), else dictionary-tr;
 * `dir` = `dictionary-tr` asks for the fallback explicitly.
 */
export async function loadRootLexicon(dir?: string): Promise<{ lexicon: RootLexicon; dictionary?: Set<string> }> {
  const dic = await loadDictionaryTrDic();
  const dictionary = dic !== undefined ? dictionaryWords(dic) : undefined;
  if (dir === 'dictionary-tr') {
    if (dic === undefined) throw new TokenlabError('npm package dictionary-tr is not installed (npm install dictionary-tr)');
    return { lexicon: dictionaryTrRoots(dic), dictionary: dictionary! };
  }
  const found = (dir !== undefined ? [dir] : defaultTurkishMorphDirs()).find((d) => existsSync(join(d, 'data', 'final_core_roots.json')));
  if (found !== undefined) return { lexicon: readTurkishMorphRoots(found), ...(dictionary ? { dictionary } : {}) };
  if (dir !== undefined) throw new TokenlabError(`no data/final_core_roots.json in ${dir}`);
  if (dic === undefined) throw new TokenlabError('no root lexicon: ../shared/data/turkish-morph is absent and npm package dictionary-tr is not installed');
  return { lexicon: dictionaryTrRoots(dic), dictionary: dictionary! };
}

export interface RootGroup {
  surfaces: string[];
  pos?: string;
}

/**
 * Allomorph sets from lexicon entries: letters only, at most a leading capital (acronyms such as
 * `ABRSM` are dropped — all-caps text is spelled letter by letter anyway), lowercased, at least
 * `minLength` letters, short ones checked against `dictionary`; plus softened forms (attested in `dictionary`, else by rule).
 * A surface belongs to one set: a listed root keeps its own id unless it is the softened form of
 * another listed root (then it joins that root's set); a generated form never takes a listed root.
 */
export function rootGroups(lang: MorphLanguage, entries: readonly RootEntry[], opts: { dictionary?: Set<string>; minLength?: number; shortBelow?: number } = {}): RootGroup[] {
  const suffixSurfaces = new Set(lang.suffixSets().flat());
  const minLength = opts.minLength ?? 2;
  const shortBelow = opts.shortBelow ?? 4;
  const claimed = new Set<string>();
  const groups: RootGroup[] = [];
  for (const e of entries) {
    const chars = [...e.root];
    if (chars.length < minLength || !/^\p{L}+$/u.test(e.root)) continue;
    if (chars.slice(1).some((c) => lang.toLower(c) !== c)) continue;
    const root = chars.map((c) => lang.toLower(c)).join('');
    if (claimed.has(root)) continue;
    const listed = opts.dictionary === undefined || opts.dictionary.has(root) || opts.dictionary.has(e.root);
    if (!listed && (chars.length < shortBelow || spelledBySuffixes(root, suffixSurfaces))) continue;
    claimed.add(root);
    groups.push({ surfaces: [root], ...(e.pos !== undefined ? { pos: e.pos } : {}) });
  }
  // A generated allomorph the lexicon also lists as a root of its own (ortak/ortağ) joins its root's set.
  const listedAt = new Map(groups.map((g, i) => [g.surfaces[0]!, i]));
  const isWord = opts.dictionary !== undefined ? (w: string): boolean => opts.dictionary!.has(w) : undefined;
  const merged = new Set<number>();
  groups.forEach((g, i) => {
    if (merged.has(i)) return;
    for (const s of lang.rootAllomorphs(g.surfaces[0]!, g.pos, isWord).slice(1)) {
      const other = listedAt.get(s);
      if (other !== undefined && other !== i && !merged.has(other) && groups[other]!.surfaces.length === 1) merged.add(other);
      else if (claimed.has(s)) continue;
      claimed.add(s);
      g.surfaces.push(s);
    }
  });
  return groups.filter((_, i) => !merged.has(i));
}

/**
 * Whether `word` is a concatenation of suffix surfaces of two letters or more (a suffix chain, not a
 * root); one-letter suffixes (a, k, r, …) would make most words spellable.
 */
function spelledBySuffixes(word: string, suffixes: ReadonlySet<string>): boolean {
  const ok = new Array<boolean>(word.length + 1).fill(false);
  ok[0] = true;
  for (let i = 0; i < word.length; i++) {
    if (!ok[i]) continue;
    for (let j = i + 2; j <= word.length; j++) if (suffixes.has(word.slice(i, j))) ok[j] = true;
  }
  return ok[word.length]!;
}
