/**
 * fast-check generators of strings that stress tokenizers: astral characters, lone surrogates,
 * combining marks, every kind of whitespace, CRLF runs, digit runs of many scripts, contractions in
 * both cases, special-token look-alikes, and long runs of one character.
 */
import fc from 'fast-check';

const FRAGMENTS = [
  'a', 'Z', 'é', 'ß', 'ǅ', 'ʰ', '中', '文', 'の', 'ア', '한', 'ก', 'ा', 'ी', 'क', '\u0301', '\u0308', '\u200d',
  'ﬁ', 'Ω', 'ω', 'Я', 'я', 'ع', 'א', '𝔘', '𐐀', '𐐨', '😀', '👍🏽', '👨‍👩‍👧', '🇫🇷', '\ud83d', '\ude00', '\ud800x', '\udfff',
  ' ', '  ', '\t', '\n', '\r\n', '\r', '\n\n\n', '\u00a0', '\u0085', '\u2028', '\u3000', '\ufeff', '\u200b', '\u000b', '\u000c',
  '0', '7', '123', '4567', '٣', '०', '１', '²', '½', 'Ⅻ',
  "'s", "'S", "'ll", "'LL", "'Re", "'ve", "'m", "'d", "'t", "'", '’s',
  '.', ',', '!', '?', '/', '//', '\\', '"', '(', ')', '{', '}', '<', '>', '|', '<|', '|>', '<|endoftext|>', '<|endoftext',
  '<|fim_prefix|>', '<|endofprompt|>', 'endoftext', '$', '€', '#', '@', '_', '-', '--', '...', '=>', ';', ':',
  'Hello', ' world', 'camelCase', 'HTTPServer', 'don\'t', 'x'.repeat(40), ' '.repeat(30), '=' .repeat(25),
];

/** A string built from tokenizer-hostile fragments and random code points. */
export const adversarialString = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...FRAGMENTS) },
      { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c)) },
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

/** Well-formed strings only (no lone surrogates): decode(encode(s)) must give s back. */
export const wellFormedString = adversarialString.map((s) => s.toWellFormed());
