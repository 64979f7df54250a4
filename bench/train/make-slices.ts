/**
 * Deterministic training slices for the training benchmarks (docs/training-benchmarks.md).
 *
 *   node --import tsx bench/train/make-slices.ts [--mb 100,25] [--heldout-kb 256]
 *
 * Reads bench/.corpus/{en,code}/*.txt (built by bench/scripts/build-corpora.sh) and writes
 * bench/.corpus/slices/{en,code}-<N>M.txt and {en,code}-heldout.txt. Each source file contributes in
 * proportion to its size; its training part is taken from its start, its held-out part from its end,
 * both cut at line boundaries (after replacing invalid UTF-8 with U+FFFD), so held-out text never overlaps any training slice. Prints sha256s
 * (also written to bench/.corpus/slices/manifest.json).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1]!);
const sizes = (args.get('mb') ?? '100,25,5').split(',').map(Number);
const heldKb = Number(args.get('heldout-kb') ?? '256');
const corpus = join(root, 'bench', '.corpus');
const out = join(corpus, 'slices');
mkdirSync(out, { recursive: true });
const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
/** Largest prefix of `b` of at most `n` bytes that ends after a newline. */
const headCut = (b: Buffer, n: number): number => { if (n >= b.length) return b.length; const i = b.lastIndexOf(10, n - 1); return i < 0 ? 0 : i + 1; };
const manifest: Record<string, { bytes: number; sha256: string; sources: string[] }> = {};
for (const kind of ['en', 'code']) {
  const dir = join(corpus, kind);
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  // Invalid UTF-8 (gcide.txt, python.txt have some) becomes U+FFFD: the native HF trainer rejects
  // such files ("stream did not contain valid UTF-8"), tokenlab's reader replaces silently.
  const bufs = files.map((f) => Buffer.from(readFileSync(join(dir, f)).toString('utf8'), 'utf8'));
  const total = bufs.reduce((s, b) => s + b.length, 0);
  // Held-out: the last heldKb KiB of each file (from a line start).
  const heldStart = bufs.map((b) => { const s = Math.max(0, b.length - heldKb * 1024); const i = b.indexOf(10, s); return i < 0 ? b.length : i + 1; });
  const held = Buffer.concat(bufs.map((b, i) => b.subarray(heldStart[i]!)));
  writeFileSync(join(out, `${kind}-heldout.txt`), held);
  manifest[`${kind}-heldout.txt`] = { bytes: held.length, sha256: sha(held), sources: files };
  for (const mb of sizes) {
    const target = mb * 1_000_000;
    const avail = heldStart.reduce((s, x) => s + x, 0);
    if (target > avail) { console.error(`${kind}: only ${avail} bytes before the held-out parts; skipping ${mb} MB`); continue; }
    const parts = bufs.map((b, i) => b.subarray(0, headCut(b.subarray(0, heldStart[i]!), Math.round((target * b.length) / total))));
    const slice = Buffer.concat(parts);
    const name = `${kind}-${mb}M.txt`;
    writeFileSync(join(out, name), slice);
    manifest[name] = { bytes: slice.length, sha256: sha(slice), sources: files };
  }
}
writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
for (const [k, v] of Object.entries(manifest)) console.log(`${v.sha256}  ${v.bytes}  ${k}`);
