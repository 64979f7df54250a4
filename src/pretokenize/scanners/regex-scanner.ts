/**
 * A JavaScript RegExp port of a Rust-syntax pre-tokenization pattern (tiktoken's `fancy_regex`, HF
 * tokenizers' Split regexes), and a PieceScanner built from it: the fallback for patterns that have no
 * hand-written scanner, and the oracle the scanners are tested against.
 *
 * The port (portPattern) rewrites the pattern so V8 gives Rust's answers:
 *   - possessive quantifiers (`++`, `*+`, `?+`, `{n,m}+`) lose their `+`. Possessiveness only changes
 *     which matches are found when backtracking INTO the quantifier could succeed; tiktoken's patterns
 *     are written so it can't (OpenAI: "equivalent, but faster"). For other patterns this is an
 *     approximation;
 *   - `(?i:...)` (Node 20 rejects inline modifiers) becomes a plain group whose literals are case
 *     classes: `'s` -> `'[sSſ]`. Case variants follow Rust's simple case folding for ASCII (s/S/U+017F,
 *     k/K/U+212A) and JS's toUpperCase/toLowerCase elsewhere. `(?i)` applies to the rest of its group.
 *     Property classes inside a case-insensitive group are not case-closed (approximation);
 *   - `\s` / `\S` are Rust's Unicode White_Space (JS's `\s` has U+FEFF and lacks U+0085); `\d` is
 *     `\p{Nd}` (Rust's `\d` is Unicode); `.` is `[^\n]`; `\w` is Rust's Unicode word class;
 *   - the properties L, Lu, Ll, Lt, Lm, Lo, M, N, Nd, Nl, No and White_Space follow tiktoken's Unicode
 *     tables (older than Node's: see scripts/gen-char-classes.ts), as `\p{X}` corrected with class set
 *     operations (flag v) or as explicit ranges (flag u): see `Tables`. Other properties (\p{P},
 *     \p{Han}, ...) stay `\p{...}` and use Node's tables. With tables 'node' everything uses Node's
 *     `\p{...}` (for checking the port against patterns JS can run as written);
 *   - `\xHH`, `\x{H..}`, `\uHHHH`, `\u{H..}`, `\UHHHHHHHH` become `\u{...}`; `(?P<name>` becomes `(?<name>`.
 * Compile with the flags portPattern returns ('gu' or 'gv'). A lone surrogate in the text behaves as
 * U+FFFD does in Rust (a member of negated classes only), which is what tiktoken's JS build does (it
 * converts text to UTF-8).
 * Unsupported (throws TokenlabError): atomic groups, conditionals, nested classes and class set
 * operations, inline flags other than i, assertions inside classes, `\W` inside a class (flag u).
 * Approximations: `\b`/`\B` are JS's ASCII word boundaries; `\w` uses Node's tables.
 */
import { TokenlabError } from '../../core/errors.js';
import { K_LL, K_LM, K_LO, K_LT, K_LU, K_M, K_ND, K_NL, K_NO, K_WS, rangesOfKinds } from './char-classes.js';
import { NODE_DIFFS, NODE_UNICODE_VERSION } from './generated/char-classes.js';
import type { PieceScanner } from './types.js';

/**
 * Whose Unicode tables the known properties (L, Lu, Ll, Lt, Lm, Lo, M, N, Nd, Nl, No, White_Space)
 * follow:
 *   'tiktoken' (default): tiktoken's. When Node's Unicode version is the one the table was generated
 *       against, written as Node's `\p{X}` corrected by the recorded differences with class set
 *       operations (`[\p{L}--[...]]`, flag v): a short source that V8 compiles well. Otherwise as
 *       'tiktoken-ranges';
 *   'tiktoken-ranges': tiktoken's, as explicit code-point ranges (flag u). Always right, but the source
 *       gets long (25-100 kB for the tiktoken patterns) and V8 then matches 3-5x slower;
 *   'node': Node's own `\p{X}` (flag u).
 */
export type Tables = 'tiktoken' | 'tiktoken-ranges' | 'node';

export interface PortOptions {
  tables?: Tables;
}

/** A ported pattern: source and the flags to compile it with ('gu' or 'gv'). */
export interface PortedPattern {
  source: string;
  flags: 'gu' | 'gv';
}

const KIND_OF_PROPERTY: Record<string, number> = {};
{
  const L = (1 << K_LU) | (1 << K_LL) | (1 << K_LT) | (1 << K_LM) | (1 << K_LO);
  const N = (1 << K_ND) | (1 << K_NL) | (1 << K_NO);
  const names: [string[], number][] = [
    [['L', 'Letter'], L],
    [['Lu', 'Uppercase_Letter'], 1 << K_LU],
    [['Ll', 'Lowercase_Letter'], 1 << K_LL],
    [['Lt', 'Titlecase_Letter'], 1 << K_LT],
    [['Lm', 'Modifier_Letter'], 1 << K_LM],
    [['Lo', 'Other_Letter'], 1 << K_LO],
    [['M', 'Mark', 'Combining_Mark'], 1 << K_M],
    [['N', 'Number'], N],
    [['Nd', 'Decimal_Number', 'digit'], 1 << K_ND],
    [['Nl', 'Letter_Number'], 1 << K_NL],
    [['No', 'Other_Number'], 1 << K_NO],
    [['White_Space', 'space', 'WSpace'], 1 << K_WS],
  ];
  for (const [aliases, mask] of names) for (const a of aliases) KIND_OF_PROPERTY[a] = mask;
}
const ALL_KINDS = (1 << 11) - 1;

type Range = [number, number];
type Mode = 'node' | 'ranges' | 'corrected';

/**
 * A set of code points as class content: `pos` matches the set, `neg` its complement (null when the
 * mode cannot write the complement as class content).
 */
interface Item {
  pos: string;
  neg: string | null;
}

function hexEsc(cp: number): string {
  return `\\u{${cp.toString(16)}}`;
}

/** Printable ASCII that means itself both inside and outside a u-mode class. */
const PLAIN = /^[0-9A-Za-z '"!#%&,:;<=>@_`~]$/;
const ALNUM = /^[0-9A-Za-z]$/;

function rangesJs(ranges: readonly Range[]): string {
  let s = '';
  for (const [a, b] of ranges) s += a === b ? hexEsc(a) : `${hexEsc(a)}-${hexEsc(b)}`;
  return s;
}

function complement(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((x, y) => x[0] - y[0]);
  const out: Range[] = [];
  let next = 0;
  for (const [a, b] of sorted) {
    if (a > next) out.push([next, a - 1]);
    next = Math.max(next, b + 1);
  }
  if (next <= 0x10ffff) out.push([next, 0x10ffff]);
  return out;
}

/** Code points equal to cp under (Rust's simple) case folding, cp included. */
function caseVariants(cp: number): number[] {
  const out = new Set<number>([cp]);
  const ch = String.fromCodePoint(cp);
  for (const v of [ch.toLowerCase(), ch.toUpperCase(), ch.toLowerCase().toUpperCase(), ch.toUpperCase().toLowerCase()]) {
    const c = v.codePointAt(0)!;
    if (v.length === String.fromCodePoint(c).length) out.add(c);
  }
  const lower = String.fromCodePoint(cp).toLowerCase();
  if (lower === 's' || cp === 0x17f) out.add(0x73).add(0x53).add(0x17f);
  if (lower === 'k' || cp === 0x212a) out.add(0x6b).add(0x4b).add(0x212a);
  if (cp === 0xe5 || cp === 0xc5 || cp === 0x212b) out.add(0xe5).add(0xc5).add(0x212b);
  return [...out].sort((a, b) => a - b);
}

/**
 * Where another engine's Unicode tables differ from Node's: runs [first, last, Node's value, the other
 * engine's value] of some property value (a kind, a category index, 0/1 for a binary property).
 */
export type ValueDiffs = readonly (readonly [number, number, number, number])[];

/**
 * The set `base` (one class operand in Node's tables: `\\p{L}`, `[...]`) corrected to another engine's
 * tables, as class content for flag v: runs whose Node value is in the set (`inSet`) and other value is
 * not are subtracted, the converse added. `base` itself when no run changes membership.
 */
export function correctedClass(base: string, diffs: ValueDiffs, inSet: (value: number) => boolean): string {
  const remove: Range[] = [];
  const add: Range[] = [];
  for (const [a, b, node, other] of diffs) {
    const inNode = inSet(node);
    const inOther = inSet(other);
    if (inNode && !inOther) remove.push([a, b]);
    else if (inOther && !inNode) add.push([a, b]);
  }
  let pos = remove.length ? `[${base}--[${rangesJs(remove)}]]` : base;
  if (add.length) pos += `[${rangesJs(add)}]`;
  return pos;
}

/** Node's \\p{name} corrected to tiktoken's set for the kinds in `mask` (class content, flag v). */
function correctedProperty(name: string, mask: number): Item {
  const pos = correctedClass(`\\p{${name}}`, NODE_DIFFS, (kind) => ((mask >> kind) & 1) === 1);
  return { pos, neg: `[^${pos}]` };
}

class Porter {
  private i = 0;
  private readonly out: string[] = [];
  constructor(
    private readonly pat: string,
    private readonly mode: Mode,
  ) {}

  private fail(msg: string): never {
    throw new TokenlabError(`cannot port regex ${JSON.stringify(this.pat)} to JavaScript: ${msg} at index ${this.i}`);
  }

  run(): string {
    this.sequence(false, true);
    if (this.i < this.pat.length) this.fail('unbalanced )');
    return this.out.join('');
  }

  /** Emits items until `)` (not consumed) or the end. */
  private sequence(ci: boolean, top: boolean): void {
    const p = this.pat;
    while (this.i < p.length) {
      const ch = p[this.i]!;
      if (ch === ')') {
        if (top) this.fail('unbalanced )');
        return;
      }
      if (ch === '(') {
        ci = this.group(ci);
        continue;
      }
      if (ch === '|' || ch === '^' || ch === '$') {
        this.out.push(ch);
        this.i++;
        continue;
      }
      if (ch === '*' || ch === '+' || ch === '?' || (ch === '{' && /^\{\d+(,\d*)?\}/.test(p.slice(this.i)))) {
        this.quantifier();
        continue;
      }
      if (ch === '.') {
        this.out.push('[^\\n]');
        this.i++;
        continue;
      }
      if (ch === '[') {
        this.out.push(this.charClass(ci));
        continue;
      }
      if (ch === '\\') {
        this.out.push(this.escapeOutside(ci));
        continue;
      }
      const cp = p.codePointAt(this.i)!;
      this.i += cp > 0xffff ? 2 : 1;
      this.out.push(this.literal(cp, ci));
    }
  }

  /** A literal outside classes. */
  private literal(cp: number, ci: boolean): string {
    const vs = ci ? caseVariants(cp) : [cp];
    if (vs.length === 1) return cp < 0x80 && PLAIN.test(String.fromCharCode(cp)) ? String.fromCharCode(cp) : hexEsc(cp);
    return `[${vs.map(hexEsc).join('')}]`;
  }

  /** A literal code point as class content (v-mode reserves most punctuation inside classes). */
  private classChar(cp: number): string {
    const ok = this.mode === 'corrected' ? ALNUM : PLAIN;
    return cp < 0x80 && ok.test(String.fromCharCode(cp)) ? String.fromCharCode(cp) : hexEsc(cp);
  }

  private quantifier(): void {
    const p = this.pat;
    const ch = p[this.i]!;
    if (ch === '{') {
      const end = p.indexOf('}', this.i);
      this.out.push(p.slice(this.i, end + 1));
      this.i = end + 1;
    } else {
      this.out.push(ch);
      this.i++;
    }
    if (p[this.i] === '?') {
      this.out.push('?'); // lazy
      this.i++;
    } else if (p[this.i] === '+') {
      this.i++; // possessive: dropped
    }
  }

  /** A group at `(`; returns the case-insensitivity in force after it (changed by `(?i)`). */
  private group(ci: boolean): boolean {
    const p = this.pat;
    const rest = p.slice(this.i);
    let inner = ci;
    let open: string;
    let m: RegExpExecArray | null;
    if ((m = /^\(\?([a-zA-Z]*)(?:-([a-zA-Z]*))?\)/.exec(rest))) {
      // (?flags): applies to the rest of the enclosing group
      this.i += m[0].length;
      return this.flags(m[1]!, m[2] ?? '', ci);
    }
    if ((m = /^\(\?([a-zA-Z]*)(?:-([a-zA-Z]*))?:/.exec(rest))) {
      inner = this.flags(m[1]!, m[2] ?? '', ci);
      open = '(?:';
    } else if ((m = /^\(\?(=|!|<=|<!)/.exec(rest))) {
      open = m[0];
    } else if ((m = /^\(\?P?<([A-Za-z_][A-Za-z0-9_]*)>/.exec(rest))) {
      open = `(?<${m[1]}>`;
    } else if (rest.startsWith('(?')) {
      this.fail('unsupported group (atomic, conditional, comment...)');
    } else {
      m = /^\(/.exec(rest)!;
      open = '(';
    }
    this.i += m[0].length;
    this.out.push(open);
    this.sequence(inner, false);
    if (p[this.i] !== ')') this.fail('missing )');
    this.i++;
    this.out.push(')');
    return ci;
  }

  private flags(on: string, off: string, ci: boolean): boolean {
    for (const f of on + off) if (f !== 'i') this.fail(`unsupported inline flag ${f}`);
    if (on.includes('i')) ci = true;
    if (off.includes('i')) ci = false;
    return ci;
  }

  /** Parses a `\\x..`, `\\u..`, `\\U..` code point escape at i (after the backslash and letter). */
  private hexEscape(letter: string): number {
    const rest = this.pat.slice(this.i);
    let m: RegExpExecArray | null;
    if ((m = /^\{([0-9a-fA-F]{1,8})\}/.exec(rest))) {
      this.i += m[0].length;
      return parseInt(m[1]!, 16);
    }
    const len = letter === 'x' ? 2 : letter === 'u' ? 4 : 8;
    if ((m = new RegExp(`^[0-9a-fA-F]{${len}}`).exec(rest))) {
      this.i += len;
      return parseInt(m[0], 16);
    }
    this.fail(`bad \\${letter} escape`);
  }

  /**
   * Parses an escape at `\\`: a set (with negation), a literal code point, or a raw assertion.
   */
  private escape(): { item: Item; negated: boolean } | { cp: number } | { raw: string } {
    const p = this.pat;
    this.i++; // backslash
    const e = p[this.i];
    if (e === undefined) this.fail('trailing backslash');
    this.i++;
    const simple: Record<string, number> = { n: 0x0a, r: 0x0d, t: 0x09, f: 0x0c, v: 0x0b, a: 0x07, e: 0x1b, '0': 0 };
    if (e in simple) return { cp: simple[e]! };
    if (e === 'x' || e === 'u' || e === 'U') return { cp: this.hexEscape(e) };
    if (e === 'p' || e === 'P') {
      let name: string;
      if (p[this.i] === '{') {
        const end = p.indexOf('}', this.i);
        if (end < 0) this.fail('unterminated \\p{');
        name = p.slice(this.i + 1, end).trim();
        this.i = end + 1;
      } else {
        name = p[this.i]!;
        this.i++;
      }
      let negated = e === 'P';
      if (name.startsWith('^')) {
        negated = !negated;
        name = name.slice(1);
      }
      const kv = /^([A-Za-z_]+)\s*[=:]\s*(.+)$/.exec(name);
      if (kv) name = /^(gc|General_Category)$/.test(kv[1]!) ? kv[2]! : `${kv[1]}=${kv[2]}`;
      const mask = KIND_OF_PROPERTY[name];
      if (mask !== undefined) return { item: this.property(mask, name), negated };
      return { item: { pos: `\\p{${name}}`, neg: `\\P{${name}}` }, negated }; // Node's tables
    }
    if (e === 's' || e === 'S') return { item: this.property(1 << K_WS, 'White_Space'), negated: e === 'S' };
    if (e === 'd' || e === 'D') return { item: this.property(1 << K_ND, 'Nd'), negated: e === 'D' };
    if (e === 'w' || e === 'W') {
      // Rust's Unicode \\w (Alphabetic, M, Nd, Pc, Join_Control), with Node's tables.
      const pos = '\\p{Alphabetic}\\p{M}\\p{Nd}\\p{Pc}\\u{200c}\\u{200d}';
      return { item: { pos, neg: this.mode === 'corrected' ? `[^${pos}]` : null }, negated: e === 'W' };
    }
    if (e === 'b' || e === 'B') return { raw: `\\${e}` };
    if (e === 'A') return { raw: '^' };
    if (e === 'z') return { raw: '$' };
    if (/[0-9A-Za-z]/.test(e)) this.fail(`unsupported escape \\${e}`);
    return { cp: e.codePointAt(0)! };
  }

  private property(mask: number, name: string): Item {
    if (this.mode === 'node') return { pos: `\\p{${name}}`, neg: `\\P{${name}}` };
    if (this.mode === 'corrected') return correctedProperty(name, mask);
    const ranges = rangesOfKinds(mask & ALL_KINDS);
    return { pos: rangesJs(ranges), neg: rangesJs(complement(ranges)) };
  }

  private escapeOutside(ci: boolean): string {
    const r = this.escape();
    if ('raw' in r) return r.raw;
    if ('cp' in r) return this.literal(r.cp, ci);
    return r.negated ? `[^${r.item.pos}]` : `[${r.item.pos}]`;
  }

  /** A bracketed class at `[`. */
  private charClass(ci: boolean): string {
    const p = this.pat;
    this.i++;
    let negated = false;
    if (p[this.i] === '^') {
      negated = true;
      this.i++;
    }
    const parts: string[] = [];
    let first = true;
    for (;;) {
      if (this.i >= p.length) this.fail('unterminated [');
      const ch = p[this.i]!;
      if (ch === ']' && !first) {
        this.i++;
        break;
      }
      first = false;
      if (ch === '[') this.fail('nested classes');
      if ((ch === '&' || ch === '-' || ch === '~') && p[this.i + 1] === ch) this.fail('class set operations');
      let lo: number;
      if (ch === '\\') {
        const r = this.escape();
        if ('raw' in r) this.fail('assertion in a class');
        if ('item' in r) {
          if (!r.negated) parts.push(r.item.pos);
          else if (r.item.neg !== null) parts.push(r.item.neg);
          else this.fail('this negated class escape inside a class');
          continue;
        }
        lo = r.cp;
      } else {
        lo = p.codePointAt(this.i)!;
        this.i += lo > 0xffff ? 2 : 1;
      }
      let hi = lo;
      if (p[this.i] === '-' && p[this.i + 1] !== ']' && this.i + 1 < p.length) {
        this.i++;
        if (p[this.i] === '\\') {
          const r = this.escape();
          if (!('cp' in r)) this.fail('bad class range');
          hi = r.cp;
        } else {
          hi = p.codePointAt(this.i)!;
          this.i += hi > 0xffff ? 2 : 1;
        }
        if (hi < lo) this.fail('reversed class range');
      }
      parts.push(lo === hi ? this.classChar(lo) : `${this.classChar(lo)}-${this.classChar(hi)}`);
      if (ci) {
        if (hi - lo > 0x400) this.fail('case-insensitive range too large');
        for (let cp = lo; cp <= hi; cp++) for (const v of caseVariants(cp)) if (v < lo || v > hi) parts.push(hexEsc(v));
      }
    }
    return `[${negated ? '^' : ''}${parts.join('')}]`;
  }
}

function resolveMode(tables: Tables): Mode {
  if (tables === 'node') return 'node';
  if (tables === 'tiktoken-ranges') return 'ranges';
  return process.versions.unicode === NODE_UNICODE_VERSION ? 'corrected' : 'ranges';
}

/** The JavaScript source and flags of a Rust-syntax pattern. Throws TokenlabError if unsupported. */
export function portPattern(pattern: string, options: PortOptions = {}): PortedPattern {
  const mode = resolveMode(options.tables ?? 'tiktoken');
  return { source: new Porter(pattern, mode).run(), flags: mode === 'corrected' ? 'gv' : 'gu' };
}

const compiled = new Map<string, RegExp>();

/** portPattern compiled (cached per pattern and tables; a fresh RegExp each call, lastIndex 0). */
export function compilePattern(pattern: string, options: PortOptions = {}): RegExp {
  const key = `${options.tables ?? 'tiktoken'}\u0000${pattern}`;
  let re = compiled.get(key);
  if (!re) {
    const { source, flags } = portPattern(pattern, options);
    re = new RegExp(source, flags);
    compiled.set(key, re);
  }
  return new RegExp(re);
}

/**
 * A PieceScanner running a pattern (Rust syntax, ported) or a ready JS RegExp (flags taken from it,
 * with 'u' required).
 *
 * At pos it returns the end of the match that starts at pos (leftmost-first, as a sticky exec). For
 * the tiktoken patterns a non-empty match starts at every position, so pieces are exactly the regex's
 * find_iter matches. For other patterns, where no non-empty match starts at pos, the piece is the gap
 * up to the next match (an empty match counts, at its position): the tiling HF's Split produces with
 * behavior "Isolated". One match array is allocated per piece.
 */
export function regexScanner(pattern: string | RegExp, options: PortOptions = {}): PieceScanner {
  const re = typeof pattern === 'string' ? compilePattern(pattern, options) : pattern;
  if (!re.flags.includes('u') && !re.flags.includes('v')) {
    throw new TokenlabError(`regexScanner: RegExp /${re.source}/ needs the u or v flag`);
  }
  const flags = re.flags.replace(/[gy]/g, '');
  const sticky = new RegExp(re.source, flags + 'y');
  const search = new RegExp(re.source, flags + 'g');
  return (text, pos) => {
    sticky.lastIndex = pos;
    const m = sticky.exec(text);
    if (m !== null && m[0].length > 0) return pos + m[0].length;
    const c = text.charCodeAt(pos);
    let next = pos + 1;
    if (c >= 0xd800 && c < 0xdc00 && (text.charCodeAt(next) & 0xfc00) === 0xdc00) next++;
    if (next >= text.length) return text.length;
    search.lastIndex = next;
    const g = search.exec(text);
    return g === null ? text.length : g.index;
  };
}
