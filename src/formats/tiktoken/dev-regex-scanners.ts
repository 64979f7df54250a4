/** TEMPORARY (replaced by src/pretokenize/scanners): hand-ported JS regexes for development. */
import type { PieceScanner } from '../../pretokenize/scanners/types.js';
import { R50K_PATTERN, CL100K_PATTERN, O200K_PATTERN } from './registry.js';

const WS = '\\t\\n\\v\\f\\r \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const C = "(?:[sS]|[tT]|[rR][eE]|[vV][eE]|[mM]|[lL][lL]|[dD])";
const PORTS: Record<string, string> = {
  [R50K_PATTERN]: `'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^${WS}\\p{L}\\p{N}]+|[${WS}]+(?![^${WS}])|[${WS}]+`,
  [CL100K_PATTERN]: `'${C}|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| ?[^${WS}\\p{L}\\p{N}]+[\\r\\n]*|[${WS}]*[\\r\\n]+|[${WS}]+(?![^${WS}])|[${WS}]+`,
  [O200K_PATTERN]: `[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]*[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]+(?:'${C})?|[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]+[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]*(?:'${C})?|\\p{N}{1,3}| ?[^${WS}\\p{L}\\p{N}]+[\\r\\n/]*|[${WS}]*[\\r\\n]+|[${WS}]+(?![^${WS}])|[${WS}]+`,
};

export function devScanner(pattern: string): PieceScanner {
  const src = PORTS[pattern];
  if (!src) throw new Error('no dev port for pattern');
  const re = new RegExp(src, 'uy');
  return (text, pos) => {
    re.lastIndex = pos;
    if (re.exec(text) === null) return pos + 1;
    return re.lastIndex;
  };
}
