/**
 * Reading and writing the `vocab` fields of tokenizer.json models: an object token -> id
 * (BPE, WordPiece, WordLevel). Written back ordered by id, as HF's OrderedVocabIter does.
 */
import { asObject, asUint, fail, type JsonObject } from './json-read.js';

export function readVocabMap(v: unknown, path: string): Map<string, number> {
  const obj = asObject(v, path);
  const map = new Map<string, number>();
  for (const tok in obj) {
    const id = obj[tok];
    // Paths are only built on error: this loop runs for every entry of 100k+ vocabularies.
    if (typeof id !== 'number' || !Number.isInteger(id) || id < 0) asUint(id, `${path}[${JSON.stringify(tok)}]`);
    map.set(tok, id as number);
  }
  return map;
}

/** Reverse map id -> token (when two tokens share an id, the later one wins). */
export function reverseVocab(vocab: Map<string, number>): Map<number, string> {
  const r = new Map<number, string>();
  for (const [tok, id] of vocab) r.set(id, tok);
  return r;
}

export function writeVocabMap(vocab: Map<string, number>): JsonObject {
  const entries = [...vocab.entries()].sort((a, b) => a[1] - b[1]);
  const out: JsonObject = {};
  for (const [tok, id] of entries) out[tok] = id;
  return out;
}

/** `path` is a thunk so callers in hot loops build it only on error. */
export function requireInVocab(vocab: Map<string, number>, token: string, path: () => string, role: string): number {
  const id = vocab.get(token);
  if (id === undefined) fail(path(), `${role} ${JSON.stringify(token)} is not in the vocabulary`);
  return id;
}
