/**
 * Extended grapheme clusters of a string, via Intl.Segmenter but on short spans: V8's segment
 * iterator slows down superlinearly on long inputs (measured: 10k chars 95 ms, 40k chars 1.2 s).
 * Spans are cut only where UAX #29 always breaks (see boundaryAt), e.g. between two "plain" chars —
 * printable ASCII, CJK ideographs, kana: grapheme class Other, never Extend, SpacingMark, Prepend,
 * ZWJ, regional indicator or Hangul — so cutting cannot change the result.
 * Complexity: O(n). Performance notes: Intl.Segmenter costs ~1.5–3 µs per char at any span length
 * (measured on Russian FLORES, spans of 8–1000 chars) and grows on 5k+ spans; word-sized spans
 * with a cache of spans up to 32 units beat one call per ~200-char span on FLORES text.
 */
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function plain(code: number): boolean {
  return (
    (code >= 0x20 && code < 0x7f) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3041 && code <= 0x3096) ||
    (code >= 0x30a1 && code <= 0x30fa)
  );
}

const SAFE_START = /^[\p{L}\p{N}\p{P}]$/u;
const NOT_SAFE = /^[\u0e33\u0eb3\uff9e\uff9f\u1100-\u11ff\ua960-\ua97f\uac00-\ud7a3\ud7b0-\ud7ff]$/u;

/**
 * Whether UAX #29 always breaks before s[j]: between two plain chars (GB999); after LF (GB4); or
 * after a space before a letter/number/punctuation that is not Extend, SpacingMark or Hangul (no
 * rule GB6–GB9c can apply after a space).
 */
function boundaryAt(s: string, j: number): boolean {
  const p = s.charCodeAt(j - 1);
  if (p === 0x0a) return true;
  const c = s.charCodeAt(j);
  if (plain(p) && plain(c)) return true;
  if (p !== 0x20) return false;
  const ch = String.fromCodePoint(s.codePointAt(j)!);
  return SAFE_START.test(ch) && !NOT_SAFE.test(ch);
}

const SPAN = 1;
const spanCache = new Map<string, string[]>();
const SPAN_CACHE_MAX = 100000;

/** Segments one span; short spans (single words between ASCII) repeat a lot, so they are cached. */
function segmentSpan(span: string): string[] {
  let segs = spanCache.get(span);
  if (segs === undefined) {
    segs = [];
    for (const { segment } of segmenter.segment(span)) segs.push(segment);
    if (span.length <= 32) {
      if (spanCache.size >= SPAN_CACHE_MAX) spanCache.clear();
      spanCache.set(span, segs);
    }
  }
  return segs;
}

/**
 * Yields the grapheme clusters of `s`. A plain char between plain neighbours (or the string's
 * ends) is a cluster on its own and is yielded directly; each span between guaranteed boundaries
 * goes through Intl.Segmenter (short spans keep V8's segmenter linear).
 */
export function* graphemes(s: string): Generator<string> {
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (plain(c) && (i === 0 || plain(s.charCodeAt(i - 1))) && (i + 1 === n || plain(s.charCodeAt(i + 1)))) {
      yield s[i]!;
      i++;
      continue;
    }
    // Extend the span to a guaranteed boundary: the first plain|plain one (the fast path takes
    // over there) or any one once the span is long enough to amortize a segmenter call.
    let end = i + 1;
    while (end < n) {
      if (plain(s.charCodeAt(end)) && plain(s.charCodeAt(end - 1))) break;
      if (end - i >= SPAN && boundaryAt(s, end)) break;
      end++;
    }
    if (end === i + 1 && (c < 0xd800 || c > 0xdfff)) {
      yield s[i]!;
    } else {
      yield* segmentSpan(s.slice(i, end));
    }
    i = end;
  }
}
