/**
 * The part of a hunspell `.aff` file a compound splitter needs: the flag syntax, the prefix/suffix
 * rules (to expand word forms), the compounding flags (COMPOUNDBEGIN/MIDDLE/END, COMPOUNDFLAG,
 * ONLYINCOMPOUND, COMPOUNDPERMITFLAG, NEEDAFFIX, FORBIDDENWORD, CIRCUMFIX), COMPOUNDMIN,
 * CHECKCOMPOUNDDUP and ICONV (input conversion: Dutch stores "ij" as the ligature "ĳ").
 * CHECKCOMPOUNDPATTERN (without replacement) and CHECKCOMPOUNDCASE forbid some joins.
 * Spelling-suggestion directives (REP, TRY, MAP, KEY, …) are ignored, and so is COMPOUNDRULE
 * (docs/algorithms/compound-aware.md says what that costs).
 */
import { TokenlabError } from '../../../core/errors.js';

export type FlagMode = 'char' | 'long' | 'num';

export interface AffixEntry {
  strip: string;
  add: string;
  /** Continuation flags of the affixed form (may include compound flags, as both dictionaries use). */
  cont: string[];
  /** Tests the word the affix is applied to (anchored at its start for prefixes, end for suffixes). */
  condition: RegExp | null;
}

export interface AffixRule {
  kind: 'PFX' | 'SFX';
  flag: string;
  /** Whether prefix and suffix may combine on one word. */
  cross: boolean;
  entries: AffixEntry[];
}

export interface CompoundFlags {
  begin?: string;
  middle?: string;
  end?: string;
  any?: string;
  onlyInCompound?: string;
  permit?: string;
  needAffix?: string;
  forbidden?: string;
  circumfix?: string;
}

/** CHECKCOMPOUNDPATTERN `endchars[/flag] beginchars[/flag]`: this join is forbidden. */
export interface CompoundPattern {
  end: string;
  endFlag?: string;
  begin: string;
  beginFlag?: string;
}

export interface AffData {
  flagMode: FlagMode;
  prefixes: Map<string, AffixRule>;
  suffixes: Map<string, AffixRule>;
  flags: CompoundFlags;
  /** Shortest compound part in characters (hunspell default 3; 0 in a file means 1). */
  compoundMin: number;
  /** CHECKCOMPOUNDDUP: a part may not directly repeat. */
  checkDup: boolean;
  /** CHECKCOMPOUNDCASE: no upper-case letter on either side of a join. */
  checkCase: boolean;
  patterns: CompoundPattern[];
  /** ICONV pairs, applied to input before lookup. */
  iconv: [string, string][];
}

const FLAG_DIRECTIVES: Record<string, keyof CompoundFlags> = {
  COMPOUNDBEGIN: 'begin',
  COMPOUNDMIDDLE: 'middle',
  COMPOUNDEND: 'end',
  COMPOUNDLAST: 'end',
  COMPOUNDFLAG: 'any',
  ONLYINCOMPOUND: 'onlyInCompound',
  COMPOUNDPERMITFLAG: 'permit',
  NEEDAFFIX: 'needAffix',
  PSEUDOROOT: 'needAffix',
  FORBIDDENWORD: 'forbidden',
  CIRCUMFIX: 'circumfix',
};

/** Splits a flag field into flags according to the FLAG directive. */
export function parseFlags(field: string, mode: FlagMode): string[] {
  if (field === '') return [];
  if (mode === 'num') return field.split(',').filter((f) => f !== '');
  if (mode === 'long') {
    const out: string[] = [];
    for (let i = 0; i < field.length; i += 2) out.push(field.slice(i, i + 2));
    return out;
  }
  return [...field];
}

/** A hunspell affix condition (`.`, `[abc]`, `[^abc]`, literal chars) as an anchored RegExp. */
function conditionRegExp(cond: string, kind: 'PFX' | 'SFX'): RegExp | null {
  if (cond === '.' || cond === '') return null;
  let src = '';
  for (let i = 0; i < cond.length; i++) {
    const c = cond[i]!;
    if (c === '[') {
      const close = cond.indexOf(']', i);
      if (close < 0) return null;
      const body = cond.slice(i + 1, close);
      const neg = body.startsWith('^');
      src += `[${neg ? '^' : ''}${(neg ? body.slice(1) : body).replace(/[\\\]^-]/g, '\\$&')}]`;
      i = close;
    } else if (c === '.') src += '.';
    else src += c.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
  }
  return new RegExp(kind === 'PFX' ? `^${src}` : `${src}$`, 'u');
}

export function parseAff(text: string, file = '<aff>'): AffData {
  const data: AffData = { flagMode: 'char', prefixes: new Map(), suffixes: new Map(), flags: {}, compoundMin: 3, checkDup: false, checkCase: false, patterns: [], iconv: [] };
  const lines = text.split(/\r?\n/);
  // FLAG must be known before any flag is read; it comes first in practice, but look ahead to be safe.
  for (const line of lines) {
    const m = /^FLAG\s+(\S+)/.exec(line);
    if (m === null) continue;
    if (m[1] === 'long') data.flagMode = 'long';
    else if (m[1] === 'num') data.flagMode = 'num';
    else if (m[1] !== 'UTF-8') throw new TokenlabError(`unknown FLAG type ${JSON.stringify(m[1])}`, { file });
  }
  const open = new Map<string, number>();
  lines.forEach((raw, i) => {
    const line = raw.replace(/\s+#.*$/, '');
    if (line === '' || line.startsWith('#') || /^\s/.test(line)) return;
    const f = line.split(/\s+/);
    const key = f[0]!;
    const where = { file, line: i + 1 };
    if (key === 'AF') throw new TokenlabError('flag aliases (AF) are not supported', where);
    const flagField = FLAG_DIRECTIVES[key];
    if (flagField !== undefined) {
      if (f[1] === undefined) throw new TokenlabError(`${key} needs a flag`, where);
      data.flags[flagField] = f[1];
    } else if (key === 'COMPOUNDMIN') {
      const n = Number(f[1]);
      if (!Number.isInteger(n) || n < 0) throw new TokenlabError(`COMPOUNDMIN must be a non-negative integer (got ${f[1]})`, where);
      data.compoundMin = Math.max(1, n);
    } else if (key === 'CHECKCOMPOUNDDUP') data.checkDup = true;
    else if (key === 'CHECKCOMPOUNDCASE') data.checkCase = true;
    else if (key === 'CHECKCOMPOUNDPATTERN' && f.length === 3) data.patterns.push(compoundPattern(f[1]!, f[2]!, data.flagMode));
    else if (key === 'ICONV' && f.length >= 3) data.iconv.push([f[1]!, f[2]!]);
    else if (key === 'PFX' || key === 'SFX') parseAffixLine(data, key, f, open, where);
  });
  return data;
}

/** `text[/flag]` halves of a pattern (`0` is the empty string, as in affix fields). */
function compoundPattern(left: string, right: string, mode: FlagMode): CompoundPattern {
  const half = (x: string): [string, string | undefined] => {
    const slash = x.indexOf('/');
    const text = slash < 0 ? x : x.slice(0, slash);
    const flag = slash < 0 ? undefined : parseFlags(x.slice(slash + 1), mode)[0];
    return [text === '0' ? '' : text, flag];
  };
  const [end, endFlag] = half(left);
  const [begin, beginFlag] = half(right);
  return { end, begin, ...(endFlag !== undefined ? { endFlag } : {}), ...(beginFlag !== undefined ? { beginFlag } : {}) };
}

function parseAffixLine(data: AffData, kind: 'PFX' | 'SFX', f: string[], open: Map<string, number>, where: { file: string; line: number }): void {
  const flag = f[1];
  if (flag === undefined) throw new TokenlabError(`${kind} line without a flag`, where);
  const rules = kind === 'PFX' ? data.prefixes : data.suffixes;
  const openKey = `${kind} ${flag}`;
  const remaining = open.get(openKey) ?? 0;
  if (remaining === 0) {
    // Header: `SFX flag Y|N count`.
    const count = Number(f[3]);
    if ((f[2] !== 'Y' && f[2] !== 'N') || !Number.isInteger(count)) throw new TokenlabError(`${kind} ${flag}: expected a header "${kind} flag Y|N count"`, where);
    rules.set(flag, { kind, flag, cross: f[2] === 'Y', entries: [] });
    open.set(openKey, count);
    return;
  }
  const [strip, addField, cond] = [f[2], f[3], f[4] ?? '.'];
  if (strip === undefined || addField === undefined) throw new TokenlabError(`${kind} ${flag}: entry needs strip and affix fields`, where);
  const slash = addField.indexOf('/');
  const add = slash < 0 ? addField : addField.slice(0, slash);
  const cont = slash < 0 ? [] : parseFlags(addField.slice(slash + 1), data.flagMode);
  rules.get(flag)!.entries.push({
    strip: strip === '0' ? '' : strip,
    add: add === '0' ? '' : add,
    cont,
    condition: conditionRegExp(cond, kind),
  });
  open.set(openKey, remaining - 1);
}
