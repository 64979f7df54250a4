/**
 * Spec §5.2 steps 1–2: the text is split on U+0020 only (each space becomes the space token), and
 * each part at every uppercase letter ("camelCase split"); a segment that starts with an uppercase
 * letter is announced by `<uppercase>` and has that letter lowercased. Only letters whose case
 * round-trips are treated as uppercase (isRoundTripUpper), so the marker never loses text.
 */
import { isRoundTripUpper, type MorphLanguage } from './morph-language.js';

export type SegmentEvent =
  | { kind: 'space'; at: number }
  | { kind: 'uppercase'; at: number; length: number }
  /** `text` is the lowercased segment; it occupies [at, at + text.length) of the input (same length). */
  | { kind: 'segment'; at: number; text: string };

export function* hybridSegments(lang: MorphLanguage, text: string): Generator<SegmentEvent> {
  let segStart = 0;
  let seg = '';
  const flush = function* (): Generator<SegmentEvent> {
    if (seg !== '') yield { kind: 'segment', at: segStart, text: seg };
    seg = '';
  };
  let at = 0;
  for (const ch of text) {
    if (ch === ' ') {
      yield* flush();
      yield { kind: 'space', at };
      segStart = at + 1;
    } else if (isRoundTripUpper(lang, ch)) {
      yield* flush();
      yield { kind: 'uppercase', at, length: ch.length };
      segStart = at;
      seg = lang.toLower(ch);
    } else {
      if (seg === '') segStart = at;
      seg += ch;
    }
    at += ch.length;
  }
  yield* flush();
}
