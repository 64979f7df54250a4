/**
 * Special tokens of a tiktoken-style encoding, safe by default (as tiktoken): text that contains a
 * special token's string is an error unless the caller allows it (`allowedSpecial`) or opts out of
 * the check (`disallowedSpecial`), and the error names both options.
 *
 * Finding them: every encoding's specials share a prefix (`<|`), so the scan is an indexOf of that
 * prefix and a sticky regex (longest alternative first) at each hit, not a regex over all the text.
 */
import { TokenlabError } from '../../core/errors.js';

export type SpecialSet = 'all' | Iterable<string>;

export interface SpecialOptions {
  /** Special tokens to encode as their ids. Default: none. */
  allowedSpecial?: SpecialSet;
  /** Special tokens whose presence in the text is an error. Default: 'all' (every special not allowed). */
  disallowedSpecial?: SpecialSet;
}

export interface SpecialMatch {
  start: number;
  end: number;
  token: string;
}

export class SpecialTokens {
  readonly byString: Map<string, number>;
  readonly byId: Map<number, string>;
  private readonly prefix: string;
  private readonly matcher: RegExp | null;

  constructor(tokens: Record<string, number>) {
    this.byString = new Map(Object.entries(tokens));
    this.byId = new Map([...this.byString].map(([s, id]) => [id, s]));
    const strings = [...this.byString.keys()].sort((a, b) => b.length - a.length);
    this.prefix = commonPrefix(strings);
    this.matcher = strings.length ? new RegExp(strings.map(escapeRegExp).join('|'), 'y') : null;
  }

  /** Next occurrence of any special token string at or after `from`, or null. */
  find(text: string, from: number, accept?: (token: string) => boolean): SpecialMatch | null {
    const matcher = this.matcher;
    if (!matcher) return null;
    const prefix = this.prefix;
    let at = from;
    for (;;) {
      at = prefix ? text.indexOf(prefix, at) : at;
      if (at < 0 || at >= text.length) return null;
      matcher.lastIndex = at;
      const m = matcher.exec(text);
      if (m && (!accept || accept(m[0]))) return { start: at, end: at + m[0].length, token: m[0] };
      at++;
    }
  }

  /** Resolves the two options to (allowed set, disallowed set), validating the names. */
  resolve(opts: SpecialOptions, where: string): { allowed: Set<string>; disallowed: Set<string> } {
    const all = [...this.byString.keys()];
    const allowed = opts.allowedSpecial === 'all' ? new Set(all) : this.named(opts.allowedSpecial ?? [], where, 'allowedSpecial');
    const disallowedOpt = opts.disallowedSpecial ?? 'all';
    const disallowed =
      disallowedOpt === 'all'
        ? new Set(all.filter((s) => !allowed.has(s)))
        : this.named(disallowedOpt, where, 'disallowedSpecial');
    return { allowed, disallowed };
  }

  /** Throws if text contains a disallowed special token, naming it, its offset, and the options. */
  check(text: string, disallowed: Set<string>, encodingName: string): void {
    if (disallowed.size === 0) return;
    const hit = this.find(text, 0, (t) => disallowed.has(t));
    if (hit) {
      throw new TokenlabError(
        `encode: the text contains the special token ${JSON.stringify(hit.token)} at offset ${hit.start} ` +
          `(${encodingName}). Pass { allowedSpecial: [${JSON.stringify(hit.token)}] } (or 'all') to encode it as a ` +
          `special token, or { disallowedSpecial: [] } to encode it as ordinary text ` +
          `(CLI: --allowed-special / --disallowed-special none).`,
      );
    }
  }

  private named(set: Iterable<string>, where: string, option: string): Set<string> {
    if (typeof set === 'string') {
      throw new TokenlabError(`${where}: ${option} must be 'all' or a list of special tokens, got the string ${JSON.stringify(set)}`);
    }
    const out = new Set<string>();
    for (const s of set) {
      if (!this.byString.has(s)) {
        throw new TokenlabError(`${where}: ${option} names ${JSON.stringify(s)}, which is not a special token of this encoding`);
      }
      out.add(s);
    }
    return out;
  }
}

function commonPrefix(strings: string[]): string {
  if (strings.length === 0) return '';
  let prefix = strings[0]!;
  for (const s of strings) while (!s.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
