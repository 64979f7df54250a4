/**
 * Unicode script classes as SentencePiece's `split_by_unicode_script` uses them
 * (trainer_interface.cc `IsValidSentencePiece`, unicode_script.cc `GetScript`):
 * - the Unicode `Script` property (not Script_Extensions); unassigned/unknown code points are Common;
 * - Hiragana, Katakana and U+30FC `ー` count as Han (so Japanese words can form pieces);
 * - Inherited (combining marks) take the script of the previous char;
 * - ASCII and full-width decimal digits are Common, like punctuation (spm `split_by_number`, on by
 *   default); with `splitByNumber: false` they join any script.
 * JS regexes know the Script property (`\p{Script=…}`), but cannot name it, so each char is tested
 * against the list once and cached.
 */

/** The class of `▁` (U+2581): no script; SentencePiece only lets it start a piece. */
export const SCRIPT_NONE = -1;
/** Combining marks: they continue the script before them. */
export const SCRIPT_INHERITED = -2;
/** Digits when `splitByNumber` is off: compatible with every script. */
export const SCRIPT_ANY = -3;

const SCRIPTS = ('Common Latin Han Cyrillic Greek Arabic Hebrew Hangul Devanagari Thai Bengali Tamil Telugu Georgian Armenian ' +
  'Ethiopic Gujarati Gurmukhi Kannada Malayalam Oriya Sinhala Khmer Lao Myanmar Tibetan Mongolian Syriac Thaana Bopomofo ' +
  'Adlam Ahom Anatolian_Hieroglyphs Avestan Balinese Bamum Bassa_Vah Batak Bhaiksuki Brahmi Braille Buginese Buhid ' +
  'Canadian_Aboriginal Carian Caucasian_Albanian Chakma Cham Cherokee Chorasmian Coptic Cuneiform Cypriot Cypro_Minoan Deseret ' +
  'Dives_Akuru Dogra Duployan Egyptian_Hieroglyphs Elbasan Elymaic Glagolitic Gothic Grantha Gunjala_Gondi Hanifi_Rohingya ' +
  'Hanunoo Hatran Imperial_Aramaic Inscriptional_Pahlavi Inscriptional_Parthian Javanese Kaithi Kawi Kayah_Li Kharoshthi ' +
  'Khitan_Small_Script Khojki Khudawadi Lepcha Limbu Linear_A Linear_B Lisu Lycian Lydian Mahajani Makasar Mandaic Manichaean ' +
  'Marchen Masaram_Gondi Medefaidrin Meetei_Mayek Mende_Kikakui Meroitic_Cursive Meroitic_Hieroglyphs Miao Modi Mro Multani ' +
  'Nabataean Nag_Mundari Nandinagari New_Tai_Lue Newa Nko Nushu Nyiakeng_Puachue_Hmong Ogham Ol_Chiki Old_Hungarian Old_Italic ' +
  'Old_North_Arabian Old_Permic Old_Persian Old_Sogdian Old_South_Arabian Old_Turkic Old_Uyghur Osage Osmanya Pahawh_Hmong ' +
  'Palmyrene Pau_Cin_Hau Phags_Pa Phoenician Psalter_Pahlavi Rejang Runic Samaritan Saurashtra Sharada Shavian Siddham ' +
  'SignWriting Sogdian Sora_Sompeng Soyombo Sundanese Syloti_Nagri Tagalog Tagbanwa Tai_Le Tai_Tham Tai_Viet Takri Tangsa Tangut ' +
  'Tifinagh Tirhuta Toto Ugaritic Vai Vithkuqi Wancho Warang_Citi Yezidi Yi Zanabazar_Square ' +
  'Garay Gurung_Khema Kirat_Rai Ol_Onal Sunuwar Todhri Tulu_Tigalari').split(' ');

let matchers: RegExp[] | undefined;
const HAN = SCRIPTS.indexOf('Han');
const COMMON = SCRIPTS.indexOf('Common');

/** Script names this Node's regex engine knows (newer scripts are skipped on older engines; their chars become Common). */
function scriptMatchers(): RegExp[] {
  if (matchers !== undefined) return matchers;
  matchers = SCRIPTS.map((name) => {
    try {
      return new RegExp(`^\\p{Script=${name}}$`, 'u');
    } catch {
      return /(?!)/;
    }
  });
  return matchers;
}

const japanese = /^[\p{Script=Hiragana}\p{Script=Katakana}]$/u;
const inherited = /^\p{Script=Inherited}$/u;

export function isDecimalDigit(cp: number): boolean {
  return (cp >= 0x30 && cp <= 0x39) || (cp >= 0xff10 && cp <= 0xff19);
}

/** Script class of one code point: an index into the script list, or one of the SCRIPT_* constants. */
export function scriptClass(cp: number, splitByNumber = true): number {
  if (cp === 0x2581) return SCRIPT_NONE;
  if (!splitByNumber && isDecimalDigit(cp)) return SCRIPT_ANY;
  if (cp === 0x30fc) return HAN;
  const ch = String.fromCodePoint(cp);
  if (japanese.test(ch)) return HAN;
  if (inherited.test(ch)) return SCRIPT_INHERITED;
  const ms = scriptMatchers();
  for (let i = 0; i < ms.length; i++) if (ms[i]!.test(ch)) return i;
  return COMMON;
}
