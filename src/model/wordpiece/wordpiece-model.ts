/**
 * The WordPiece model (tokenizer.json `"type": "WordPiece"`): greedy longest-match-first, as HF's
 * `WordPiece::tokenize` (docs/algorithms/wordpiece.md). Non-first sub-words carry
 * `continuing_subword_prefix` ("##"). A word longer than `max_input_chars_per_word` code points,
 * or one that cannot be covered, becomes a single unk token spanning the whole word.
 *
 * Complexity: O(n * L) per word, where L is the longest vocabulary entry (the match search starts
 * at most L units after the current position instead of at the end of the word).
 */
import type { Model, Token } from '../../core/stages.js';
import { TokenlabError } from '../../core/errors.js';
import { asString, asUint, optField, reqField, type JsonObject } from '../../formats/hf-json/json-read.js';
import { readVocabMap, reverseVocab, writeVocabMap } from '../../formats/hf-json/vocab.js';

export interface WordPieceOptions {
  vocab: Map<string, number>;
  unkToken?: string;
  continuingSubwordPrefix?: string;
  maxInputCharsPerWord?: number;
}

export class WordPieceModel implements Model {
  readonly type = 'WordPiece';
  readonly vocab: Map<string, number>;
  readonly vocabR: Map<number, string>;
  readonly unkToken: string;
  readonly continuingSubwordPrefix: string;
  readonly maxInputCharsPerWord: number;
  private readonly maxKeyLength: number;

  constructor(o: WordPieceOptions) {
    this.vocab = o.vocab;
    this.vocabR = reverseVocab(o.vocab);
    this.unkToken = o.unkToken ?? '[UNK]';
    this.continuingSubwordPrefix = o.continuingSubwordPrefix ?? '##';
    this.maxInputCharsPerWord = o.maxInputCharsPerWord ?? 100;
    let m = 0;
    for (const k of o.vocab.keys()) if (k.length > m) m = k.length;
    this.maxKeyLength = m;
  }

  static fromJSON(json: JsonObject, path: string): WordPieceModel {
    return new WordPieceModel({
      vocab: reqField(json, 'vocab', path, readVocabMap),
      unkToken: optField(json, 'unk_token', path, asString, '[UNK]'),
      continuingSubwordPrefix: optField(json, 'continuing_subword_prefix', path, asString, '##'),
      maxInputCharsPerWord: optField(json, 'max_input_chars_per_word', path, asUint, 100),
    });
  }

  toJSON(): JsonObject {
    return {
      type: 'WordPiece',
      unk_token: this.unkToken,
      continuing_subword_prefix: this.continuingSubwordPrefix,
      max_input_chars_per_word: this.maxInputCharsPerWord,
      vocab: writeVocabMap(this.vocab),
    };
  }

  tokenToId(token: string): number | undefined { return this.vocab.get(token); }
  idToToken(id: number): string | undefined { return this.vocabR.get(id); }
  getVocabSize(): number { return this.vocab.size; }

  tokenize(word: string): Token[] {
    let chars = 0;
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i);
      if (!(c >= 0xdc00 && c <= 0xdfff && i > 0 && isHigh(word.charCodeAt(i - 1)))) chars++;
    }
    if (chars > this.maxInputCharsPerWord) return [this.unk(word.length)];
    const out: Token[] = [];
    const prefix = this.continuingSubwordPrefix;
    let start = 0;
    while (start < word.length) {
      let end = Math.min(word.length, start + this.maxKeyLength);
      if (end < word.length && end > start && isHigh(word.charCodeAt(end - 1))) end--;
      let found: Token | null = null;
      while (start < end) {
        const sub = start > 0 ? prefix + word.slice(start, end) : word.slice(start, end);
        const id = this.vocab.get(sub);
        if (id !== undefined) { found = { id, value: sub, offsets: [start, end] }; break; }
        end -= end - 2 >= start && isHigh(word.charCodeAt(end - 2)) && isLow(word.charCodeAt(end - 1)) ? 2 : 1;
      }
      if (found === null) return [this.unk(word.length)];
      out.push(found);
      start = end;
    }
    return out;
  }

  private unk(len: number): Token {
    const id = this.vocab.get(this.unkToken);
    if (id === undefined) {
      throw new TokenlabError(`WordPiece unk_token ${JSON.stringify(this.unkToken)} is not in the vocabulary`, { path: 'model.unk_token' });
    }
    return { id, value: this.unkToken, offsets: [0, len] };
  }
}

function isHigh(c: number): boolean { return c >= 0xd800 && c <= 0xdbff; }
function isLow(c: number): boolean { return c >= 0xdc00 && c <= 0xdfff; }
