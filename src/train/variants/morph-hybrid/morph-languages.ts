/** The languages the hybrid tokenizer knows, by the code written in its vocabulary file. */
import { TokenlabError } from '../../../core/errors.js';
import type { MorphLanguage } from './morph-language.js';
import { turkish } from './turkish-language.js';

const LANGUAGES: ReadonlyMap<string, MorphLanguage> = new Map([[turkish.code, turkish]]);

export function morphLanguage(code: string, where: { file?: string; path?: string } = {}): MorphLanguage {
  const lang = LANGUAGES.get(code);
  if (lang === undefined) throw new TokenlabError(`unknown morph-hybrid language ${JSON.stringify(code)} (known: ${[...LANGUAGES.keys()].join(', ')})`, where);
  return lang;
}
