/**
 * Lone surrogates → U+FFFD (ES2024 `String.prototype.toWellFormed`). This is what the native HF
 * binding and tiktoken's WASM receive when a JS string crosses into UTF-8, so the pipeline applies it
 * before normalization to match them; the length in UTF-16 units is unchanged, so offsets still
 * index the caller's string.
 */
type WellFormedString = string & { isWellFormed?: () => boolean; toWellFormed?: () => string };

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function toWellFormed(s: string): string {
  const w = s as WellFormedString;
  if (w.isWellFormed !== undefined && w.toWellFormed !== undefined) return w.isWellFormed() ? s : w.toWellFormed();
  return s.replace(LONE_SURROGATE, '\ufffd');
}
