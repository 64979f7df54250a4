/** Worst-case inputs: one long pre-token (or a pathological run) of a given UTF-8 size. */
/**
 * `make` builds the timed string; `warm` builds warm-up strings of the same shape from a DIFFERENT character
 * (or seed), so that a library's piece cache cannot hold any piece of the timed text.
 */
export const WORST_CASES: Record<string, { label: string; make: (bytes: number) => string; warm: (bytes: number) => string }> = {
  letter: { label: 'one letter ("a")', make: (n) => 'a'.repeat(n), warm: (n) => 'b'.repeat(n) },
  cjk: { label: 'one CJK character (字, 3 B)', make: (n) => '字'.repeat(Math.floor(n / 3)), warm: (n) => '文'.repeat(Math.floor(n / 3)) },
  emoji: { label: 'one emoji (😀, 4 B)', make: (n) => '😀'.repeat(Math.floor(n / 4)), warm: (n) => '😃'.repeat(Math.floor(n / 4)) },
  spaces: { label: 'spaces', make: (n) => ' '.repeat(n), warm: (n) => ' '.repeat(n - 1) + 'x' },
  base64: { label: 'random base64', make: (n) => randomBase64(n, 42), warm: (n) => randomBase64(n, 7) },
};

/** Deterministic (mulberry32) random bytes, base64-encoded, truncated to n characters. */
function randomBase64(n: number, seed: number): string {
  let s = seed;
  const bytes = Buffer.allocUnsafe(Math.ceil((n * 3) / 4) + 3);
  for (let i = 0; i < bytes.length; i++) {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    bytes[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
  }
  return bytes.toString('base64').slice(0, n);
}
