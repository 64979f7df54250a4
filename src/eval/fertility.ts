/**
 * Fertility and the proportion of continued words (Rust et al. 2021; spec §4).
 *
 *   fertility = N / W
 *   proportion of continued words = |{w : w overlaps ≥ 2 tokens}| / W
 *
 * Words are maximal runs of non-whitespace characters (whitespace segmentation; scripts written
 * without spaces, such as Chinese or Thai, therefore have few, long "words" and a high fertility —
 * compare those across tokenizers, not across languages). A token belongs to every word its
 * character span overlaps, so a token that spans two words (a multi-word token) leaves both words
 * uncontinued. Zero-width tokens are ignored. Linear: one sweep over the sorted spans.
 */

export interface WordStats {
  words: number;
  continuedWords: number;
}

/** [start, end) UTF-16 spans of the whitespace-separated words of `text`. */
export function wordSpans(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of text.matchAll(/\S+/gu)) out.push([m.index, m.index + m[0].length]);
  return out;
}

/** Counts words and continued words; `tokens` are token spans in text order. */
export function wordStats(words: readonly [number, number][], tokens: readonly [number, number][]): WordStats {
  let continued = 0;
  let t = 0;
  for (const [ws, we] of words) {
    while (t < tokens.length && tokens[t]![1] <= ws) t++;
    let n = 0;
    for (let k = t; k < tokens.length && tokens[k]![0] < we; k++) {
      const [s, e] = tokens[k]!;
      if (e > s && e > ws) n++;
      if (n >= 2) break;
    }
    if (n >= 2) continued++;
  }
  return { words: words.length, continuedWords: continued };
}

export function fertility(tokens: number, words: number): number {
  return words === 0 ? 0 : tokens / words;
}

export function continuedWordShare(s: WordStats): number {
  return s.words === 0 ? 0 : s.continuedWords / s.words;
}
