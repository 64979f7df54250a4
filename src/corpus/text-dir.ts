/**
 * A folder of plain text files as an evaluation corpus: one document per file (recursively; hidden
 * files skipped), code = path relative to the folder without extension (`news/de`).
 *
 * Not parallel by default: a file is split into units of about 64K characters at line breaks
 * (progress and Ctrl-C granularity; a cut falls just before a line that starts with a
 * non-space, where the tiktoken patterns split anyway). With `parallel: true` the files are
 * line-aligned translations: unit i is line i, and premiums use the `reference` document
 * (default: the one whose code or file name is `eng`, `en` or starts with `eng_`).
 * Files are read as UTF-8; invalid bytes become U+FFFD.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import { TokenlabError } from '../core/errors.js';
import type { Corpus, CorpusDoc } from './corpus.js';
import { languageNameOf } from './languages.js';

export const TEXT_UNIT_CHARS = 65536;

export interface TextDirOptions {
  parallel?: boolean;
  reference?: string;
}

function listFiles(dir: string, out: string[]): void {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) listFiles(p, out);
    else if (e.isFile()) out.push(p);
  }
}

/** Splits text into chunks of about `size` UTF-16 units, each cut after a newline followed by a non-space. */
export function chunkText(text: string, size = TEXT_UNIT_CHARS): string[] {
  const out: string[] = [];
  let start = 0;
  while (text.length - start > size) {
    let cut = -1;
    for (let p = text.indexOf('\n', start + size); p !== -1 && p + 1 < text.length; p = text.indexOf('\n', p + 1)) {
      if (!/\s/u.test(text[p + 1]!)) { cut = p + 1; break; }
    }
    if (cut === -1) break;
    out.push(text.slice(start, cut));
    start = cut;
  }
  out.push(text.slice(start));
  return out.filter((c) => c !== '');
}

export function textDirCorpus(dir: string, opts: TextDirOptions = {}): Corpus {
  if (!existsSync(dir)) throw new TokenlabError(`corpus folder not found: ${dir} (expected udhr, flores or a folder of text files)`);
  if (!statSync(dir).isDirectory()) throw new TokenlabError(`corpus is not a folder: ${dir} (expected udhr, flores or a folder of text files)`);
  const files: string[] = [];
  listFiles(dir, files);
  if (files.length === 0) throw new TokenlabError(`corpus folder has no text files: ${dir}`);
  const docs: CorpusDoc[] = files.map((file) => {
    const rel = relative(dir, file);
    const code = rel.slice(0, rel.length - extname(rel).length).split('\\').join('/');
    const stem = basename(code);
    const iso = /^[a-z]{3}$/.test(stem) && languageNameOf(stem) !== undefined ? stem : undefined;
    return {
      code,
      ...(iso ? { iso6393: iso } : {}),
      name: (iso && languageNameOf(iso)) ?? code,
      units: () => {
        const text = readFileSync(file, 'utf8');
        if (opts.parallel) {
          const lines = text.split('\n');
          if (lines[lines.length - 1] === '') lines.pop();
          return lines.map((l, i) => [`line:${i + 1}`, l] as [string, string]);
        }
        return chunkText(text).map((c, i) => [`chunk:${i + 1}`, c] as [string, string]);
      },
    };
  });
  const corpus: Corpus = { name: `dir:${dir}`, parallel: opts.parallel === true, docs };
  const ref = opts.reference ?? docs.find((d) => ['eng', 'en'].includes(basename(d.code)) || basename(d.code).startsWith('eng_'))?.code;
  if (opts.reference !== undefined && !docs.some((d) => d.code === opts.reference)) {
    throw new TokenlabError(`reference document ${JSON.stringify(opts.reference)} is not in ${dir}`);
  }
  if (ref !== undefined) corpus.reference = ref;
  return corpus;
}
