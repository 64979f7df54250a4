/**
 * Thin wrappers around Debian's SentencePiece command-line tools (`apt-get install sentencepiece`),
 * the reference implementation the parity tests compare against. Tests skip when the tools are absent.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** True when `spm_train`, `spm_encode` and `spm_decode` can be run. */
export function hasSpmTools(): boolean {
  return ['spm_train', 'spm_encode', 'spm_decode'].every((tool) => spawnSync(tool, ['--version'], { stdio: 'ignore' }).error === undefined);
}

export const SKIP_NO_SPM = 'spm_train not on PATH: install Debian package `sentencepiece` to run SentencePiece parity tests';

/** Trains `<dir>/<name>.model` on `input` with extra `--flag=value` arguments; returns the model path. */
export function spmTrain(dir: string, name: string, input: string, args: string[]): string {
  const prefix = join(dir, name);
  execFileSync('spm_train', [`--input=${input}`, `--model_prefix=${prefix}`, '--minloglevel=2', '--num_threads=1', ...args], { stdio: 'pipe' });
  return `${prefix}.model`;
}

/** Ids spm_encode gives each line (lines must not contain newlines). */
export function spmEncodeIds(model: string, lines: string[]): number[][] {
  const out = execFileSync('spm_encode', [`--model=${model}`, '--output_format=id'], { input: lines.join('\n') + '\n', maxBuffer: 1 << 28 });
  const rows = out.toString('utf8').split('\n').slice(0, lines.length);
  return rows.map((row) => (row.trim() === '' ? [] : row.trim().split(' ').map(Number)));
}

/** Text spm_decode gives for each id list. */
export function spmDecodeIds(model: string, ids: number[][]): string[] {
  const input = ids.map((row) => row.join(' ')).join('\n') + '\n';
  const out = execFileSync('spm_decode', [`--model=${model}`, '--input_format=id'], { input, maxBuffer: 1 << 28 });
  return out.toString('utf8').split('\n').slice(0, ids.length);
}

/** FLORES-200 devtest folder from the shared data, or undefined when this checkout does not have it. */
export function floresDir(): string | undefined {
  const dir = resolve(REPO_ROOT, '../shared/data/flores200/devtest');
  return existsSync(dir) ? dir : undefined;
}

/** The first `perLanguage` lines of each listed FLORES language that exists (language codes like `eng_Latn`). */
export function floresLines(dir: string, languages: string[], perLanguage: number): string[] {
  const files = new Set(readdirSync(dir));
  return languages.flatMap((lang) => {
    const file = `${lang}.devtest`;
    if (!files.has(file)) return [];
    return readFileSync(join(dir, file), 'utf8').split('\n').filter((l) => l.length > 0).slice(0, perLanguage);
  });
}
