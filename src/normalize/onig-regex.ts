/**
 * Translates a tokenizer.json regex (Oniguruma syntax, as HF's `onig` build runs it) into an
 * equivalent JS RegExp source for the `u` flag (`v` when a class needs set operations, below).
 * Differences handled (each checked against the native binding in test/normalize/hf-regex.test.ts):
 * - `{n,m}+` is an interval repeated by `+` (Ruby syntax), not possessive;
 * - possessive quantifiers (`++`, `*+`, `?+`) and atomic groups `(?>...)` are emulated
 *   with `(?=(?<n>X))\k<n>` (a lookahead commits to X's first match) — NOT simply dropped: with
 *   Oniguruma's multiline `$`, `\s++$` and `\s+$` differ on "\r\na";
 * - `(?i:...)` is expanded into explicit case alternatives (Node 20 lacks inline modifiers);
 * - `\s`/`\S` are Unicode White_Space (JS `\s` adds U+FEFF and misses U+0085); `\d` is \p{Nd};
 *   `\w` is [\p{Alphabetic}\p{M}\p{Nd}\p{Pc}²³¹¼½¾] (measured over every code point) and `\b`
 *   uses it; `{,n}` is `{0,n}`; `\h` is a hex digit; `\A`, `\z`, `\Z` anchors;
 * - `^`/`$` are line anchors (Ruby syntax) on `\n` only;
 * - `\p{Han}`-style script names become `\p{Script=Han}`; `\x{HH}`, `\xH`, `\uHHHH` become `\u{...}`;
 * - Unicode tables: Oniguruma's are older than V8's. Every `\p{X}`, `\d`, `\w`, `\b`, `\s` whose set
 *   differs is V8's class corrected with flag-v set operations (`[\p{L}--[...]][...]`, built by the
 *   tiktoken port's correctedClass) from generated/onig-unicode-gaps.ts, measured against the native
 *   binding by scripts/gen-onig-unicode-gaps.ts (test/hf/unicode-tables.test.ts). A script Oniguruma
 *   does not know (`\p{Sidetic}`) is rejected, as HF rejects it;
 * - identity escapes and stray `{`, `}`, `]` that `u` mode rejects are re-escaped; class items other
 *   than ASCII letters and digits are written `\u{...}` (valid under both u and v).
 * Unsupported constructs (POSIX brackets, class set operations, `\S` inside a class, multi-char
 * case folds like ß under `(?i:)`) raise a TokenlabError naming the pattern. Known gap: under
 * `(?i:...)` Oniguruma also matches multi-char folds in the SUBJECT (`(?i:ss)` matches "ß"), and
 * class ranges there are not case-closed (`(?i:[a-z])` misses "A").
 */
import { TokenlabError } from '../core/errors.js';
import { correctedClass, type ValueDiffs } from '../pretokenize/scanners/regex-scanner.js';
// A namespace import, read lazily: scripts/gen-onig-unicode-gaps.ts imports this module while it
// rewrites the generated file, whose exports may then not match yet.
import * as gaps from './generated/onig-unicode-gaps.js';

/** Oniguruma's `\s` (Unicode White_Space) as class content. */
export const ONIG_SPACE = '\\t-\\r \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
/** Oniguruma's Unicode word chars, measured against HF over every code point (Latin-1's ² ³ ¹ ¼ ½ ¾ included). */
export const ONIG_WORD = '\\p{Alphabetic}\\p{M}\\p{Nd}\\p{Pc}\\xb2\\xb3\\xb9\\xbc-\\xbe';
const SYNTAX = new Set('^$\\.*+?()[]{}|/'.split(''));
const GENERAL_CATEGORY = /^(?:L|Lu|Ll|Lt|Lm|Lo|LC|L&|M|Mn|Mc|Me|N|Nd|Nl|No|P|Pc|Pd|Ps|Pe|Pi|Pf|Po|S|Sm|Sc|Sk|So|Z|Zs|Zl|Zp|C|Cc|Cf|Cs|Co|Cn|Any|Alpha|Alphabetic|White_Space|Letter|Mark|Number|Punctuation|Symbol|Separator|Other)$/;

export interface TranslatedRegex {
  source: string;
  /** 'gu' (plus 'i'), or 'gv' when a class is corrected to Oniguruma's tables with set operations. */
  flags: string;
}

// ---- Oniguruma's Unicode tables: the engine's classes corrected by generated/onig-unicode-gaps.ts ----

const GC_GROUPS: Record<string, string> = { Letter: 'L', Mark: 'M', Number: 'N', Punctuation: 'P', Symbol: 'S', Separator: 'Z', Other: 'C', 'L&': 'LC' };
const isOne = (v: number): boolean => v === 1;
const classTests = new Map<string, RegExp | null>();

/** Whether the engine puts `cp` in the class with content `content` (false if it rejects the class). */
function engineHas(content: string, cp: number): boolean {
  let re = classTests.get(content);
  if (re === undefined) {
    try {
      re = new RegExp(`^[${content}]$`, 'u');
    } catch {
      re = null;
    }
    classTests.set(content, re);
  }
  return re !== null && re.test(String.fromCodePoint(cp));
}

let gapsApply: boolean | undefined;
/**
 * Whether the gaps fit this engine: its `\p{}` must give the recorded engine-side value at both ends of
 * every recorded run (true for the Unicode version they were generated with). Otherwise the classes
 * stay uncorrected (exact only where the engine's Unicode version is Oniguruma's).
 */
function onigGapsApply(): boolean {
  if (gapsApply !== undefined) return gapsApply;
  const fits = (diffs: ValueDiffs, has: (value: number, cp: number) => boolean): boolean =>
    diffs.every(([a, b, js]) => has(js, a) && has(js, b));
  const binary = (content: string) => (js: number, cp: number) => engineHas(content, cp) === (js === 1);
  gapsApply =
    fits(gaps.GC_DIFFS, (js, cp) => engineHas(`\\p{${gaps.GC_NAMES[js]}}`, cp)) &&
    fits(gaps.SCRIPT_DIFFS, (js, cp) => engineHas(`\\p{Script=${gaps.SCRIPT_NAMES[js]}}`, cp)) &&
    fits(gaps.BINARY_DIFFS.Alphabetic, binary('\\p{Alphabetic}')) &&
    fits(gaps.BINARY_DIFFS.White_Space, binary('\\p{White_Space}')) &&
    fits(gaps.BINARY_DIFFS.word, binary(ONIG_WORD)) &&
    fits(gaps.BINARY_DIFFS.space, binary(ONIG_SPACE));
  return gapsApply;
}

/** `base` corrected by `diffs`, or null when the correction changes nothing (or does not apply). */
function corrected(base: string, diffs: ValueDiffs, inSet: (value: number) => boolean): string | null {
  if (!onigGapsApply()) return null;
  const c = correctedClass(base, diffs, inSet);
  return c === base ? null : c;
}

/**
 * Oniguruma's `\p{name}` (`body` = the engine's property name) as class content for flag v, or null
 * when the engine's `\p{body}` already is Oniguruma's set.
 */
function onigProperty(name: string, body: string, where: string, whole: string): string | null {
  const base = `\\p{${body}}`;
  if (name === 'Any') return null;
  if (name === 'Alpha' || name === 'Alphabetic') return corrected(base, gaps.BINARY_DIFFS.Alphabetic, isOne);
  if (name === 'White_Space') return corrected(base, gaps.BINARY_DIFFS.White_Space, isOne);
  if (GENERAL_CATEGORY.test(name)) {
    const g = GC_GROUPS[name] ?? name;
    // LC is Lu | Ll | Lt; otherwise a category name is the prefix of its leaf categories.
    return corrected(base, gaps.GC_DIFFS, g === 'LC' ? (v) => v <= 2 : (v) => gaps.GC_NAMES[v]!.startsWith(g));
  }
  // A script: recognised (under any alias the engine accepts) by a code point the engine puts in it.
  const i = gaps.SCRIPT_SAMPLES.findIndex((cp) => engineHas(base, cp));
  if (i < 0 || !onigGapsApply()) return null;
  if ((gaps.ONIG_UNKNOWN_SCRIPTS as readonly string[]).includes(gaps.SCRIPT_NAMES[i]!)) fail(where, whole, `\\p{${name}} (a script newer than Oniguruma's tables)`);
  return corrected(base, gaps.SCRIPT_DIFFS, (v) => v === i);
}

/** The class content of `\w` / `\s` in Oniguruma's tables; notes in ctx when it needs flag v. */
function wordContent(ctx: Ctx): string {
  return needsV(ctx, corrected(`[${ONIG_WORD}]`, gaps.BINARY_DIFFS.word, isOne)) ?? ONIG_WORD;
}
function spaceContent(ctx: Ctx): string {
  return needsV(ctx, corrected(`[${ONIG_SPACE}]`, gaps.BINARY_DIFFS.space, isOne)) ?? ONIG_SPACE;
}
function needsV(ctx: Ctx, content: string | null): string | null {
  if (content !== null) ctx.setOps = true;
  return content;
}

/** A class item as v-safe class content: ASCII letters and digits as themselves, the rest escaped. */
function classLiteral(ch: string): string {
  return /^[0-9A-Za-z]$/.test(ch) ? ch : `\\u{${ch.codePointAt(0)!.toString(16)}}`;
}

/** Translates `pattern`; `where` names it in errors (a JSON path). */
export function translateOnigRegex(pattern: string, where: string): TranslatedRegex {
  let flags = 'gu';
  let p = pattern;
  // A leading global `(?i)` becomes the i flag.
  if (p.startsWith('(?i)')) {
    flags += 'i';
    p = p.slice(4);
  }
  const ctx: Ctx = { atomics: 0, backrefs: false, setOps: false };
  const out = translate(p, false, where, pattern, ctx);
  // Class set operations need flag v (same syntax as u otherwise: class items are emitted v-safe).
  if (ctx.setOps) flags = flags.replace('u', 'v');
  try {
    new RegExp(out, flags);
  } catch (e) {
    throw new TokenlabError(`cannot translate regex ${JSON.stringify(pattern)} to JS: ${(e as Error).message}`, { path: where });
  }
  return { source: out, flags };
}

function fail(where: string, pattern: string, what: string): never {
  throw new TokenlabError(`unsupported regex construct ${what} in ${JSON.stringify(pattern)}`, { path: where });
}

/** Index of the `)` closing the group opened at `open` (skipping escapes and classes). */
function closingParen(p: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

function caseClass(ch: string, inClass: boolean, where: string, whole: string): string {
  const lo = ch.toLowerCase();
  const up = ch.toUpperCase();
  // Oniguruma folds these to several chars (ß ~ ss): not expressible as a class.
  if ([...lo].length !== 1 || [...up].length !== 1) fail(where, whole, `case-insensitive ${JSON.stringify(ch)} (multi-char case folding)`);
  if (lo === up) return inClass ? classLiteral(ch) : ch;
  return inClass ? classLiteral(lo) + classLiteral(up) : `[${lo}${up}]`;
}

interface Ctx {
  /** Counter for the capture names used to emulate atomic groups. */
  atomics: number;
  backrefs: boolean;
  /** Whether a class was corrected with set operations (the regex then needs flag v). */
  setOps: boolean;
}

/** JS has no atomic groups: `(?=(?<n>X))\k<n>` matches what X first matches, then never backtracks into it. */
function atomic(ctx: Ctx, x: string): string {
  const name = `_a${ctx.atomics++}`;
  return `(?=(?<${name}>${x}))\\k<${name}>`;
}

function translate(p: string, ci: boolean, where: string, whole: string, ctx: Ctx): string {
  let out = '';
  let inClass = false;
  let classStart = false;
  let classOpen = 0;
  /** In a class, the last item: a char (can start a range), a set (`\\w`), a range's `-`, a range's end. */
  let last: 'none' | 'char' | 'set' | 'dash' | 'rangeEnd' = 'none';
  let atomStart = -1;
  const groups: { start: number; atomic: boolean }[] = [];
  /** After a quantifier: a following `+` makes it possessive (atomic), `?` lazy. */
  const afterQuantifier = (i: number): number => {
    if (p[i + 1] === '+') {
      if (atomStart >= 0) out = out.slice(0, atomStart) + atomic(ctx, out.slice(atomStart));
      return i + 1;
    }
    if (p[i + 1] === '?') {
      out += '?';
      return i + 1;
    }
    return i;
  };
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === '\\') {
      const n = p[i + 1];
      if (n === undefined) fail(where, whole, 'trailing backslash');
      i++;
      if (!inClass) atomStart = out.length;
      if (/[1-9]/.test(n)) ctx.backrefs = true;
      out += translateEscape(p, i, inClass, where, whole, ci, ctx, (skip) => (i += skip));
      classStart = false;
      if (inClass) {
        const isSet = 'sSdDwWhHpP'.includes(n);
        if (isSet && last === 'dash') fail(where, whole, 'class range to a class escape');
        last = isSet ? 'set' : last === 'dash' ? 'rangeEnd' : 'char';
      }
      continue;
    }
    if (inClass) {
      if (c === '[') {
        if (p[i + 1] === ':') fail(where, whole, 'POSIX bracket');
        fail(where, whole, 'nested character class');
      }
      if (c === '&' && p[i + 1] === '&') fail(where, whole, 'class intersection &&');
      if (c === ']' && !classStart) {
        inClass = false;
        out += ']';
        atomStart = classOpen;
        continue;
      }
      classStart = false;
      if (c === '^' && p[i - 1] === '[') {
        out += c;
        classStart = true;
        continue;
      }
      // Flag v wants every other `-` escaped: a range's `-` follows a char and precedes a non-`]`.
      if (c === '-' && p[i + 1] !== ']' && i + 1 < p.length) {
        if (last === 'set') fail(where, whole, 'class range from a class escape');
        if (last === 'char') {
          out += '-';
          last = 'dash';
          continue;
        }
      }
      const ch = String.fromCodePoint(p.codePointAt(i)!);
      const inRange = last === 'dash' || p[i + ch.length] === '-';
      i += ch.length - 1;
      out += ci && !inRange ? caseClass(ch, true, where, whole) : classLiteral(ch);
      last = last === 'dash' ? 'rangeEnd' : 'char';
      continue;
    }
    switch (c) {
      case '[':
        inClass = true;
        classStart = true;
        last = 'none';
        classOpen = out.length;
        out += '[';
        continue;
      case '(': {
        if (p.startsWith('(?i:', i)) {
          const close = closingParen(p, i);
          if (close < 0) fail(where, whole, 'unbalanced group');
          atomStart = out.length;
          out += '(?:' + translate(p.slice(i + 4, close), true, where, whole, ctx) + ')';
          i = close;
          continue;
        }
        if (p.startsWith('(?>', i)) {
          groups.push({ start: out.length, atomic: true });
          out += '(?:';
          i += 2;
          continue;
        }
        if (p[i + 1] === '?' && /^\(\?[imx-]+[:)]/.test(p.slice(i))) fail(where, whole, 'inline option group');
        groups.push({ start: out.length, atomic: false });
        // Copy group prefixes verbatim: (?: (?= (?! (?<= (?<! (?<name>
        const prefix = /^\(\?(?:[:=!]|<[=!]|<[A-Za-z_][A-Za-z0-9_]*>)/.exec(p.slice(i));
        if (prefix) {
          out += prefix[0];
          i += prefix[0].length - 1;
        } else {
          if (p[i + 1] === '?') fail(where, whole, `group syntax ${JSON.stringify(p.slice(i, i + 4))}`);
          out += '(';
        }
        continue;
      }
      case ')': {
        const g = groups.pop();
        if (g === undefined) fail(where, whole, 'unbalanced )');
        out += ')';
        if (g.atomic) out = out.slice(0, g.start) + atomic(ctx, out.slice(g.start));
        atomStart = g.start;
        continue;
      }
      case '*':
      case '+':
      case '?':
        out += c;
        i = afterQuantifier(i);
        atomStart = -1;
        continue;
      case '{': {
        const m = /^\{(\d*)(,(\d*))?\}/.exec(p.slice(i));
        if (m && atomStart >= 0 && (m[1] !== '' || (m[3] !== undefined && m[3] !== ''))) {
          // Ruby syntax also allows `{,n}` = `{0,n}`.
          out += m[1] === '' ? `{0,${m[3]}}` : m[0];
          i += m[0].length - 1;
          if (p[i + 1] === '+') {
            // Ruby syntax: `{n,m}+` is NOT possessive but `{n,m}` repeated by `+` (so `\p{N}{1,3}+`
            // matches any number of digits, as HF really does).
            out = out.slice(0, atomStart) + '(?:' + out.slice(atomStart) + ')+';
            i = afterQuantifier(i + 1);
          } else {
            i = afterQuantifier(i);
          }
          atomStart = -1;
        } else {
          atomStart = out.length;
          out += '\\{';
        }
        continue;
      }
      case '}':
        atomStart = out.length;
        out += '\\}';
        continue;
      case ']':
        atomStart = out.length;
        out += '\\]';
        continue;
      case '^':
        out += '(?<![^\\n])';
        atomStart = -1;
        continue;
      case '$':
        out += '(?![^\\n])';
        atomStart = -1;
        continue;
      case '|':
        out += '|';
        atomStart = -1;
        continue;
      case '.':
        atomStart = out.length;
        out += '[^\\n]';
        continue;
      default: {
        // Take a whole code point so case expansion sees astral letters.
        const cp = String.fromCodePoint(p.codePointAt(i)!);
        i += cp.length - 1;
        atomStart = out.length;
        out += ci ? caseClass(cp, false, where, whole) : cp;
      }
    }
  }
  if (inClass) fail(where, whole, 'unterminated character class');
  if (groups.length > 0) fail(where, whole, 'unbalanced (');
  if (ctx.backrefs && ctx.atomics > 0) fail(where, whole, 'numbered backreference together with possessive/atomic parts');
  return out;
}

function translateEscape(
  p: string,
  i: number,
  inClass: boolean,
  where: string,
  whole: string,
  ci: boolean,
  ctx: Ctx,
  advance: (n: number) => void,
): string {
  const n = p[i]!;
  switch (n) {
    case 's':
      return inClass ? spaceContent(ctx) : `[${spaceContent(ctx)}]`;
    case 'S':
      if (inClass) fail(where, whole, '\\S inside a class');
      return `[^${spaceContent(ctx)}]`;
    case 'd': {
      const nd = needsV(ctx, onigProperty('Nd', 'Nd', where, whole));
      return nd === null ? '\\p{Nd}' : inClass ? nd : `[${nd}]`;
    }
    case 'D': {
      if (inClass) fail(where, whole, '\\D inside a class');
      const nd = needsV(ctx, onigProperty('Nd', 'Nd', where, whole));
      return nd === null ? '\\P{Nd}' : `[^${nd}]`;
    }
    case 'w':
      return inClass ? wordContent(ctx) : `[${wordContent(ctx)}]`;
    case 'W':
      if (inClass) fail(where, whole, '\\W inside a class');
      return `[^${wordContent(ctx)}]`;
    case 'h':
      return inClass ? '0-9a-fA-F' : '[0-9a-fA-F]';
    case 'H':
      if (inClass) fail(where, whole, '\\H inside a class');
      return '[^0-9a-fA-F]';
    case 'b': {
      if (inClass) return '\\x08';
      const w = wordContent(ctx);
      return `(?:(?<=[${w}])(?![${w}])|(?<![${w}])(?=[${w}]))`;
    }
    case 'B': {
      const w = wordContent(ctx);
      return `(?:(?<=[${w}])(?=[${w}])|(?<![${w}])(?![${w}]))`;
    }
    case 'A':
      return '(?<![\\s\\S])';
    case 'z':
      return '(?![\\s\\S])';
    case 'Z':
      return '(?=\\n?(?![\\s\\S]))';
    case 'p':
    case 'P': {
      const m = /^\{(\^?)([^}]*)\}/.exec(p.slice(i + 1));
      if (!m) fail(where, whole, `\\${n} without {name}`);
      advance(m[0].length);
      const neg = (n === 'P') !== (m[1] === '^');
      const name = m[2]!;
      const body = GENERAL_CATEGORY.test(name) ? (name === 'L&' ? 'LC' : name) : `Script=${name}`;
      const onig = needsV(ctx, onigProperty(name, body, where, whole));
      if (onig === null) return `\\${neg ? 'P' : 'p'}{${body}}`;
      return neg ? `[^${onig}]` : inClass ? onig : `[${onig}]`;
    }
    case 'x':
    case 'u': {
      // \x{H..}, \xH, \xHH, \uHHHH: written \u{...} so a class sees one char (and u mode takes \xH).
      const m = (n === 'x' ? /^(?:\{([0-9a-fA-F]+)\}|([0-9a-fA-F]{1,2}))/ : /^()([0-9a-fA-F]{4})/).exec(p.slice(i + 1));
      if (!m) return '\\' + n;
      advance(m[0].length);
      return `\\u{${m[1] || m[2]}}`;
    }
    default: {
      if (n === 'e') return '\\x1b';
      if (n === 'a') return '\\x07';
      if (n === 'R' && !inClass) return '(?:\\r\\n|(?!\\r\\n)[\\n\\v\\f\\r\\x85\\u2028\\u2029])';
      if ('KXGyYNOR'.includes(n)) fail(where, whole, `\\${n}`);
      if (/[0-9a-zA-Z]/.test(n)) return '\\' + n;
      // Identity escape of a punctuation char: keep it escaped only when `u` mode allows it.
      if (SYNTAX.has(n) || (inClass && n === '-')) return '\\' + n;
      const cp = String.fromCodePoint(p.codePointAt(i)!);
      advance(cp.length - 1);
      return inClass ? classLiteral(cp) : cp;
    }
  }
}
