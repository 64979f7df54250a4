/**
 * Normalized sequence length (spec §4): how long a tokenizer's sequences are compared with a
 * baseline tokenizer on the same text.
 *
 *   NSL(T) = N_T / N_baseline
 *
 * Below 1: T needs fewer tokens than the baseline. Per language and over the whole corpus (the
 * ratio of sums, not the mean of ratios, so long documents weigh more). Undefined when the baseline
 * produced no tokens.
 */
export function normalizedSequenceLength(tokens: number, baselineTokens: number): number | undefined {
  return baselineTokens === 0 ? undefined : tokens / baselineTokens;
}
