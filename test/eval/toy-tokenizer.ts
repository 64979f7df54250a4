/**
 * Toy tokenizers for hand-computed expectations: character-level (one token per code point, id =
 * code point, optional UNK for characters outside an alphabet) and whitespace-word-level.
 */
import type { EvalTokenizer } from '../../src/eval/adapter.js';

const utf8 = new TextEncoder();

export function charTokenizer(name = 'chars', alphabet?: string, unkId = 0): EvalTokenizer {
  const known = alphabet === undefined ? undefined : new Set([...alphabet]);
  const encodeWithOffsets = (text: string) => {
    const ids: number[] = [];
    const offsets: [number, number][] = [];
    let i = 0;
    for (const ch of text) {
      ids.push(known && !known.has(ch) ? unkId : ch.codePointAt(0)!);
      offsets.push([i, i + ch.length]);
      i += ch.length;
    }
    return { ids, offsets };
  };
  return {
    name,
    vocabSize: 128,
    encode: (t) => encodeWithOffsets(t).ids,
    encodeWithOffsets,
    idToBytes: (id) => utf8.encode(id === unkId && known ? '<unk>' : String.fromCodePoint(id)),
    idToString: (id) => (id === unkId && known ? '<unk>' : String.fromCodePoint(id)),
    isSpecial: (id) => known !== undefined && id === unkId,
    ...(known ? { unkId } : {}),
    vocabIds: () => Array.from({ length: 128 }, (_, i) => i),
  };
}

/** One token per whitespace-separated word (and one per whitespace run); ids from a growing table. */
export function wordTokenizer(name = 'words'): EvalTokenizer {
  const table = new Map<string, number>();
  const strings: string[] = [];
  const idOf = (s: string): number => {
    let id = table.get(s);
    if (id === undefined) { id = strings.length; table.set(s, id); strings.push(s); }
    return id;
  };
  const encodeWithOffsets = (text: string) => {
    const ids: number[] = [];
    const offsets: [number, number][] = [];
    for (const m of text.matchAll(/\s+|\S+/gu)) {
      ids.push(idOf(m[0]));
      offsets.push([m.index, m.index + m[0].length]);
    }
    return { ids, offsets };
  };
  return {
    name,
    get vocabSize() { return Math.max(1, strings.length); },
    encode: (t) => encodeWithOffsets(t).ids,
    encodeWithOffsets,
    idToBytes: (id) => utf8.encode(strings[id] ?? ''),
    idToString: (id) => strings[id] ?? '',
    isSpecial: () => false,
    vocabIds: () => strings.map((_, i) => i),
  };
}
