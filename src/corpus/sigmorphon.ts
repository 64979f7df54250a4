/**
 * SIGMORPHON 2022 word-level morpheme segmentation gold (shared data `sigmorphon2022/`): files
 * `<lang>.word.{dev,test.gold}.tsv`, lines `word<TAB>morph @@morph @@morph<TAB>category`.
 * Languages there: ces eng fra hun ita lat mon spa (+ rus test words without gold).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { TokenlabError } from '../core/errors.js';
import type { GoldSegmentation } from '../eval/morph-alignment.js';

/** Parses the TSV; malformed lines are an error naming the line. */
export function parseSigmorphon(text: string, file = 'sigmorphon'): GoldSegmentation[] {
  const out: GoldSegmentation[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (line === '') continue;
    const cols = line.split('\t');
    if (cols.length < 2) throw new TokenlabError('expected word<TAB>segmentation', { file, line: i + 1 });
    out.push({ word: cols[0]!, morphs: cols[1]!.split(' @@').filter((m) => m !== '') });
  }
  return out;
}

/** Languages with gold files in a folder. */
export function sigmorphonLanguages(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const langs = new Set<string>();
  for (const f of readdirSync(dir)) {
    const m = /^([a-z]{3})\.word\.(dev|test\.gold)\.tsv$/.exec(f);
    if (m) langs.add(m[1]!);
  }
  return [...langs].sort();
}

/** Reads the gold of one language (dev, else test), at most `limit` words (file order). */
export function readSigmorphon(dir: string, language: string, limit = Infinity): GoldSegmentation[] {
  for (const split of ['dev', 'test.gold']) {
    const file = join(dir, `${language}.word.${split}.tsv`);
    if (existsSync(file)) return parseSigmorphon(readFileSync(file, 'utf8'), file).slice(0, limit);
  }
  throw new TokenlabError(`no SIGMORPHON 2022 gold for ${JSON.stringify(language)} in ${dir} (have: ${sigmorphonLanguages(dir).join(', ') || 'none'})`);
}
