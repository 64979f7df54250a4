/**
 * Makes whitespace and invisible characters visible in token spans: space → ·, tab → →, newline → ↵
 * (followed by the real line break so lines still wrap where the text does), other invisibles as
 * their code point in angle brackets (<U+200B>). Display only; offsets keep referring to the original.
 */
const NAMED: Record<string, string> = { ' ': '·', '\t': '→', '\r': '␍', '\n': '↵\n', '\u00a0': '⍽' };
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u2000-\u200a\u202f\u205f\u3000]/u;

export function showWhitespace(s: string): string {
  let out = '';
  for (const ch of s) {
    const named = NAMED[ch];
    if (named !== undefined) out += named;
    else if (INVISIBLE.test(ch)) out += `<U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`;
    else out += ch;
  }
  return out;
}
