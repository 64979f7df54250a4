/**
 * One benchmarked library = one adapter file in bench/adapters/, default-exporting an `Adapter`.
 *
 * Contract (the harness relies on it):
 * - `load(encoding)` does ALL the library work needed before the first encode: it dynamically imports the
 *   library (so import + vocabulary parsing is inside the timed "load" region) and builds the encoder.
 *   It throws `Unsupported` when the library has no such encoding.
 * - `encode` returns the library's NATIVE id container (number[] or Uint32Array): converting would add cost
 *   a real user does not pay. `decode` receives exactly what this adapter's `encode` returned.
 * - `count` uses the library's own counting entry point when it has one, else `encode(text).length`.
 * - All three use the library's default special-token handling (every peer rejects special-token text by
 *   default; the benchmark corpora contain none).
 */
export type Ids = ArrayLike<number>;

export interface Adapter {
  /** Display name (also the CLI name: `--libs <name>`). */
  readonly name: string;
  /** npm package whose version is reported (resolved from bench/node_modules), or undefined. */
  readonly pkg?: string;
  /** Encodings this library ships; the harness prints "n/a" for the others. */
  readonly encodings: readonly string[];
  load(encoding: string): Promise<void>;
  encode(text: string): Ids;
  count(text: string): number;
  decode(ids: Ids): string;
  /** Optional: release native/WASM memory (tiktoken WASM objects must be .free()d). */
  free?(): void;
  /** Optional: a note printed under the tables (API quirks that affect what is measured). */
  readonly note?: string;
}

export class Unsupported extends Error {
  constructor(lib: string, encoding: string) {
    super(`${lib} has no ${encoding}`);
    this.name = 'Unsupported';
  }
}
