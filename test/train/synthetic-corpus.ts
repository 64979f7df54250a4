/**
 * A deterministic synthetic training corpus (seeded PRNG): Zipf-distributed words built from several
 * scripts (Latin with accents, Cyrillic, Greek, CJK, emoji), numbers of every length, punctuation,
 * contractions, CRLF, tabs, runs of spaces and blank lines. Small enough for a test run in a second,
 * varied enough to exercise ties, overlapping runs (`aaaa`), digit grouping and multi-byte chars.
 */
const ALPHABETS = [
  'abcdefghijklmnopqrstuvwxyz',
  'aeiouéèàüößçnrstl',
  'абвгдеёжзийклмнопрстуфхцчшщыьэюя',
  'αβγδεζηθικλμνξοπρστυφχψω',
  '的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年',
  'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
];
const PUNCT = ['.', ',', '!', '?', ';', ':', '...', '--', '(', ')', '"', "'s", "'ll", "n't", '😀', '👍🏽', '→', '\u00a0'];

import { mulberry32 as rng } from '../../src/util/seeded-random.js';

export { rng };

export function syntheticCorpus(seed: number, lines: number): string {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const lexicon: string[] = [];
  for (let i = 0; i < 600; i++) {
    const abc = pick(ALPHABETS);
    const len = 1 + Math.floor(r() * 9);
    let w = '';
    for (let k = 0; k < len; k++) w += [...abc][Math.floor(r() * [...abc].length)];
    if (r() < 0.05) w = w[0]!.repeat(2 + Math.floor(r() * 5)) + w;
    lexicon.push(w);
  }
  const word = (): string => lexicon[Math.floor(lexicon.length * Math.pow(r(), 2.5))]!;
  const out: string[] = [];
  for (let l = 0; l < lines; l++) {
    const n = Math.floor(r() * 14);
    let line = '';
    for (let k = 0; k < n; k++) {
      const x = r();
      if (x < 0.72) line += word();
      else if (x < 0.82) line += String(Math.floor(Math.pow(10, r() * 8)));
      else line += pick(PUNCT);
      const y = r();
      line += y < 0.85 ? ' ' : y < 0.9 ? '  ' : y < 0.93 ? '\t' : y < 0.96 ? '' : '   ';
    }
    out.push(line + (r() < 0.1 ? '\r\n' : '\n') + (r() < 0.05 ? '\n' : ''));
  }
  return out.join('');
}
