/**
 * A `LanguageValidator` from a hunspell dictionary of npm's `dictionary-*` packages, via `nspell`.
 *
 * - valid word = hunspell accepts it (stems with their affix rules, and hunspell's case rules:
 *   "Evler" is accepted when "evler" is).
 * - root = the word itself when it is a stem of the .dic file (a lexicon entry before affixation),
 *   else undefined. This is our offline stand-in for the morphological analyser's "root = token"
 *   test in the Turkish %Pure procedure: a stem cannot be decomposed further by this dictionary.
 *
 * Loading cost is nspell's (it expands affix rules up front): about 0.5 s for English, 3–5 s for
 * German and Spanish, 8 s Turkish, 12 s Russian, 27 s French on this machine — load only what the
 * run needs.
 */
import { TokenlabError } from '../core/errors.js';
import type { LanguageValidator } from './word-validity.js';

/** ISO 639-3 → npm package with the hunspell dictionary (the ones tokenlab depends on). */
export const HUNSPELL_PACKAGES: Readonly<Record<string, string>> = {
  eng: 'dictionary-en',
  tur: 'dictionary-tr',
  deu: 'dictionary-de',
  fra: 'dictionary-fr',
  spa: 'dictionary-es',
  rus: 'dictionary-ru',
};

interface NSpell {
  correct(word: string): boolean;
}

/** The stems of a .dic file: first line is a count, then `stem[/FLAGS][ morph fields]`. */
export function dicStems(dic: string): Set<string> {
  const stems = new Set<string>();
  const lines = dic.split('\n');
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '' || line.startsWith('#')) continue;
    let end = line.length;
    for (let k = 0; k < line.length; k++) {
      const c = line[k];
      if (c === '\\') { k++; continue; }
      if (c === '/' || c === '\t' || c === ' ') { end = k; break; }
    }
    const stem = line.slice(0, end).replaceAll('\\/', '/');
    if (stem) stems.add(stem);
  }
  return stems;
}

export function hunspellValidator(language: string, aff: Uint8Array | string, dic: Uint8Array | string, nspell: (d: { aff: Uint8Array | string; dic: Uint8Array | string }) => NSpell, source: string): LanguageValidator {
  const spell = nspell({ aff, dic });
  const stems = dicStems(typeof dic === 'string' ? dic : new TextDecoder().decode(dic));
  const cache = new Map<string, boolean>();
  return {
    language,
    source,
    isValidWord: (w) => {
      let ok = cache.get(w);
      if (ok === undefined) {
        ok = /\p{L}/u.test(w) && spell.correct(w);
        cache.set(w, ok);
      }
      return ok;
    },
    rootOf: (w) => (stems.has(w) ? w : undefined),
  };
}

/** Loads the hunspell validator for an ISO 639-3 language from its npm dictionary package. */
export async function loadHunspellValidator(language: string): Promise<LanguageValidator> {
  const pkg = HUNSPELL_PACKAGES[language];
  if (pkg === undefined) {
    throw new TokenlabError(`no hunspell dictionary for language ${JSON.stringify(language)} (available: ${Object.keys(HUNSPELL_PACKAGES).join(', ')})`);
  }
  let dict: { aff: Uint8Array; dic: Uint8Array };
  let nspell: (d: { aff: Uint8Array | string; dic: Uint8Array | string }) => NSpell;
  try {
    dict = ((await import(pkg)) as { default: { aff: Uint8Array; dic: Uint8Array } }).default;
    nspell = ((await import('nspell')) as { default: typeof nspell }).default;
  } catch (e) {
    throw new TokenlabError(`cannot load hunspell dictionary ${pkg}: ${(e as Error).message} (npm install ${pkg} nspell)`);
  }
  return hunspellValidator(language, dict.aff, dict.dic, nspell, `hunspell ${pkg}`);
}
