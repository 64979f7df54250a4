/**
 * FLORES-200 as an evaluation corpus: 997 dev + 1012 devtest sentences in 205 language varieties,
 * line i aligned across files (`<dir>/dev/<code>.dev`, `<dir>/devtest/<code>.devtest`, codes
 * `eng_Latn`). Units are sentences (`dev:1`, `devtest:1`, …), reference `eng_Latn`.
 *
 * Petrov et al. join dev and devtest with single spaces and tokenize once; we tokenize sentence by
 * sentence, so a premium compares aligned sentences (the sums differ from theirs by at most the
 * joining spaces' tokens). The data is not in the package: it lives in the project's shared data
 * (`../shared/data/flores200`) or any folder given.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TokenlabError } from '../core/errors.js';
import type { Corpus, CorpusDoc } from './corpus.js';
import { languageNameOf, parseFloresCode } from './languages.js';

const SPLITS = ['dev', 'devtest'] as const;

/** Where FLORES-200 is looked for when no folder is given, first hit wins. */
export function defaultFloresDirs(cwd = process.cwd()): string[] {
  return [join(cwd, '..', 'shared', 'data', 'flores200'), join(cwd, 'flores200')];
}

export function floresCorpus(dir?: string): Corpus {
  const candidates = dir !== undefined ? [dir] : defaultFloresDirs();
  const root = candidates.find((d) => existsSync(join(d, 'dev')) || existsSync(join(d, 'devtest')));
  if (root === undefined) {
    throw new TokenlabError(`FLORES-200 not found at ${candidates.join(' or ')} (expected dev/ and devtest/ folders; pass --flores DIR)`);
  }
  const codes = new Set<string>();
  for (const split of SPLITS) {
    const sub = join(root, split);
    if (!existsSync(sub)) continue;
    for (const f of readdirSync(sub)) if (f.endsWith(`.${split}`)) codes.add(f.slice(0, -split.length - 1));
  }
  if (codes.size === 0) throw new TokenlabError(`no FLORES-200 files (<code>.dev, <code>.devtest) in ${root}`);
  const docs: CorpusDoc[] = [...codes].sort().map((code) => {
    const parsed = parseFloresCode(code);
    return {
      code,
      ...(parsed ? { iso6393: parsed.iso6393, script: parsed.script } : {}),
      name: (parsed && languageNameOf(parsed.iso6393)) ?? code,
      units: () => {
        const units: [string, string][] = [];
        for (const split of SPLITS) {
          const file = join(root, split, `${code}.${split}`);
          if (!existsSync(file)) continue;
          const lines = readFileSync(file, 'utf8').split('\n');
          if (lines[lines.length - 1] === '') lines.pop();
          lines.forEach((line, i) => units.push([`${split}:${i + 1}`, line]));
        }
        return units;
      },
    };
  });
  return { name: 'flores', parallel: true, reference: 'eng_Latn', docs };
}
