/**
 * A piece scanner is a hand-written equivalent of a pre-tokenization regex run with find_iter.
 * For the tiktoken patterns every character belongs to some alternative, so pieces tile the text:
 * the scanner only has to say where the piece that starts at `pos` ends.
 *
 * Contract: for 0 <= pos < text.length, returns end with pos < end <= text.length, equal to the end
 * of the regex match that starts at pos (the reference regex semantics are Rust's `regex`/fancy_regex
 * as tiktoken uses them: `\s` is Unicode White_Space, lone surrogates behave like U+FFFD).
 */
export type PieceScanner = (text: string, pos: number) => number;
