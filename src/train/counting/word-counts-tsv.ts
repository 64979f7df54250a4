/**
 * Word counts as TSV, so counting (the slow, parallel part) can be done once and training repeated.
 *
 * Format (UTF-8, one record per line, LF line ends):
 *
 *     # tokenlab word-counts v1 {"splitter":{...}}     <- header: version + JSON metadata (how words were made)
 *     <word>\t<count>                                   <- count: decimal safe integer (< 2^53)
 *
 * In `word`, backslash, tab, LF and CR are escaped as `\\`, `\t`, `\n`, `\r` (words from line units end
 * in a newline, and byte-level words never contain these raw, but other pre-tokenizers may), and a
 * leading `#` as `\#` (so a word is never read as a comment).
 * Records are written in `sortedEntries()` order, so the same counts always give the same file.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { TokenlabError } from '../../core/errors.js';
import { WordCounts } from './word-counts.js';

const HEADER = '# tokenlab word-counts v1';

export function escapeWord(w: string): string {
  const e = w.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
  return e.startsWith('#') ? '\\' + e : e;
}

export function unescapeWord(s: string, where: { file: string; line: number }): string {
  return s.replace(/\\(.?)/g, (_, c: string) => {
    switch (c) {
      case '\\': return '\\';
      case 't': return '\t';
      case 'n': return '\n';
      case 'r': return '\r';
      case '#': return '#';
      default: throw new TokenlabError(`bad escape "\\${c}" in word (allowed: \\\\ \\t \\n \\r \\#)`, where);
    }
  });
}

/** Serializes counts (deterministic order) with a metadata header. */
export function wordCountsToTsv(counts: WordCounts, meta: Record<string, unknown> = {}): string {
  const lines = [`${HEADER} ${JSON.stringify(meta)}`];
  for (const [w, c] of counts.sortedEntries()) lines.push(`${escapeWord(w)}\t${c}`);
  return lines.join('\n') + '\n';
}

/** Writes counts to `path` streaming (large vocabularies of words do not build one big string). */
export async function saveWordCounts(path: string, counts: WordCounts, meta: Record<string, unknown> = {}): Promise<void> {
  const out = createWriteStream(path, { encoding: 'utf8' });
  const write = async (s: string): Promise<void> => {
    if (!out.write(s)) await once(out, 'drain');
  };
  await write(`${HEADER} ${JSON.stringify(meta)}\n`);
  let buf = '';
  for (const [w, c] of counts.sortedEntries()) {
    buf += `${escapeWord(w)}\t${c}\n`;
    if (buf.length > 1 << 16) {
      await write(buf);
      buf = '';
    }
  }
  await write(buf);
  out.end();
  await once(out, 'finish');
}

/** Parses one TSV document; `file` names the source in errors. Returns the counts and the header metadata. */
export function parseWordCountsTsv(text: string, file = '<tsv>'): { counts: WordCounts; meta: Record<string, unknown> } {
  const counts = new WordCounts();
  let meta: Record<string, unknown> = {};
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  lines.forEach((line, i) => {
    const parsed = parseLine(line, { file, line: i + 1 });
    if (parsed === 'header') meta = parseHeader(line, { file, line: i + 1 });
    else counts.add(parsed[0], parsed[1]);
  });
  return { counts, meta };
}

/** Streams a TSV file (any size) into counts; merges into `into` when given (that is how shards are combined). */
export async function loadWordCounts(path: string, into = new WordCounts()): Promise<{ counts: WordCounts; meta: Record<string, unknown> }> {
  let meta: Record<string, unknown> = {};
  const stream = createReadStream(path, { encoding: 'utf8' });
  stream.on('error', () => undefined); // reported through the readline iterator below
  const rl = createInterface({ input: stream, crlfDelay: Infinity });
  let n = 0;
  try {
    for await (const line of rl) {
      n++;
      const parsed = parseLine(line, { file: path, line: n });
      if (parsed === 'header') meta = parseHeader(line, { file: path, line: n });
      else into.add(parsed[0], parsed[1]);
    }
  } catch (e) {
    if (e instanceof TokenlabError) throw e;
    throw new TokenlabError(`cannot read word counts: ${(e as Error).message}`, { file: path });
  }
  return { counts: into, meta };
}

function parseLine(line: string, where: { file: string; line: number }): 'header' | [string, number] {
  if (line.startsWith('#')) {
    if (where.line === 1 && line.startsWith(HEADER)) return 'header';
    throw new TokenlabError(`unexpected comment line (only line 1 may be the "${HEADER}" header)`, where);
  }
  const tab = line.lastIndexOf('\t');
  if (tab < 0) throw new TokenlabError('expected "<word>\\t<count>"', where);
  const countText = line.slice(tab + 1);
  if (!/^\d+$/.test(countText)) throw new TokenlabError(`count ${JSON.stringify(countText)} is not a non-negative integer`, where);
  const count = Number(countText);
  if (!Number.isSafeInteger(count)) throw new TokenlabError(`count ${countText} is above 2^53 - 1`, where);
  return [unescapeWord(line.slice(0, tab), where), count];
}

function parseHeader(line: string, where: { file: string; line: number }): Record<string, unknown> {
  const rest = line.slice(HEADER.length).trim();
  if (rest === '') return {};
  try {
    const v: unknown = JSON.parse(rest);
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new TokenlabError('header metadata is not a JSON object', where);
}
