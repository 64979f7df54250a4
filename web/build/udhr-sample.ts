/**
 * Build-time sample for the language view: Articles 1–3 of the UDHR in every declaration that has
 * them, from the embedded corpus (`readUdhrUnits` in src/corpus/udhr.ts aligns declarations by the
 * article numbers in the source markup), so every language holds the same passage and token counts
 * compare. A sample implausibly short or long next to English's is left out as a guard against a
 * malformed declaration.
 */
import { readUdhrUnits, udhrDeclarations } from '../../src/corpus/udhr.js';

export interface UdhrSampleFile {
  note: string;
  languages: { code: string; name: string; text: string }[];
}

const ARTICLES = ['1', '2', '3'];

/** The text of Articles 1–3 (headings included), or null when the declaration lacks one of them. */
export function firstArticles(code: string): string | null {
  const units = new Map(readUdhrUnits(code));
  const parts = ARTICLES.map((n) => units.get(n));
  return parts.every((p) => p !== undefined) ? parts.join('\n') : null;
}

export function buildUdhrSample(): UdhrSampleFile {
  const found: UdhrSampleFile['languages'] = [];
  for (const d of udhrDeclarations()) {
    const text = firstArticles(d.code);
    if (text !== null) found.push({ code: d.code, name: d.name, text });
  }
  const eng = found.find((l) => l.code === 'eng');
  if (!eng) throw new Error('UDHR sample: English Articles 1–3 not found in the udhr package');
  const ref = eng.text.length;
  const languages = found
    .filter((l) => l.text.length > ref * 0.25 && l.text.length < ref * 4)
    .sort((a, b) => (a.code === 'eng' ? -1 : b.code === 'eng' ? 1 : a.name.localeCompare(b.name)));
  return { note: `UDHR Articles 1–3 in ${languages.length} languages`, languages };
}
