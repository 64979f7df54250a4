import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';

/** bench/ folder, whether running from bench/src (tsx) or bench/dist/src (compiled). */
export const BENCH_DIR = (() => {
  let d = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(resolve(d, 'package.json'))) d = dirname(d);
  return d;
})();
export const REPO_DIR = resolve(BENCH_DIR, '..');

export function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** FNV-1a over the ids (and their count): cheap fingerprint to compare libraries' outputs across processes. */
export function hashIds(ids: ArrayLike<number>, h = 0x811c9dc5): number {
  for (let i = 0; i < ids.length; i++) {
    h ^= ids[i]! & 0xffff;
    h = Math.imul(h, 0x01000193);
    h ^= ids[i]! >>> 16;
    h = Math.imul(h, 0x01000193);
  }
  h ^= ids.length;
  return Math.imul(h, 0x01000193) >>> 0;
}

export function utf8Bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

export function fmtNum(x: number | undefined, digits = 1): string {
  if (x === undefined || !Number.isFinite(x)) return '—';
  if (Math.abs(x) >= 100) return x.toFixed(0);
  if (Math.abs(x) >= 10) return x.toFixed(Math.min(digits, 1));
  return x.toFixed(Math.max(digits, 2));
}

export function fmtRatio(x: number | undefined): string {
  if (x === undefined || !Number.isFinite(x)) return '';
  return x >= 10 ? `${x.toFixed(0)}×` : `${x.toFixed(2)}×`;
}

export type Args = Record<string, string | boolean>;

/** --key value, --key=value, --flag, --no-flag. */
export function parseArgs(argv: string[]): Args {
  const out: Args = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) throw new Error(`unexpected argument "${a}"`);
    const eq = a.indexOf('=');
    if (eq > 0) out[a.slice(2, eq)] = a.slice(eq + 1);
    else if (a.startsWith('--no-')) out[a.slice(5)] = false;
    else if (i + 1 < argv.length && !argv[i + 1]!.startsWith('--')) out[a.slice(2)] = argv[++i]!;
    else out[a.slice(2)] = true;
  }
  return out;
}

export function list(v: string | boolean | undefined, dflt: string[]): string[] {
  if (typeof v !== 'string') return dflt;
  return v.split(',').map((s) => s.trim()).filter(Boolean);
}
