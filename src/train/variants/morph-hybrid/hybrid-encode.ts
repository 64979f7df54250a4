/**
 * Spec §5.2 step 3 and the round-trip guarantee. At each position of a segment's UTF-8 bytes the
 * longest root wins, else the longest suffix, else the longest BPE entry (every single byte is one,
 * so something always matches and no character becomes `<unknown>`).
 *
 * A root or suffix id stands for several surfaces; decoding picks one from context (the text before
 * it and whether the next token starts with a vowel). Where that pick would differ from the text —
 * a harmony exception like saat+ler, an unsoftened kitap before a vowel — the token is re-encoded
 * with the BPE table, whose ids have one surface each; this repeats until every shared id decodes to
 * its own surface, so decode(encode(x)) === x for every well-formed string.
 */
import { CONTEXT_CHARS, type MorphLanguage } from './morph-language.js';
import { hybridSegments } from './hybrid-segments.js';
import { SPACE_ID, UPPERCASE_ID, type HybridVocab } from './hybrid-vocab.js';

/** How a root and a suffix matching at the same position are ranked (see morphMatch). */
export type MatchPriority = 'roots-first' | 'longest-inside-word';
export const MATCH_PRIORITIES: readonly MatchPriority[] = ['roots-first', 'longest-inside-word'];

export interface HybridPiece {
  id: number;
  /** [start, end) UTF-16 span in the input; a partial-character BPE piece gets its character's span. */
  start: number;
  end: number;
  /** The lowercased surface a root/suffix id matched (what decoding must reproduce). */
  surface?: string;
}

const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder();

/** UTF-8 bytes of `s` with, per byte, the UTF-16 span of the character it belongs to. */
function bytesWithSpans(s: string): { bytes: Uint8Array; charStart: Int32Array; charEnd: Int32Array } {
  const bytes = utf8.encode(s);
  const charStart = new Int32Array(bytes.length);
  const charEnd = new Int32Array(bytes.length);
  let b = 0;
  let u = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    const n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4; // a lone surrogate becomes U+FFFD: 3
    for (let k = 0; k < n; k++) {
      charStart[b + k] = u;
      charEnd[b + k] = u + ch.length;
    }
    b += n;
    u += ch.length;
  }
  return { bytes, charStart, charEnd };
}

/**
 * The root or suffix match at byte `p` of a segment. `roots-first` is the reference (spec §5.2): a
 * root wins wherever it matches. `longest-inside-word` keeps that at the segment start but, inside a
 * word, takes the longer of the two (a suffix on ties), so a short root such as `la` or `de` does not
 * cut a suffix chain (kitap|ları|mız rather than kitap|la|r|ımız).
 */
function morphMatch(v: HybridVocab, bytes: Uint8Array, p: number, match: MatchPriority): { length: number; value: number } | undefined {
  const root = v.rootTrie.longest(bytes, p, bytes.length);
  if (match === 'roots-first' || p === 0) return root ?? v.suffixTrie.longest(bytes, p, bytes.length);
  const suffix = v.suffixTrie.longest(bytes, p, bytes.length);
  return root !== undefined && (suffix === undefined || root.length > suffix.length) ? root : suffix;
}

/** Greedy roots/suffixes → BPE over one lowercased segment placed at `at` in the input. */
function encodeSegment(v: HybridVocab, seg: string, at: number, out: HybridPiece[], match: MatchPriority | 'bpe-only'): void {
  const { bytes, charStart, charEnd } = bytesWithSpans(seg);
  for (let p = 0; p < bytes.length;) {
    const m = (match === 'bpe-only' ? undefined : morphMatch(v, bytes, p, match)) ?? v.bpeTrie.longest(bytes, p, bytes.length)!;
    const piece: HybridPiece = { id: m.value, start: at + charStart[p]!, end: at + charEnd[p + m.length - 1]! };
    if (v.group(m.value) !== undefined) piece.surface = utf8Decoder.decode(bytes.subarray(p, p + m.length));
    out.push(piece);
    p += m.length;
  }
}

export function encodeHybridPieces(v: HybridVocab, lang: MorphLanguage, text: string, match: MatchPriority = 'roots-first'): HybridPiece[] {
  const out: HybridPiece[] = [];
  for (const e of hybridSegments(lang, text)) {
    if (e.kind === 'space') out.push({ id: SPACE_ID, start: e.at, end: e.at + 1 });
    else if (e.kind === 'uppercase') out.push({ id: UPPERCASE_ID, start: e.at, end: e.at + e.length });
    else encodeSegment(v, e.text, e.at, out, match);
  }
  return fixRealizations(v, lang, text, out);
}

/**
 * Replaces, until none is left, every shared id whose realization in context differs from its
 * surface. A replacement only changes what its neighbours see as "next token", so a few passes do.
 */
function fixRealizations(v: HybridVocab, lang: MorphLanguage, text: string, out: HybridPiece[]): HybridPiece[] {
  let pieces = out;
  for (let changed = true; changed;) {
    changed = false;
    const next: HybridPiece[] = [];
    for (let i = 0; i < pieces.length; i++) {
      const t = pieces[i]!;
      const g = v.group(t.id);
      const following = pieces[i + 1];
      if (g === undefined || g.length === 1 || lang.realize(g, { before: text.slice(Math.max(0, t.start - CONTEXT_CHARS), t.start), nextVowelInitial: following !== undefined && v.vowelInitial(following.id) }) === t.surface) {
        next.push(t);
      } else {
        encodeSegment(v, t.surface!, t.start, next, 'bpe-only');
        changed = true;
      }
    }
    pieces = next;
  }
  return pieces;
}

/**
 * Training helper: the stretches of a text that neither a root nor a suffix covers (greedy as
 * above, one character at a time where nothing matches) — what the BPE table is trained on.
 */
export function morphResidues(v: HybridVocab, lang: MorphLanguage, text: string, match: MatchPriority, onResidue: (s: string) => void, onMorph?: (id: number) => void): void {
  for (const e of hybridSegments(lang, text)) {
    if (e.kind !== 'segment') continue;
    const bytes = utf8.encode(e.text);
    let residueStart = -1;
    for (let p = 0; p < bytes.length;) {
      const m = morphMatch(v, bytes, p, match);
      if (m !== undefined) {
        if (residueStart !== -1) onResidue(utf8Decoder.decode(bytes.subarray(residueStart, p)));
        residueStart = -1;
        onMorph?.(m.value);
        p += m.length;
      } else {
        if (residueStart === -1) residueStart = p;
        p += utf8CharLength(bytes[p]!);
      }
    }
    if (residueStart !== -1) onResidue(utf8Decoder.decode(bytes.subarray(residueStart)));
  }
}

function utf8CharLength(lead: number): number {
  return lead < 0x80 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
}
