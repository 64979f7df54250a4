/**
 * The WordLevel model (tokenizer.json `"type": "WordLevel"`): each pre-token is one vocabulary entry,
 * or the unk token (an error if the unk token is not in the vocabulary), as HF's WordLevel.
 * Complexity: one hash lookup per pre-token.
 */
import type { Model, Token } from '../../core/stages.js';
import { TokenlabError } from '../../core/errors.js';
import { asString, optField, reqField, type JsonObject } from '../../formats/hf-json/json-read.js';
import { readVocabMap, reverseVocab, writeVocabMap } from '../../formats/hf-json/vocab.js';

export class WordLevelModel implements Model {
  readonly type = 'WordLevel';
  readonly vocabR: Map<number, string>;

  constructor(readonly vocab: Map<string, number>, readonly unkToken = '<unk>') {
    this.vocabR = reverseVocab(vocab);
  }

  static fromJSON(json: JsonObject, path: string): WordLevelModel {
    return new WordLevelModel(reqField(json, 'vocab', path, readVocabMap), optField(json, 'unk_token', path, asString, '<unk>'));
  }

  toJSON(): JsonObject {
    return { type: 'WordLevel', vocab: writeVocabMap(this.vocab), unk_token: this.unkToken };
  }

  tokenToId(token: string): number | undefined { return this.vocab.get(token); }
  idToToken(id: number): string | undefined { return this.vocabR.get(id); }
  getVocabSize(): number { return this.vocab.size; }

  tokenize(piece: string): Token[] {
    const id = this.vocab.get(piece);
    if (id !== undefined) return [{ id, value: piece, offsets: [0, piece.length] }];
    const unk = this.vocab.get(this.unkToken);
    if (unk === undefined) {
      throw new TokenlabError(`WordLevel unk_token ${JSON.stringify(this.unkToken)} is not in the vocabulary`, { path: 'model.unk_token' });
    }
    return [{ id: unk, value: this.unkToken, offsets: [0, piece.length] }];
  }
}
