/**
 * The `UnicodeScripts` pre-tokenizer (HF): splits where the Unicode Script property changes.
 * As in HF: Hiragana and Katakana count as Han (and so does U+30FC); ' ' belongs to no
 * script and sticks to the previous piece; a split is emitted at the first scripted char, so
 * leading spaces of a split are dropped (HF quirk, kept). Chars without a script in HF's table
 * (unassigned, or newer than its Unicode version) are 'Any' too.
 * Script data comes from the engine's `\p{Script=...}` (tested once per code point, cached),
 * corrected by generated/hf-script-gaps.ts where HF's older table differs.
 */
import type { NormalizedString } from '../core/normalized-string.js';
import { charLen } from '../core/normalized-string.js';
import type { PreTokenizedText, PreTokenizer } from '../core/stages.js';
import { readObject } from '../normalize/json-fields.js';
import { asPreTokenized, type PreTokenizerComponent } from './component.js';
import { SCRIPT_OVERRIDE } from './generated/hf-script-gaps.js';

const CODES =
  'Zyyy Latn Hani Zinh Cyrl Arab Grek Hira Kana Hang Deva Hebr Thai Beng Taml Telu Knda Mlym Gujr Guru Orya Sinh Geor Armn Ethi Khmr Laoo Mymr Tibt Mong ' +
  'Adlm Aghb Ahom Armi Avst Bali Bamu Bass Batk Bhks Bopo Brah Brai Bugi Buhd Cakm Cans Cari Cham Cher Chrs Copt Cpmn Cprt Diak Dogr Dsrt Dupl Egyp Elba Elym ' +
  'Gara Glag Gong Gonm Goth Gran Gukh Hano Hatr Hluw Hmng Hmnp Hung Ital Java Kali Kawi Khar Khoj Kits Krai Kthi Lana Lepc Limb Lina Linb Lisu Lyci Lydi Mahj Maka Mand ' +
  'Mani Marc Medf Mend Merc Mero Modi Mroo Mtei Mult Nagm Nand Narb Nbat Newa Nkoo Nshu Ogam Olck Onao Orkh Osge Osma Ougr Palm Pauc Perm Phag Phli Phlp Phnx Plrd ' +
  'Prti Rjng Rohg Runr Samr Sarb Saur Sgnw Shaw Shrd Sidd Sidt Sind Sogd Sogo Sora Soyo Sund Sunu Sylo Syrc Tagb Takr Tale Talu Tang Tavt Tayo Tfng Tglg Thaa Tirh ' +
  'Tnsa Todr Tols Toto Tutg Ugar Vaii Vith Wara Wcho Xpeo Xsux Yezi Yiii Zanb';

const TESTS: [string, RegExp][] = [];
for (const code of CODES.split(' ')) {
  try {
    TESTS.push([code, new RegExp(`^\\p{Script=${code}}$`, 'u')]);
  } catch {
    // Not known to this engine's Unicode version: chars of it report Unknown.
  }
}
const cache = new Map<number, string>();

/** The engine's Script property of `c` as an ISO 15924 code ('Zzzz' when unknown). */
export function jsScript(c: string): string {
  for (const [code, re] of TESTS) if (re.test(c)) return code;
  return 'Zzzz';
}

/** HF's script of `cp`: the engine's, corrected where HF's older table differs. */
function hfScript(c: string, cp: number): string {
  let lo = 0;
  let hi = SCRIPT_OVERRIDE.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b, code] = SCRIPT_OVERRIDE[mid]!;
    if (cp < a) hi = mid - 1;
    else if (cp > b) lo = mid + 1;
    else return code;
  }
  return jsScript(c);
}

/** HF's `fixed_script`: the script used for splitting; 'Any' for ' '. */
export function fixedScript(c: string): string {
  const cp = c.codePointAt(0)!;
  if (cp === 0x30fc) return 'Hani';
  if (cp === 0x20) return 'Any';
  let s = cache.get(cp);
  if (s === undefined) {
    s = hfScript(c, cp);
    // Chars HF's table does not list get Script::Any there (they never cut, like ' ').
    if (s === 'Zzzz') s = 'Any';
    if (s === 'Hira' || s === 'Kana') s = 'Hani';
    cache.set(cp, s);
  }
  return s;
}

function splitByScript(ns: NormalizedString): NormalizedString[] {
  const s = ns.normalized;
  const cuts: number[] = [];
  let last: string | null = null;
  for (let i = 0; i < s.length; ) {
    const n = charLen(s, i);
    const script = fixedScript(s.slice(i, i + n));
    if (script !== 'Any' && last !== 'Any' && last !== script) cuts.push(i);
    if (script !== 'Any') last = script;
    i += n;
  }
  cuts.push(s.length);
  const out: NormalizedString[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) out.push(ns.slice(cuts[k]!, cuts[k + 1]!)!);
  return out;
}

export class UnicodeScriptsPreTokenizer implements PreTokenizer {
  readonly type = 'UnicodeScripts';
  preTokenize(text: PreTokenizedText): void {
    asPreTokenized(text).split((_, ns) => splitByScript(ns));
  }
  toJSON(): Record<string, unknown> {
    return { type: this.type };
  }
}

export const unicodeScriptsPreTokenizer: PreTokenizerComponent = {
  type: 'UnicodeScripts',
  fromJSON(json, path) {
    readObject(json, path, []);
    return new UnicodeScriptsPreTokenizer();
  },
};
