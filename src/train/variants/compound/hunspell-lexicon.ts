/**
 * Every word form of a hunspell dictionary with the compound positions it may take. Forms are
 * expanded once (root, root+suffix, a suffix on that suffix, prefix, prefix+suffix when both
 * cross) and their roles computed as hunspell does:
 * - a form's flags are its root's flags plus the continuation flags of the affixes that made it
 *   (igerman98 and OpenTaal put COMPOUNDBEGIN etc. on affixes, e.g. de `SFX j 0 0/xoc`);
 * - BEGIN/MIDDLE/END come from COMPOUNDBEGIN/MIDDLE/END or COMPOUNDFLAG;
 * - a suffixed form may begin or sit inside a compound only if the suffix carries
 *   COMPOUNDPERMITFLAG, a prefixed one may sit inside or end it only if the prefix does;
 * - NEEDAFFIX roots are no form on their own; CIRCUMFIX affixes need their partner;
 * - WORD (stands alone) unless ONLYINCOMPOUND or FORBIDDENWORD;
 * - plus one bit per flag a CHECKCOMPOUNDPATTERN tests, so joins can be checked without the flags.
 * Linking elements (German Fugen -s-/-es-/-n-, Dutch -s-) are part of the dictionaries' begin/middle
 * forms ("Arbeits/hij", `SFX Ch 0 s/CaCbCxCp`), so they stay on the *left* constituent.
 */
import { parseFlags, type AffData, type AffixEntry } from './hunspell-aff.js';

export const ROLE_BEGIN = 1;
export const ROLE_MIDDLE = 2;
export const ROLE_END = 4;
export const ROLE_WORD = 8;
/** Bits above the roles record the flags CHECKCOMPOUNDPATTERN tests (patternFlagBits). */
const FIRST_PATTERN_BIT = 4;

/** Bit of each flag that a CHECKCOMPOUNDPATTERN names (at most 27, so the bits fit an int32). */
export function patternFlagBits(aff: Pick<AffData, 'patterns'>): Map<string, number> {
  const bits = new Map<string, number>();
  for (const p of aff.patterns) {
    for (const flag of [p.endFlag, p.beginFlag]) {
      if (flag === undefined || bits.has(flag) || bits.size >= 27) continue;
      bits.set(flag, 1 << (FIRST_PATTERN_BIT + bits.size));
    }
  }
  return bits;
}

export interface DicEntry {
  word: string;
  flags: string[];
}

/** Reads `.dic` lines `word[/flags][ morph…]`; skips the count line, comments and multi-word entries. */
export function parseDic(text: string, aff: Pick<AffData, 'flagMode'>): DicEntry[] {
  const out: DicEntry[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '' || /^\s/.test(line) || line.startsWith('#')) continue;
    const tab = line.indexOf('\t');
    const entry = tab < 0 ? line : line.slice(0, tab);
    const slash = unescapedSlash(entry);
    const word = (slash < 0 ? entry : entry.slice(0, slash)).replace(/\\\//g, '/');
    const flagField = slash < 0 ? '' : entry.slice(slash + 1).split(/\s/)[0]!;
    if (word === '' || /\s/.test(word)) continue;
    out.push({ word, flags: parseFlags(flagField, aff.flagMode) });
  }
  return out;
}

function unescapedSlash(s: string): number {
  for (let i = 1; i < s.length; i++) if (s[i] === '/' && s[i - 1] !== '\\') return i;
  return -1;
}

interface Derivation {
  flags: Set<string>;
  prefix?: AffixEntry;
  suffix?: AffixEntry;
}

function applySuffix(word: string, e: AffixEntry): string | undefined {
  if (!word.endsWith(e.strip) || (e.condition !== null && !e.condition.test(word))) return undefined;
  const stem = word.slice(0, word.length - e.strip.length);
  return stem + e.add === '' ? undefined : stem + e.add;
}

function applyPrefix(word: string, e: AffixEntry): string | undefined {
  if (!word.startsWith(e.strip) || (e.condition !== null && !e.condition.test(word))) return undefined;
  const out = e.add + word.slice(e.strip.length);
  return out === '' ? undefined : out;
}

/** Role bits of every form of the dictionary (a form reached several ways gets the union). */
export function buildCompoundLexicon(entries: Iterable<DicEntry>, aff: AffData): Map<string, number> {
  const roles = new Map<string, number>();
  const forbidden = new Set<string>();
  const f = aff.flags;
  const anyCompound = f.any;
  const patternBits = patternFlagBits(aff);

  const emit = (form: string, d: Derivation): void => {
    const fl = d.flags;
    // An affix whose continuation says NEEDAFFIX makes a form that still needs another affix.
    if (f.needAffix !== undefined && (d.suffix?.cont.includes(f.needAffix) === true || d.prefix?.cont.includes(f.needAffix) === true)) return;
    if (f.circumfix !== undefined) {
      const p = d.prefix?.cont.includes(f.circumfix) === true;
      const s = d.suffix?.cont.includes(f.circumfix) === true;
      if (p !== s) return;
    }
    if (f.forbidden !== undefined && fl.has(f.forbidden)) {
      forbidden.add(form);
      return;
    }
    const has = (flag: string | undefined): boolean => flag !== undefined && fl.has(flag);
    const suffixOk = d.suffix === undefined || (f.permit !== undefined && d.suffix.cont.includes(f.permit));
    const prefixOk = d.prefix === undefined || (f.permit !== undefined && d.prefix.cont.includes(f.permit));
    let r = 0;
    if ((has(f.begin) || has(anyCompound)) && suffixOk) r |= ROLE_BEGIN;
    if ((has(f.middle) || has(anyCompound)) && suffixOk && prefixOk) r |= ROLE_MIDDLE;
    if ((has(f.end) || has(anyCompound)) && prefixOk) r |= ROLE_END;
    if (!has(f.onlyInCompound)) r |= ROLE_WORD;
    for (const [flag, bit] of patternBits) if (fl.has(flag)) r |= bit;
    roles.set(form, (roles.get(form) ?? 0) | r);
  };

  const union = (a: Set<string>, b: string[]): Set<string> => {
    if (b.length === 0) return a;
    const s = new Set(a);
    for (const x of b) s.add(x);
    return s;
  };

  for (const { word, flags } of entries) {
    const rootFlags = new Set(flags);
    if (f.needAffix === undefined || !rootFlags.has(f.needAffix)) emit(word, { flags: rootFlags });
    const suffixForms: [string, AffixEntry, Set<string>, boolean][] = [];
    for (const flag of flags) {
      const rule = aff.suffixes.get(flag);
      if (rule === undefined) continue;
      for (const e of rule.entries) {
        const form = applySuffix(word, e);
        if (form === undefined) continue;
        const fl = union(rootFlags, e.cont);
        fl.delete(f.needAffix ?? '');
        emit(form, { flags: fl, suffix: e });
        suffixForms.push([form, e, fl, rule.cross]);
        // Twofold suffixes: a suffix flag in this entry's continuation applies on top.
        for (const c of e.cont) {
          const outer = aff.suffixes.get(c);
          if (outer === undefined) continue;
          for (const e2 of outer.entries) {
            const form2 = applySuffix(form, e2);
            if (form2 !== undefined) emit(form2, { flags: union(fl, e2.cont), suffix: e2 });
          }
        }
      }
    }
    for (const flag of flags) {
      const rule = aff.prefixes.get(flag);
      if (rule === undefined) continue;
      for (const e of rule.entries) {
        const form = applyPrefix(word, e);
        if (form === undefined) continue;
        const fl = union(rootFlags, e.cont);
        fl.delete(f.needAffix ?? '');
        emit(form, { flags: fl, prefix: e });
        if (!rule.cross) continue;
        for (const [sForm, sEntry, sFlags, sCross] of suffixForms) {
          if (!sCross) continue;
          const both = applyPrefix(sForm, e);
          if (both !== undefined) emit(both, { flags: union(sFlags, e.cont), prefix: e, suffix: sEntry });
        }
      }
    }
  }
  for (const w of forbidden) roles.delete(w);
  return roles;
}
