/**
 * Reads models written by the real spm_train and checks them against what spm itself reports: the
 * `.vocab` file spm_train writes next to the model (piece TAB score, in id order) and the flags the
 * model was trained with. Skips when the SentencePiece tools are not installed.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readSentencePieceModel } from '../../src/formats/sentencepiece/index.js';
import { generateCorpus } from './corpus.js';
import { hasSpmTools, SKIP_NO_SPM, spmTrain } from './spm-tools.js';

describe('reading spm_train output', { skip: hasSpmTools() ? false : SKIP_NO_SPM }, () => {
  let dir = '';
  let corpus = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'tokenlab-spm-read-'));
    corpus = join(dir, 'train.txt');
    writeFileSync(corpus, generateCorpus(7, 1000).join('\n') + '\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('pieces and scores equal the .vocab file; flags round-trip', () => {
    const path = spmTrain(dir, 'm', corpus, ['--vocab_size=700', '--model_type=bpe', '--byte_fallback=true', '--split_digits=true',
      '--user_defined_symbols=<mask>', '--control_symbols=<ctl>', '--pad_id=3', '--unk_id=0', '--bos_id=1', '--eos_id=2']);
    const m = readSentencePieceModel(readFileSync(path), { file: path });
    const vocab = readFileSync(path.replace(/\.model$/, '.vocab'), 'utf8').split('\n').filter(Boolean).map((l) => l.split('\t'));
    assert.equal(m.pieces.length, vocab.length);
    m.pieces.forEach((p, i) => {
      assert.equal(p.piece, vocab[i]?.[0], `piece ${i}`);
      assert.ok(Math.abs(p.score - Number(vocab[i]?.[1])) < 1e-4, `score ${i}: ${p.score} vs ${vocab[i]?.[1]}`);
    });
    assert.equal(m.trainerSpec.modelType, 'BPE');
    assert.equal(m.trainerSpec.vocabSize, 700);
    assert.equal(m.trainerSpec.byteFallback, true);
    assert.equal(m.trainerSpec.splitDigits, true);
    assert.equal(m.trainerSpec.padId, 3);
    assert.deepEqual(m.trainerSpec.userDefinedSymbols, ['<mask>']);
    assert.deepEqual(m.trainerSpec.controlSymbols, ['<ctl>']);
    assert.equal(m.pieces.filter((p) => p.type === 'BYTE').length, 256);
    assert.deepEqual(m.pieces.slice(0, 4).map((p) => p.type), ['UNKNOWN', 'CONTROL', 'CONTROL', 'CONTROL']);
    assert.equal(m.pieces.find((p) => p.piece === '<mask>')?.type, 'USER_DEFINED');
    assert.equal(m.normalizerSpec.name, 'nmt_nfkc');
    assert.ok(m.normalizerSpec.precompiledCharsmap.length > 1000);
  });

  it('identity normalization has no charsmap; flags of the normalizer round-trip', () => {
    const path = spmTrain(dir, 'id', corpus, ['--vocab_size=600', '--normalization_rule_name=identity', '--remove_extra_whitespaces=false', '--add_dummy_prefix=false']);
    const m = readSentencePieceModel(readFileSync(path));
    assert.equal(m.trainerSpec.modelType, 'UNIGRAM');
    assert.equal(m.normalizerSpec.name, 'identity');
    assert.equal(m.normalizerSpec.precompiledCharsmap.length, 0);
    assert.equal(m.normalizerSpec.removeExtraWhitespaces, false);
    assert.equal(m.normalizerSpec.addDummyPrefix, false);
  });
});
