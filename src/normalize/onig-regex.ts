/**
 * Translates a tokenizer.json regex (Oniguruma syntax, as HF's `onig` build runs it) into an
 * equivalent JS RegExp source for the `u` flag. Differences handled (each checked against the
 * native binding in test/normalize/hf-regex.test.ts):
 * - `{n,m}+` is an interval repeated by `+` (Ruby syntax), not possessive;
 * - possessive quantifiers (`++`, `*+`, `?+`) and atomic groups `(?>...)` are emulated
 *   with `(?=(?<n>X))\k<n>` (a lookahead commits to X's first match) — NOT simply dropped: with
 *   Oniguruma's multiline `$`, `\s++$` and `\s+$` differ on "\r\na";
 * - `(?i:...)` is expanded into explicit case alternatives (Node 20 lacks inline modifiers);
 * - `\s`/`\S` are Unicode White_Space (JS `\s` adds U+FEFF and misses U+0085); `\d` is \p{Nd};
 *   `\w` is [\p{Alphabetic}\p{M}\p{Nd}\p{Pc}²³¹¼½¾] (measured over every code point) and `\b`
 *   uses it; `{,n}` is `{0,n}`; `\h` is a hex digit; `\A`, `\z`, `\Z` anchors;
 * - `^`/`$` are line anchors (Ruby syntax) on `\n` only;
 * - `\p{Han}`-style script names become `\p{Script=Han}`; `\x{HH}` becomes `\u{HH}`;
 * - identity escapes and stray `{`, `}`, `]` that `u` mode rejects are re-escaped.
 * Unsupported constructs (POSIX brackets, class set operations, `\S` inside a class, multi-char
 * case folds like ß under `(?i:)`) raise a TokenlabError naming the pattern. Known gap: under
 * `(?i:...)` Oniguruma also matches multi-char folds in the SUBJECT (`(?i:ss)` matches "ß").
 */
import { TokenlabError } from '../core/errors.js';

const WS = '\\t-\\r \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
/** Oniguruma's Unicode word chars, measured against HF over every code point (Latin-1's ² ³ ¹ ¼ ½ ¾ included). */
const WORD = '\\p{Alphabetic}\\p{M}\\p{Nd}\\p{Pc}\\xb2\\xb3\\xb9\\xbc-\\xbe';
const SYNTAX = new Set('^$\\.*+?()[]{}|/'.split(''));
const GENERAL_CATEGORY = /^(?:L|Lu|Ll|Lt|Lm|Lo|LC|L&|M|Mn|Mc|Me|N|Nd|Nl|No|P|Pc|Pd|Ps|Pe|Pi|Pf|Po|S|Sm|Sc|Sk|So|Z|Zs|Zl|Zp|C|Cc|Cf|Cs|Co|Cn|Any|Alpha|Alphabetic|White_Space|Letter|Mark|Number|Punctuation|Symbol|Separator|Other)$/;

export interface TranslatedRegex {
  source: string;
  flags: string;
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
  const out = translate(p, false, where, pattern);
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
  if (lo === up) return ch;
  return inClass ? lo + up : `[${lo}${up}]`;
}

interface Ctx {
  /** Counter for the capture names used to emulate atomic groups. */
  atomics: number;
  backrefs: boolean;
}

/** JS has no atomic groups: `(?=(?<n>X))\k<n>` matches what X first matches, then never backtracks into it. */
function atomic(ctx: Ctx, x: string): string {
  const name = `_a${ctx.atomics++}`;
  return `(?=(?<${name}>${x}))\\k<${name}>`;
}

function translate(p: string, ci: boolean, where: string, whole: string, ctx: Ctx = { atomics: 0, backrefs: false }): string {
  let out = '';
  let inClass = false;
  let classStart = false;
  let classOpen = 0;
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
      out += translateEscape(p, i, inClass, where, whole, ci, (skip) => (i += skip));
      classStart = false;
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
      const inRange = p[i + 1] === '-' || p[i - 1] === '-';
      out += ci && !inRange ? caseClass(c, true, where, whole) : c === ']' ? '\\]' : c;
      continue;
    }
    switch (c) {
      case '[':
        inClass = true;
        classStart = true;
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
  advance: (n: number) => void,
): string {
  const n = p[i]!;
  switch (n) {
    case 's':
      return inClass ? WS : `[${WS}]`;
    case 'S':
      if (inClass) fail(where, whole, '\\S inside a class');
      return `[^${WS}]`;
    case 'd':
      return inClass ? '\\p{Nd}' : '\\p{Nd}';
    case 'D':
      if (inClass) fail(where, whole, '\\D inside a class');
      return '\\P{Nd}';
    case 'w':
      return inClass ? WORD : `[${WORD}]`;
    case 'W':
      if (inClass) fail(where, whole, '\\W inside a class');
      return `[^${WORD}]`;
    case 'h':
      return inClass ? '0-9a-fA-F' : '[0-9a-fA-F]';
    case 'H':
      if (inClass) fail(where, whole, '\\H inside a class');
      return '[^0-9a-fA-F]';
    case 'b':
      if (inClass) return '\\x08';
      return `(?:(?<=[${WORD}])(?![${WORD}])|(?<![${WORD}])(?=[${WORD}]))`;
    case 'B':
      return `(?:(?<=[${WORD}])(?=[${WORD}])|(?<![${WORD}])(?![${WORD}]))`;
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
      return `\\${neg ? 'P' : 'p'}{${body}}`;
    }
    case 'x': {
      const m = /^\{([0-9a-fA-F]+)\}/.exec(p.slice(i + 1));
      if (m) {
        advance(m[0].length);
        return `\\u{${m[1]}}`;
      }
      return '\\x';
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
      return cp;
    }
  }
}
