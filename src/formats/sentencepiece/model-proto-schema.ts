/**
 * The protobuf schema of a SentencePiece `.model` file (package `sentencepiece`, message `ModelProto`),
 * written as a protobufjs JSON descriptor and loaded by reflection (`protobuf.Root.fromJSON`).
 *
 * Only the fields a tokenizer needs are named; every other field (training-only knobs, extensions
 * 200+, fields added by later SentencePiece releases) is skipped as an unknown field, exactly as a
 * protobuf parser must. Field numbers and proto2 defaults follow upstream's sentencepiece_model.proto
 * (see docs/algorithms/sentencepiece.md for the field table and what each one changes).
 */
import protobuf from 'protobufjs';

/** Piece types (`ModelProto.SentencePiece.Type`). */
export const PieceType = {
  NORMAL: 1,
  UNKNOWN: 2,
  CONTROL: 3,
  USER_DEFINED: 4,
  UNUSED: 5,
  BYTE: 6,
} as const;
export type PieceTypeName = keyof typeof PieceType;

/** Model types (`TrainerSpec.ModelType`). */
export const ModelType = { UNIGRAM: 1, BPE: 2, WORD: 3, CHAR: 4 } as const;
export type ModelTypeName = keyof typeof ModelType;

const def = (value: unknown) => ({ options: { default: value } });

/** protobufjs JSON descriptor; `rule: 'repeated'` marks repeated fields, `options.default` proto2 defaults. */
const descriptor = {
  nested: {
    sentencepiece: {
      nested: {
        TrainerSpec: {
          fields: {
            input: { rule: 'repeated', type: 'string', id: 1 },
            model_prefix: { type: 'string', id: 2 },
            model_type: { type: 'ModelType', id: 3, ...def('UNIGRAM') },
            vocab_size: { type: 'int32', id: 4, ...def(8000) },
            input_format: { type: 'string', id: 7 },
            character_coverage: { type: 'float', id: 10, ...def(0.9995) },
            max_sentencepiece_length: { type: 'int32', id: 20, ...def(16) },
            split_by_unicode_script: { type: 'bool', id: 21, ...def(true) },
            split_by_whitespace: { type: 'bool', id: 22, ...def(true) },
            split_by_number: { type: 'bool', id: 23, ...def(true) },
            treat_whitespace_as_suffix: { type: 'bool', id: 24, ...def(false) },
            split_digits: { type: 'bool', id: 25, ...def(false) },
            allow_whitespace_only_pieces: { type: 'bool', id: 26, ...def(false) },
            control_symbols: { rule: 'repeated', type: 'string', id: 30 },
            user_defined_symbols: { rule: 'repeated', type: 'string', id: 31 },
            byte_fallback: { type: 'bool', id: 35, ...def(false) },
            required_chars: { type: 'string', id: 36 },
            unk_id: { type: 'int32', id: 40, ...def(0) },
            bos_id: { type: 'int32', id: 41, ...def(1) },
            eos_id: { type: 'int32', id: 42, ...def(2) },
            pad_id: { type: 'int32', id: 43, ...def(-1) },
            unk_surface: { type: 'string', id: 44, ...def(' \u2047 ') },
            unk_piece: { type: 'string', id: 45, ...def('<unk>') },
            bos_piece: { type: 'string', id: 46, ...def('<s>') },
            eos_piece: { type: 'string', id: 47, ...def('</s>') },
            pad_piece: { type: 'string', id: 48, ...def('<pad>') },
          },
          nested: {
            ModelType: { values: { ...ModelType } },
          },
        },
        NormalizerSpec: {
          fields: {
            name: { type: 'string', id: 1 },
            precompiled_charsmap: { type: 'bytes', id: 2 },
            add_dummy_prefix: { type: 'bool', id: 3, ...def(true) },
            remove_extra_whitespaces: { type: 'bool', id: 4, ...def(true) },
            escape_whitespaces: { type: 'bool', id: 5, ...def(true) },
            normalization_rule_tsv: { type: 'string', id: 6 },
          },
        },
        SelfTestData: {
          fields: { samples: { rule: 'repeated', type: 'Sample', id: 1 } },
          nested: {
            Sample: {
              fields: {
                input: { type: 'string', id: 1 },
                expected: { type: 'string', id: 2 },
              },
            },
          },
        },
        ModelProto: {
          fields: {
            pieces: { rule: 'repeated', type: 'SentencePiece', id: 1 },
            trainer_spec: { type: 'TrainerSpec', id: 2 },
            normalizer_spec: { type: 'NormalizerSpec', id: 3 },
            self_test_data: { type: 'SelfTestData', id: 4 },
            denormalizer_spec: { type: 'NormalizerSpec', id: 5 },
          },
          nested: {
            SentencePiece: {
              fields: {
                piece: { type: 'string', id: 1 },
                score: { type: 'float', id: 2 },
                type: { type: 'Type', id: 3, ...def('NORMAL') },
              },
              nested: {
                Type: { values: { ...PieceType } },
              },
            },
          },
        },
      },
    },
  },
};

let cached: protobuf.Type | undefined;

/** The reflected `sentencepiece.ModelProto` type (built once). */
export function modelProtoType(): protobuf.Type {
  cached ??= protobuf.Root.fromJSON(descriptor).lookupType('sentencepiece.ModelProto');
  return cached;
}
