/** Minimal types for the `nspell` package (it ships none): only what hunspell-validator.ts uses. */
declare module 'nspell' {
  interface NSpell {
    correct(word: string): boolean;
  }
  export default function nspell(dictionary: { aff: Uint8Array | string; dic: Uint8Array | string }): NSpell;
}
