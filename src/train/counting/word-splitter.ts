/**
 * Turns one training unit into words: special tokens cut out, normalize, pre-tokenize (spec §1.1 step 2).
 * The configuration is the tokenizer.json `normalizer` and `pre_tokenizer` objects, so a worker thread
 * can rebuild the same splitter from plain JSON, and the trained tokenizer.json carries the same stages.
 *
 * Two paths give the same words (test/train/word-splitter.test.ts checks this on random text):
 * - fast path, for the byte-level pre-tokenizers trainers use (`ByteLevel` with its regex, or a
 *   `Sequence` of `Split`(Isolated)/`Digits` followed by `ByteLevel`): plain-string regex splitting;
 *   pieces are counted raw and mapped to byte-level chars once per distinct piece, not per occurrence.
 * - generic path: any normalizer/pre-tokenizer through the pipeline's alignment-tracking strings.
 *
 * Differences from HF, by design: special tokens found in the training text are removed, not counted
 * as raw words (HF's quirk, spec §1.1 step 2); they are matched leftmost, longest first.
 * Complexity: O(unit length) per unit plus one regex pass per split stage.
 */
import { charLen, NormalizedString } from '../../core/normalized-string.js';
import { PreTokenizedString } from '../../core/pre-tokenized-string.js';
import type { Normalizer, PreTokenizer } from '../../core/stages.js';
import { normalizerFromJSON } from '../../normalize/index.js';
import { RegexPattern } from '../../normalize/pattern.js';
import { preTokenizerFromJSON } from '../../pretokenize/index.js';
import { GPT2_PATTERN } from '../../pretokenize/byte-level.js';
import { BYTE_TO_CHAR } from '../../pretokenize/byte-level-alphabet.js';
import type { PackedWords } from './packed-words.js';
import { PieceCounter } from './piece-counter.js';
import { WordPacker } from './word-packer.js';

/** Plain-JSON description of how text becomes words (safe to send to a worker). */
export interface SplitterConfig {
  /** tokenizer.json `normalizer` object, or null/absent for none. */
  normalizer?: unknown;
  /** tokenizer.json `pre_tokenizer` object, or null/absent for none (the whole unit is one word). */
  preTokenizer?: unknown;
  /** Strings cut out of the text before normalization; they are never counted. */
  specialTokens?: string[];
}

/** Where raw words are counted: a Map (raw word -> count) or a PieceCounter (what the counters use). */
export type PieceSink = Map<string, number> | PieceCounter;

/** Counts the words of units into a Map (raw word -> count) or a PieceCounter. */
export interface WordSplitter {
  /** Adds the words of `unit` to `into` (raw keys: call `finish` for the final words). */
  addUnit(unit: string, into: PieceSink): void;
  /**
   * The final words and their counts, as parallel arrays: the keys counted by `addUnit` mapped to
   * final words (byte-level chars on the fast path; the mapping is injective, so no two keys merge).
   */
  finish(raw: PieceSink): { words: string[]; counts: Float64Array };
  /** The same words as `finish`, packed (packed-words.ts): what the counters use (no per-word strings). */
  finishPacked(raw: PieceSink, reuse?: ArrayBuffer): PackedWords;
  readonly fast: boolean;
}

/** Receives one non-empty piece. */
type Emit = (piece: string) => void;
/** Splits a non-empty string, emitting its non-empty pieces in order. */
type StringSplit = (s: string, emit: Emit) => void;

export function createWordSplitter(config: SplitterConfig): WordSplitter {
  const normalizer = config.normalizer == null ? undefined : normalizerFromJSON(config.normalizer);
  const cut = specialCutter(config.specialTokens ?? []);
  const fast = config.preTokenizer == null ? undefined : fastSplitter(config.preTokenizer);
  if (fast !== undefined) return new FastSplitter(fast.steps, fast.byteLevel, normalizer, cut);
  const pre = config.preTokenizer == null ? undefined : preTokenizerFromJSON(config.preTokenizer);
  return new GenericSplitter(normalizer, pre, cut);
}

/** Splits text around special tokens (dropping them); undefined when there are none. */
function specialCutter(specials: string[]): ((s: string) => string[]) | undefined {
  const list = [...new Set(specials.filter((s) => s.length > 0))].sort((a, b) => b.length - a.length);
  if (list.length === 0) return undefined;
  const re = new RegExp(list.map((s) => s.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')).join('|'), 'gu');
  return (s) => s.split(re);
}

function normalized(n: Normalizer | undefined, s: string): string {
  if (n === undefined) return s;
  const ns = new NormalizedString(s);
  n.normalize(ns);
  return ns.normalized;
}

class GenericSplitter implements WordSplitter {
  readonly fast = false;
  private readonly packer = new WordPacker();
  constructor(
    private readonly normalizer: Normalizer | undefined,
    private readonly pre: PreTokenizer | undefined,
    private readonly cut: ((s: string) => string[]) | undefined,
  ) {}

  addUnit(unit: string, into: PieceSink): void {
    for (const seg of this.cut?.(unit) ?? [unit]) {
      if (seg.length === 0) continue;
      const ns = new NormalizedString(seg);
      this.normalizer?.normalize(ns);
      const pts = new PreTokenizedString(ns);
      this.pre?.preTokenize(pts);
      for (const sp of pts.splits) {
        const w = sp.text.normalized;
        if (w.length === 0) continue;
        if (into instanceof PieceCounter) into.add(w);
        else into.set(w, (into.get(w) ?? 0) + 1);
      }
    }
  }

  finish(raw: PieceSink): { words: string[]; counts: Float64Array } {
    const m = asMap(raw);
    return { words: [...m.keys()], counts: Float64Array.from(m.values()) };
  }

  finishPacked(raw: PieceSink, reuse?: ArrayBuffer): PackedWords {
    return raw instanceof PieceCounter ? this.packer.packCounter(raw, false, reuse) : this.packer.pack(raw, false, reuse);
  }
}

class FastSplitter implements WordSplitter {
  readonly fast = true;
  private readonly packer = new WordPacker();
  private into: PieceSink = new Map();
  /** The step chain: entry 0 receives a normalized segment, the last entry counts words. */
  private readonly chain: Emit;
  constructor(
    steps: StringSplit[],
    private readonly byteLevel: boolean,
    private readonly normalizer: Normalizer | undefined,
    private readonly cut: ((s: string) => string[]) | undefined,
  ) {
    let next: Emit = (w) => {
      const m = this.into;
      if (m instanceof PieceCounter) m.add(w);
      else m.set(w, (m.get(w) ?? 0) + 1);
    };
    for (let i = steps.length - 1; i >= 0; i--) {
      const step = steps[i]!;
      const after = next;
      next = (s) => step(s, after);
    }
    this.chain = next;
  }

  addUnit(unit: string, into: PieceSink): void {
    this.into = into;
    if (this.cut === undefined) {
      if (unit.length > 0) this.chain(normalized(this.normalizer, unit));
      return;
    }
    for (const seg of this.cut(unit)) if (seg.length > 0) this.chain(normalized(this.normalizer, seg));
  }

  finish(sink: PieceSink): { words: string[]; counts: Float64Array } {
    const raw = asMap(sink);
    const words = new Array<string>(raw.size);
    const counts = new Float64Array(raw.size);
    let i = 0;
    // No cache of mapped words across batches: its keys were slices of the batch text and kept
    // every batch alive (hundreds of MB on 100 MB corpora).
    for (const [w, c] of raw) {
      words[i] = this.byteLevel ? toByteLevel(w) : w;
      counts[i++] = c;
    }
    return { words, counts };
  }

  finishPacked(raw: PieceSink, reuse?: ArrayBuffer): PackedWords {
    return raw instanceof PieceCounter ? this.packer.packCounter(raw, this.byteLevel, reuse) : this.packer.pack(raw, this.byteLevel, reuse);
  }
}

function asMap(sink: PieceSink): Map<string, number> {
  if (!(sink instanceof PieceCounter)) return sink;
  const m = new Map<string, number>();
  for (let i = 0; i < sink.size; i++) m.set(sink.key(i), sink.counts[i]!);
  return m;
}

const utf8 = new TextEncoder();

/** The GPT-2 byte-level form of a string: each UTF-8 byte as its printable char. */
export function toByteLevel(s: string): string {
  let ascii = true;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) { ascii = false; break; }
  let out = '';
  if (ascii) {
    for (let i = 0; i < s.length; i++) out += BYTE_TO_CHAR[s.charCodeAt(i)]!;
    return out;
  }
  for (const b of utf8.encode(s)) out += BYTE_TO_CHAR[b]!;
  return out;
}

/**
 * Isolated split by a regex: matches and the gaps between them are pieces, empty ones dropped.
 * The same match sequence as `RegexPattern.findMatches` (an empty match right where the previous
 * match ended is skipped by one char), without building the match list.
 */
function regexSplit(p: RegexPattern): StringSplit {
  const re = p.re;
  return (s, emit) => {
    let prev = 0;
    let from = 0;
    let lastEnd = -1;
    while (from <= s.length) {
      re.lastIndex = from;
      const m = re.exec(s);
      if (m === null) break;
      const start = m.index;
      const end = start + m[0].length;
      if (start === end && end === lastEnd) {
        from = start < s.length ? start + charLen(s, start) : s.length + 1;
        continue;
      }
      if (prev < start) emit(s.slice(prev, start));
      if (end > start) emit(m[0]);
      prev = end;
      lastEnd = end;
      from = end;
    }
    if (prev < s.length) emit(s.slice(prev));
  };
}

const prefixSpace: StringSplit = (s, emit) => emit(s.startsWith(' ') ? s : ' ' + s);

/**
 * Recognizes pre-tokenizers made only of plain-string steps ending in ByteLevel; undefined otherwise.
 * Recognized: ByteLevel; Sequence[(Split{Regex|String, Isolated, invert:false} | Digits)*, ByteLevel].
 */
function fastSplitter(json: unknown): { steps: StringSplit[]; byteLevel: boolean } | undefined {
  const obj = json as Record<string, unknown>;
  const list = obj['type'] === 'Sequence' && Array.isArray(obj['pretokenizers']) ? (obj['pretokenizers'] as unknown[]) : [json];
  const steps: StringSplit[] = [];
  for (let i = 0; i < list.length; i++) {
    const step = list[i] as Record<string, unknown>;
    if (step === null || typeof step !== 'object') return undefined;
    const last = i === list.length - 1;
    if (step['type'] === 'ByteLevel' && last) {
      // Validate through the real component (defaults, unknown fields), then read its settings.
      const bl = preTokenizerFromJSON(step).toJSON();
      if (bl['add_prefix_space'] === true) steps.push(prefixSpace);
      if (bl['use_regex'] !== false) steps.push(regexSplit(RegexPattern.fromOnig(GPT2_PATTERN, 'ByteLevel regex')));
      return { steps, byteLevel: true };
    }
    if (step['type'] === 'Split') {
      const sp = preTokenizerFromJSON(step).toJSON();
      if (sp['behavior'] !== 'Isolated' || sp['invert'] !== false) return undefined;
      const pat = sp['pattern'] as Record<string, string>;
      const p = 'Regex' in pat ? RegexPattern.fromOnig(pat['Regex']!, `pre_tokenizer.pretokenizers[${i}].pattern`) : RegexPattern.literal(pat['String']!);
      steps.push(regexSplit(p));
      continue;
    }
    if (step['type'] === 'Digits') {
      const d = preTokenizerFromJSON(step).toJSON();
      steps.push(regexSplit(new RegexPattern(d['individual_digits'] === true ? /\p{N}/gu : /\p{N}+/gu)));
      continue;
    }
    return undefined;
  }
  return undefined;
}
