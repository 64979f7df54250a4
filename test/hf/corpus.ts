/**
 * Inputs for the HF parity tests: adversarial strings (fast-check, fixed seed), source code, and a
 * sample of FLORES-200 devtest lines (read from ../shared/data relative to the repo root; absent in
 * a user's clone, then `floresSample` returns null and the caller skips with a message).
 */
import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const FLORES_DIR = join(REPO_ROOT, '../shared/data/flores200/devtest');

const PIECES = [
  ' ', '  ', '   ', '\t', '\n', '\r\n', '\n\n', '\u00a0', '\u3000', '\u2028', '\u0085', '\ufeff',
  '0', '7', '12', '123', '1234567', '٣٤', '½', 'é', 'e\u0301', 'a\u0308\u0323', '\u0301', 'ß', 'İ', 'ﬁ', 'Ⅻ',
  '😀', '👍🏽', '👨‍👩‍👧', '🇫🇷', '𝔘𝔫𝔦', '𠀀', '日本語', '한국어', 'Привет', 'مرحبا', 'שָׁלוֹם', 'हिन्दी', 'ไทย',
  "'s", "'LL", "don't", 'HELLO', 'camelCaseWord', '_x', '...', '!?', '--', '<', '>', '|', '▁', 'Ġ', '<0x41>', '##ing',
  'the', ' the', 'hello world', '\u200b', '\u200d', '\x00', '\x7f', '\u{10FFFF}',
];

function validUnicode(s: string): boolean {
  return !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);
}

/** `n` adversarial strings built from random code points and the tricky pieces plus `extra` (special tokens). */
export function adversarial(n: number, extra: string[], seed = 20261129): string[] {
  const piece = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...PIECES) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }).filter(validUnicode) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 8 }) },
    ...(extra.length > 0 ? [{ weight: 2, arbitrary: fc.constantFrom(...extra) }] : []),
  );
  const arb = fc.array(piece, { minLength: 0, maxLength: 12 }).map((a) => a.join(''));
  return fc.sample(arb, { seed, numRuns: n });
}

export const SOURCE_CODE: string[] = [
  'def f(x):\n    return x ** 2  # square\n\nprint(f(12))\n',
  'for (let i = 0; i < n; i++) {\n\tif (a[i] !== b[i]) return false;\n}\r\n',
  '#include <stdio.h>\nint main(void) { printf("%d\\n", 42); return 0; }\n',
  '    SELECT id, name FROM users WHERE age >= 18 ORDER BY name;   \n',
  '<div class="x">&nbsp;<span>héllo</span></div>\n',
  "fn main() { let v: Vec<u8> = vec![0xFF; 16]; println!(\"{v:?}\"); }",
];

/** Source files of this repository (the tokenizer code itself). */
export function repoSources(max: number): string[] {
  const dir = join(REPO_ROOT, 'src/pipeline');
  return readdirSync(dir).filter((f) => f.endsWith('.ts')).slice(0, max).map((f) => readFileSync(join(dir, f), 'utf8'));
}

/** `perLanguage` lines from every FLORES-200 devtest file, or null when the data is absent. */
export function floresSample(perLanguage: number): string[] | null {
  if (!existsSync(FLORES_DIR)) return null;
  const out: string[] = [];
  for (const f of readdirSync(FLORES_DIR).sort()) {
    const lines = readFileSync(join(FLORES_DIR, f), 'utf8').split('\n').filter((l) => l.length > 0);
    for (let k = 0; k < perLanguage && k < lines.length; k++) out.push(lines[(k * 397 + f.length * 13) % lines.length]!);
  }
  return out;
}

export function floresAll(): Map<string, string[]> | null {
  if (!existsSync(FLORES_DIR)) return null;
  const out = new Map<string, string[]>();
  for (const f of readdirSync(FLORES_DIR).sort()) {
    out.set(f, readFileSync(join(FLORES_DIR, f), 'utf8').split('\n').filter((l) => l.length > 0));
  }
  return out;
}
