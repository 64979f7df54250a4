/**
 * Runs the tokenlab CLI and sends Ctrl-C (SIGINT) as soon as its output shows the work has started —
 * not after a delay, which a fast machine outruns. Resolves with the exit code and the output.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './paths.js';

export async function interruptWhen(args: string[], started: (out: { stdout: string; stderr: string }) => boolean): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'cli', 'bin.ts'), ...args], { cwd: repoRoot });
  const out = { stdout: '', stderr: '' };
  const check = (): void => {
    if (!child.killed && started(out)) child.kill('SIGINT');
  };
  child.stdout.on('data', (d: Buffer) => { out.stdout += d.toString(); check(); });
  child.stderr.on('data', (d: Buffer) => { out.stderr += d.toString(); check(); });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, ...out };
}
