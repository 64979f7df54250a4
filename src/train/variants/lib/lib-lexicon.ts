/**
 * LiB's lexicon (spec §4.1): an *ordered* list of chunks — a lower index is a higher priority — with
 * a hash index for prefix matching. Chunks are strings; lengths are counted in code points.
 * `matchTwo` finds the longest and second-longest lexicon chunks starting at a position: O(L) hash
 * look-ups for L = the longest chunk length (bounded by maxChunkLen). Reordering (`groupMove`) and
 * removal rebuild the index: O(n log n) per article, not per move.
 */
export class LibLexicon {
  private list: string[] = [];
  private readonly index = new Map<string, number>();
  /** Longest chunk in code points (prefix matching never looks further). */
  private longest = 1;

  constructor(chunks: Iterable<string> = []) {
    for (const c of chunks) this.append(c);
  }

  get size(): number {
    return this.list.length;
  }

  has(chunk: string): boolean {
    return this.index.has(chunk);
  }

  /** Rank (0 = best); undefined when absent. */
  rank(chunk: string): number | undefined {
    return this.index.get(chunk);
  }

  at(i: number): string {
    return this.list[i]!;
  }

  chunks(): readonly string[] {
    return this.list;
  }

  append(chunk: string): boolean {
    if (chunk.length === 0 || this.index.has(chunk)) return false;
    this.index.set(chunk, this.list.length);
    this.list.push(chunk);
    const n = cpLength(chunk);
    if (n > this.longest) this.longest = n;
    return true;
  }

  removeAll(chunks: ReadonlySet<string>): void {
    if (chunks.size === 0) return;
    this.replace(this.list.filter((c) => !chunks.has(c)));
  }

  /**
   * Moves each chunk by e·(⌊index·rate⌋ + 1) positions (e = +1 toward the tail: punish; −1 toward the
   * head: reward). Moves are computed from the ranks before the batch and summed per chunk; a moved
   * chunk lands just before (reward) or after (punish) the chunk that held its target rank.
   */
  groupMove(moves: readonly [string, number][], rate: number): void {
    if (moves.length === 0) return;
    const shift = new Map<string, number>();
    for (const [c, e] of moves) {
      const i = this.index.get(c);
      if (i === undefined) continue;
      shift.set(c, (shift.get(c) ?? 0) + e * (Math.floor(i * rate) + 1));
    }
    const keyed = this.list.map((c, i) => {
      const s = shift.get(c);
      return { c, key: s === undefined || s === 0 ? i : i + s + (s < 0 ? -0.5 : 0.5), i };
    });
    keyed.sort((a, b) => a.key - b.key || a.i - b.i);
    this.replace(keyed.map((k) => k.c));
  }

  /**
   * Longest and second-longest chunks at code point `pos` of `cps` ('' when there is none), looking at
   * most `maxLen` code points ahead.
   */
  matchTwo(cps: readonly string[], pos: number, maxLen = Infinity): [longest: string, second: string] {
    let longest = '';
    let second = '';
    let cand = '';
    const end = Math.min(cps.length, pos + Math.min(maxLen, this.longest));
    for (let j = pos; j < end; j++) {
      cand += cps[j]!;
      if (this.index.has(cand)) {
        second = longest;
        longest = cand;
      }
    }
    return [longest, second];
  }

  private replace(list: string[]): void {
    this.list = list;
    this.index.clear();
    this.longest = 1;
    list.forEach((c, i) => {
      this.index.set(c, i);
      const n = cpLength(c);
      if (n > this.longest) this.longest = n;
    });
  }
}

export function cpLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n++;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  return n;
}
