/**
 * Progress display for `tokenlab train`: a cli-progress bar on stderr (counting: bytes read with ETA;
 * merging: merges done with ETA), JSON lines on stdout for scripts (`--progress jsonl`, at most 5 per
 * second plus every phase change and a final `done` event), or nothing.
 */
import cliProgress from 'cli-progress';
import type { TrainProgress } from '../../src/train/trainer.js';

export type ProgressMode = 'bar' | 'jsonl' | 'none';

const SEED_STEPS = ['sort', 'lcp', 'candidates'] as const;

export interface ProgressSink {
  update(p: TrainProgress): void;
  event(e: Record<string, unknown>): void;
  stop(): void;
}

export function progressSink(mode: ProgressMode): ProgressSink {
  if (mode === 'jsonl') return jsonlSink();
  if (mode === 'bar') return barSink();
  return { update: () => undefined, event: () => undefined, stop: () => undefined };
}

function jsonlSink(): ProgressSink {
  let last = 0;
  let lastPhase = '';
  const emit = (o: Record<string, unknown>): void => {
    process.stdout.write(JSON.stringify({ time: new Date().toISOString(), ...o }) + '\n');
  };
  return {
    update(p) {
      const now = Date.now();
      if (p.phase === lastPhase && now - last < 200) return;
      last = now;
      lastPhase = p.phase;
      emit({ event: 'progress', ...p });
    },
    event: (e) => emit(e),
    stop: () => undefined,
  };
}

function barSink(): ProgressSink {
  const bar = new cliProgress.SingleBar({
    stream: process.stderr,
    format: ' {phase} |{bar}| {percentage}% | {value}/{total} {unit} | ETA {eta_formatted} | {detail}',
    hideCursor: true,
    etaBuffer: 50,
    fps: 5,
    noTTYOutput: !process.stderr.isTTY, // asked for explicitly: print periodic lines even to a file
  }, cliProgress.Presets.shades_classic);
  let phase = '';
  const start = (name: string, total: number, unit: string): void => {
    if (phase !== '') bar.stop();
    phase = name;
    bar.start(Math.max(1, total), 0, { phase: name.padEnd(8), unit, detail: '' });
  };
  return {
    update(p) {
      if (p.phase === 'count') {
        if (phase !== 'count') start('count', p.bytesTotal, 'bytes');
        bar.update(p.bytesRead, { detail: `${p.units} units, ${p.distinct} distinct words` });
      } else if (p.phase === 'seed') {
        // Three steps whose sizes are not known up front: a step counter with what each one did.
        if (phase !== 'seed') start('seed', SEED_STEPS.length, 'steps');
        bar.update(SEED_STEPS.indexOf(p.step) + 1, { detail: `${p.step}: ${p.done}` });
      } else if (p.phase === 'merge') {
        if (phase !== 'merge') start('merge', p.total, 'tokens');
        bar.update(p.done, { detail: p.lastMerge ? `${JSON.stringify(p.lastMerge.join(' '))} ×${p.lastCount ?? ''}` : '' });
      }
    },
    event(e) {
      if (phase !== '') bar.stop();
      phase = '';
      if (e['event'] === 'done') process.stderr.write(`wrote ${String(e['output'])}: ${String(e['vocabSize'])} tokens in ${String(e['seconds'])} s\n`);
    },
    stop() {
      if (phase !== '') bar.stop();
      phase = '';
    },
  };
}
