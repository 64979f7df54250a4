/**
 * SuperBPE's pre-tokenizers (spec §2.1; docs/algorithms/superbpe.md), as tokenizer.json objects:
 * - stage 1: Sequence[Digits(runs), Split(digit-group lookahead | GPT-2 without contractions/numbers,
 *   Isolated), ByteLevel(add_prefix_space=false, use_regex=false)];
 * - stage 2: the same with only the digit-group lookahead left in the Split, so spaces and punctuation
 *   no longer separate words (superword tokens), while digit runs still split from the rest and into
 *   groups of 3 from the right (`1234567` -> `1|234|567`).
 * The zero-width lookahead still splits where it matches (HF Split semantics; the pipeline does the same).
 */
export const SUPERBPE_DIGIT_GROUPS = '(?=(\\d{3})+(?!\\d))';
export const SUPERBPE_STAGE1_PATTERN = `${SUPERBPE_DIGIT_GROUPS}| ?\\p{L}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+`;

export function superBpePreTokenizerJSON(stage: 1 | 2): Record<string, unknown> {
  return {
    type: 'Sequence',
    pretokenizers: [
      { type: 'Digits', individual_digits: false },
      { type: 'Split', pattern: { Regex: stage === 1 ? SUPERBPE_STAGE1_PATTERN : SUPERBPE_DIGIT_GROUPS }, behavior: 'Isolated', invert: false },
      { type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: false },
    ],
  };
}
