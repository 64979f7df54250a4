/**
 * Qtok-style vocabulary categories and script distribution (Chelombitko et al. 2024; spec §2).
 * Works on token surface bytes (adapter's `idToBytes`: word-start marker already a leading space).
 *
 * Classes, decided in this order for each vocabulary entry:
 * - control_tokens: special tokens, and `<…>` / `[…]` strings other than plain HTML tags
 *   (br, h1–h6, b, img, li, tr, td, p, th, u, em)
 * - unicode_flanks: bytes that are not valid UTF-8 (a piece of a multi-byte character)
 * - one character: pure_unicode if it is one of GPT-2's 256 byte-alphabet characters (Qtok's quirk:
 *   every printable ASCII / Latin-1 letter lands here), else char_alpha(script) for a letter-bearing
 *   script, char_other otherwise
 * - leading space + rest: spaced_alpha(script) when every character after the space is in one script,
 *   spaced_other otherwise ("whole words with leading space")
 * - anything else: inner_alpha(script) when one script, inner_other otherwise ("word-inner pieces")
 *
 * Qtok decides the script from the first word of each character's Unicode name; Node has no names,
 * so we use the Unicode Script property (same grouping for the alphabetic scripts; Qtok's
 * `*_errors` classes, for name lookup failures, cannot occur). Script shares are over alpha tokens:
 * share(class, script) = count / |alpha tokens|.
 */
import { BYTE_TO_CHAR } from '../pretokenize/byte-level-alphabet.js';
import { scriptOf } from '../corpus/languages.js';

export const CATEGORIES = [
  'spaced_alpha', 'spaced_other', 'inner_alpha', 'inner_other', 'char_alpha', 'char_other',
  'pure_unicode', 'unicode_flanks', 'control_tokens',
] as const;
export type Category = (typeof CATEGORIES)[number];

export interface TokenClass {
  category: Category;
  /** ISO 15924 script for the *_alpha classes. */
  script?: string;
}

const BYTE_ALPHABET = new Set(BYTE_TO_CHAR);
const HTML_TAGS = new Set(['br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'b', 'img', 'li', 'tr', 'td', 'p', 'th', 'u', 'em']);
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const NOT_A_SCRIPT = new Set(['Zyyy', 'Zinh', 'Zzzz']);

function isControlString(s: string): boolean {
  const angle = /^<\/?([^<>]*)>$/.exec(s);
  if (angle) return !HTML_TAGS.has(angle[1]!.trim().toLowerCase());
  return /^\[[^[\]]*\]$/.test(s);
}

/** The one script of all characters of s (combining marks follow their base), or undefined. */
function singleScript(s: string): string | undefined {
  let script: string | undefined;
  for (const ch of s) {
    const sc = scriptOf(ch.codePointAt(0)!);
    if (sc === 'Zinh' && script !== undefined) continue;
    if (NOT_A_SCRIPT.has(sc)) return undefined;
    if (script === undefined) script = sc;
    else if (script !== sc) return undefined;
  }
  return script;
}

export function classifyToken(bytes: Uint8Array, special: boolean): TokenClass {
  let s: string;
  try {
    s = strict.decode(bytes);
  } catch {
    return { category: 'unicode_flanks' };
  }
  if (special || isControlString(s)) return { category: 'control_tokens' };
  const chars = [...s];
  if (chars.length === 1) {
    if (BYTE_ALPHABET.has(s)) return { category: 'pure_unicode' };
    const sc = /\p{L}/u.test(s) ? singleScript(s) : undefined;
    return sc ? { category: 'char_alpha', script: sc } : { category: 'char_other' };
  }
  if (s.startsWith(' ') && chars.length > 1) {
    const sc = singleScript(s.slice(1));
    return sc ? { category: 'spaced_alpha', script: sc } : { category: 'spaced_other' };
  }
  const sc = singleScript(s);
  return sc ? { category: 'inner_alpha', script: sc } : { category: 'inner_other' };
}

export interface CategoryStats {
  total: number;
  /** Count per category (every category present, possibly 0). */
  counts: Record<Category, number>;
  /** Share of the vocabulary per category (0–1). */
  shares: Record<Category, number>;
  /** Alpha tokens per script and class: scripts[script][category] = count. */
  scripts: Record<string, Partial<Record<Category, number>>>;
  /** Share of alpha tokens per script (all three alpha classes together). */
  scriptShares: Record<string, number>;
  alphaTotal: number;
}

export function categoryStats(tokens: Iterable<{ bytes: Uint8Array; special: boolean }>): CategoryStats {
  const counts = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  const scripts: Record<string, Partial<Record<Category, number>>> = {};
  let total = 0;
  let alphaTotal = 0;
  for (const t of tokens) {
    const c = classifyToken(t.bytes, t.special);
    counts[c.category]++;
    total++;
    if (c.script !== undefined) {
      alphaTotal++;
      const row = (scripts[c.script] ??= {});
      row[c.category] = (row[c.category] ?? 0) + 1;
    }
  }
  const shares = Object.fromEntries(CATEGORIES.map((c) => [c, total === 0 ? 0 : counts[c] / total])) as Record<Category, number>;
  const scriptShares: Record<string, number> = {};
  for (const [sc, row] of Object.entries(scripts)) {
    const n = Object.values(row).reduce((a, b) => a + (b ?? 0), 0);
    scriptShares[sc] = alphaTotal === 0 ? 0 : n / alphaTotal;
  }
  return { total, counts, shares, scripts, scriptShares, alphaTotal };
}
