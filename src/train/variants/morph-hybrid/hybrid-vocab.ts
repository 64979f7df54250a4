/**
 * The hybrid vocabulary's id layout (spec §5.1, our sizes): ids 0–6 the special tokens, then one id
 * per root allomorph set, one per suffix allomorph set, then the byte-level BPE table. The three
 * dictionaries are byte tries for the encoder's greedy longest-prefix match; the BPE table must hold
 * all 256 single bytes, which is what makes every string encodable without `<unknown>`.
 */
import { TokenlabError } from '../../../core/errors.js';
import { ByteTrie } from './byte-trie.js';
import type { MorphLanguage } from './morph-language.js';

export const SPECIAL_TOKENS = ['<uppercase>', '<unknown>', ' ', '\n', '\t', '<pad>', '<eos>'] as const;
export const UPPERCASE_ID = 0;
export const UNKNOWN_ID = 1;
export const SPACE_ID = 2;
export const NEWLINE_ID = 3;
export const TAB_ID = 4;
/** Whitespace specials decode to their character; the others are markers/control ids. */
const SPECIAL_TEXT: readonly (string | undefined)[] = [undefined, undefined, ' ', '\n', '\t', undefined, undefined];

export type IdKind = 'special' | 'root' | 'suffix' | 'bpe';

const utf8 = new TextEncoder();
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export class HybridVocab {
  readonly rootStart = SPECIAL_TOKENS.length;
  readonly suffixStart: number;
  readonly bpeStart: number;
  readonly size: number;
  readonly rootTrie = new ByteTrie();
  readonly suffixTrie = new ByteTrie();
  readonly bpeTrie = new ByteTrie();
  private readonly vowelFirst: Uint8Array;

  constructor(
    readonly lang: MorphLanguage,
    readonly roots: readonly (readonly string[])[],
    readonly suffixes: readonly (readonly string[])[],
    readonly bpe: readonly Uint8Array[],
  ) {
    this.suffixStart = this.rootStart + roots.length;
    this.bpeStart = this.suffixStart + suffixes.length;
    this.size = this.bpeStart + bpe.length;
    // "\n" and "\t" are ordinary root-dictionary entries with their special ids (spec §5.2 step 1).
    this.rootTrie.insert(utf8.encode('\n'), NEWLINE_ID);
    this.rootTrie.insert(utf8.encode('\t'), TAB_ID);
    const addSets = (trie: ByteTrie, sets: readonly (readonly string[])[], start: number, what: string): void => {
      sets.forEach((set, i) => {
        if (set.length === 0) throw new TokenlabError(`${what} set ${i} is empty`);
        const first = lang.isVowel([...set[0]!][0] ?? '');
        for (const s of set) {
          if (s === '') throw new TokenlabError(`${what} set ${i} has an empty surface`);
          if (lang.isVowel([...s][0]!) !== first) throw new TokenlabError(`${what} set ${i} mixes vowel- and consonant-initial surfaces (${set.join('/')})`);
          trie.insert(utf8.encode(s), start + i);
        }
      });
    };
    addSets(this.rootTrie, roots, this.rootStart, 'root');
    addSets(this.suffixTrie, suffixes, this.suffixStart, 'suffix');
    bpe.forEach((b, i) => this.bpeTrie.insert(b, this.bpeStart + i));
    for (let byte = 0; byte < 256; byte++) {
      if (this.bpeTrie.longest(Uint8Array.of(byte), 0, 1) === undefined) throw new TokenlabError(`the BPE table lacks the single byte 0x${byte.toString(16).padStart(2, '0')}: text with it could not be encoded`);
    }
    this.vowelFirst = new Uint8Array(this.size);
    for (let id = this.rootStart; id < this.size; id++) {
      const first = this.firstChar(id);
      this.vowelFirst[id] = first !== undefined && lang.isVowel(first) ? 1 : 0;
    }
  }

  kind(id: number): IdKind | undefined {
    if (!Number.isSafeInteger(id) || id < 0 || id >= this.size) return undefined;
    return id < this.rootStart ? 'special' : id < this.suffixStart ? 'root' : id < this.bpeStart ? 'suffix' : 'bpe';
  }

  /** The allomorph set of a root or suffix id (canonical surface first). */
  group(id: number): readonly string[] | undefined {
    const k = this.kind(id);
    return k === 'root' ? this.roots[id - this.rootStart] : k === 'suffix' ? this.suffixes[id - this.suffixStart] : undefined;
  }

  bpeBytes(id: number): Uint8Array | undefined {
    return this.kind(id) === 'bpe' ? this.bpe[id - this.bpeStart] : undefined;
  }

  specialText(id: number): string | undefined {
    return this.kind(id) === 'special' ? SPECIAL_TEXT[id] : undefined;
  }

  /** Whether the token's (canonical) surface starts with a vowel; false for markers and partial bytes. */
  vowelInitial(id: number): boolean {
    return this.vowelFirst[id] === 1;
  }

  /** A readable name per id: the special's name, the canonical surface, or the BPE bytes as text/`<0xNN>`. */
  tokenName(id: number): string {
    const k = this.kind(id);
    if (k === undefined) throw new TokenlabError(`morph-hybrid: id ${id} is not in the vocabulary (size ${this.size})`);
    if (k === 'special') return SPECIAL_TOKENS[id]!;
    const g = this.group(id);
    if (g !== undefined) return g.join('/');
    return bytesName(this.bpeBytes(id)!);
  }

  /** The surface bytes of an id for metrics: canonical allomorph, whitespace specials, or marker names. */
  canonicalBytes(id: number): Uint8Array {
    const k = this.kind(id);
    if (k === undefined) throw new TokenlabError(`morph-hybrid: id ${id} is not in the vocabulary (size ${this.size})`);
    if (k === 'bpe') return this.bpeBytes(id)!;
    if (k === 'special') return utf8.encode(SPECIAL_TEXT[id] ?? SPECIAL_TOKENS[id]!);
    return utf8.encode(this.group(id)![0]!);
  }

  private firstChar(id: number): string | undefined {
    const g = this.group(id);
    if (g !== undefined) return [...g[0]!][0];
    const b = this.bpeBytes(id)!;
    for (let n = Math.min(4, b.length); n >= 1; n--) {
      try {
        return [...strict.decode(b.subarray(0, n))][0];
      } catch {
        // not a complete character yet
      }
    }
    return undefined;
  }
}

/** Bytes as text when they are valid UTF-8, else `<0xNN>` per byte. */
export function bytesName(b: Uint8Array): string {
  try {
    return strict.decode(b);
  } catch {
    return [...b].map((x) => `<0x${x.toString(16).toUpperCase().padStart(2, '0')}>`).join('');
  }
}
