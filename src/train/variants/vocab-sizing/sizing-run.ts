/**
 * The per-language vocabulary sizing procedure end to end (docs/algorithms/vocab-sizing.md; spec §8):
 * for each language, train byte-level BPE on its training text at every swept size and count the
 * tokens of its (parallel) test text (CTC); fit CTC(V); solve each language's size for the reference
 * language's CTC at the target size; retrain at the solved size; optionally SuperBPE at the target
 * size. Returns every number plus the tokenizers at the solved sizes.
 *
 * Training runs one after another, in-thread (each language's text is small; the sweep is the cost).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TokenlabError } from '../../../core/errors.js';
import { Tokenizer } from '../../../pipeline/index.js';
import { trainByteLevelBpe } from '../../bpe/train-byte-level-bpe.js';
import { trainSuperBpe } from '../../superbpe/train-superbpe.js';
import type { TrainControl } from '../../trainer.js';
import { fitCtc, predictCtc, premiumSpread, solveVocabSize, type CtcFit, type CtcPoint, type FitKind } from './ctc-fit.js';

export interface SizingLanguage {
  code: string;
  /** Training text (lines). */
  train: string[];
  /** Test text, parallel across languages (lines); CTC is its token count. */
  test: string[];
}

export interface SizingOptions {
  sizes: number[];
  targetSize: number;
  reference: string;
  fit?: FitKind;
  /** Also train SuperBPE at the target size (transition at `superBpeShare` of it). */
  superBpe?: boolean;
  superBpeShare?: number;
  /** Solved sizes are capped at this multiple of the largest swept size (beyond, the fit extrapolates). */
  capFactor?: number;
  minSize?: number;
}

export interface SizingProgress { done: number; total: number; label: string }

export interface SizingControl {
  onProgress?: (p: SizingProgress) => void;
  signal?: AbortSignal;
}

export interface LanguageSizing {
  code: string;
  trainBytes: number;
  sweep: CtcPoint[];
  fit: CtcFit;
  solvedSize: number;
  capped: boolean;
  ctcAtTarget: number;
  ctcAtSolved: number;
  ctcSuperBpe?: number;
  /** The BPE trained at the solved size (tokenizer.json object). */
  tokenizer: Record<string, unknown>;
}

export interface Spread { premiums: Record<string, number>; min: number; max: number; cv: number }

export interface SizingResult {
  options: Required<Omit<SizingOptions, 'fit'>> & { fit: FitKind };
  /** The reference language's fitted CTC at the target size. */
  targetCtc: number;
  languages: LanguageSizing[];
  spread: { equal: Spread; solved: Spread; superBpe?: Spread };
}

function spreadOf(ctc: Map<string, number>, reference: string): Spread {
  const s = premiumSpread(ctc, reference);
  return { premiums: Object.fromEntries(s.premiums), min: s.min, max: s.max, cv: s.cv };
}

export async function runVocabSizing(langs: SizingLanguage[], o: SizingOptions, control: SizingControl = {}): Promise<SizingResult> {
  const options = { fit: 'power' as FitKind, superBpe: false, superBpeShare: 0.9, capFactor: 2, minSize: 300, ...o };
  if (options.sizes.length < 2) throw new TokenlabError(`--sizes needs at least 2 vocabulary sizes (got ${options.sizes.join(',')})`);
  if (!langs.some((l) => l.code === options.reference)) throw new TokenlabError(`reference language ${options.reference} is not among the languages (${langs.map((l) => l.code).join(', ')})`);
  for (const l of langs) {
    if (l.train.length === 0 || l.test.length === 0) throw new TokenlabError(`${l.code}: no ${l.train.length === 0 ? 'training' : 'test'} text`);
  }
  const runsPerLanguage = options.sizes.length + 1 + (options.sizes.includes(options.targetSize) ? 0 : 1) + (options.superBpe ? 1 : 0);
  const total = langs.length * runsPerLanguage;
  let done = 0;
  const step = async (label: string): Promise<void> => {
    // A macrotask turn between trainings lets a pending Ctrl-C (SIGINT handler) abort the signal.
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (control.signal?.aborted) throw new TokenlabError('vocabulary sizing stopped (aborted)');
    control.onProgress?.({ done, total, label });
    done++;
  };
  const trainControl: TrainControl = control.signal ? { signal: control.signal } : {};
  const dir = mkdtempSync(join(tmpdir(), 'tokenlab-vocab-sizing-'));
  try {
    const files = new Map<string, string>();
    for (const l of langs) {
      const f = join(dir, `${files.size}.txt`);
      writeFileSync(f, l.train.map((s) => s + '\n').join(''));
      files.set(l.code, f);
    }
    const input = (code: string) => ({ corpus: { inputs: [files.get(code)!] }, threads: 0 });
    const ctcOf = (tokenizer: Record<string, unknown>, test: string[]) => {
      const tok = Tokenizer.fromJSON(tokenizer);
      return { ctc: test.reduce((n, s) => n + tok.encode(s, { addSpecialTokens: false }).ids.length, 0), size: tok.getVocabSize(true) };
    };
    const bpe = async (l: SizingLanguage, v: number) => {
      const t = await trainByteLevelBpe({ input: input(l.code), options: { vocabSize: v } }, trainControl);
      return { ...ctcOf(t.tokenizer, l.test), tokenizer: t.tokenizer };
    };

    const sweeps = new Map<string, { points: CtcPoint[]; atTarget?: number }>();
    for (const l of langs) {
      const points: CtcPoint[] = [];
      let atTarget: number | undefined;
      for (const v of options.sizes) {
        await step(`${l.code} @${v}`);
        const r = await bpe(l, v);
        points.push({ vocabSize: r.size, ctc: r.ctc });
        if (v === options.targetSize) atTarget = r.ctc;
      }
      sweeps.set(l.code, atTarget === undefined ? { points } : { points, atTarget });
    }
    const fits = new Map(langs.map((l) => [l.code, fitCtc(sweeps.get(l.code)!.points, options.fit)]));
    const targetCtc = predictCtc(fits.get(options.reference)!, options.targetSize);
    const cap = options.capFactor * Math.max(...options.sizes);
    const out: LanguageSizing[] = [];
    for (const l of langs) {
      const sweep = sweeps.get(l.code)!;
      let ctcAtTarget = sweep.atTarget;
      if (ctcAtTarget === undefined) {
        await step(`${l.code} @${options.targetSize}`);
        ctcAtTarget = (await bpe(l, options.targetSize)).ctc;
      }
      const raw = solveVocabSize(fits.get(l.code)!, targetCtc);
      const solvedSize = Math.min(cap, Math.max(options.minSize, raw));
      await step(`${l.code} solved @${solvedSize}`);
      const solved = await bpe(l, solvedSize);
      const row: LanguageSizing = {
        code: l.code, trainBytes: Buffer.byteLength(l.train.join('\n')), sweep: sweep.points, fit: fits.get(l.code)!,
        solvedSize, capped: raw > cap, ctcAtTarget, ctcAtSolved: solved.ctc, tokenizer: solved.tokenizer,
      };
      if (options.superBpe) {
        await step(`${l.code} SuperBPE @${options.targetSize}`);
        const s = await trainSuperBpe({ input: input(l.code), options: { vocabSize: options.targetSize }, transitionVocabSize: Math.round(options.superBpeShare * options.targetSize) }, trainControl);
        row.ctcSuperBpe = ctcOf(s.tokenizer, l.test).ctc;
      }
      out.push(row);
    }
    control.onProgress?.({ done: total, total, label: 'done' });
    const by = (f: (r: LanguageSizing) => number) => new Map(out.map((r) => [r.code, f(r)]));
    return {
      options,
      targetCtc,
      languages: out,
      spread: {
        equal: spreadOf(by((r) => r.ctcAtTarget), options.reference),
        solved: spreadOf(by((r) => r.ctcAtSolved), options.reference),
        ...(options.superBpe ? { superBpe: spreadOf(by((r) => r.ctcSuperBpe!), options.reference) } : {}),
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The measured table as Markdown (what the CLI prints and the doc shows). */
export function sizingMarkdown(r: SizingResult): string {
  const { sizes, targetSize, reference } = r.options;
  const lines = [
    `Sweep ${sizes.join(', ')}; ${r.options.fit}-law fit; target = ${reference} fitted CTC at ${targetSize} = ${r.targetCtc.toFixed(0)} tokens.`,
    '',
    `| language | train bytes | ${sizes.map((v) => `CTC @${v}`).join(' | ')} | fit b (r²) | solved size | CTC @solved | premium @${targetSize} | premium @solved |${r.spread.superBpe ? ` SuperBPE @${targetSize} CTC (premium) |` : ''}`,
    `|---|---:|${sizes.map(() => '---:').join('|')}|---:|---:|---:|---:|---:|${r.spread.superBpe ? '---:|' : ''}`,
  ];
  for (const l of r.languages) {
    const sb = r.spread.superBpe ? ` ${l.ctcSuperBpe} (${r.spread.superBpe.premiums[l.code]!.toFixed(2)}) |` : '';
    lines.push(`| ${l.code} | ${l.trainBytes} | ${l.sweep.map((p) => String(p.ctc)).join(' | ')} | ${l.fit.b.toFixed(3)} (${l.fit.r2.toFixed(3)}) | ${l.solvedSize}${l.capped ? ' (capped)' : ''} | ${l.ctcAtSolved} | ${r.spread.equal.premiums[l.code]!.toFixed(2)} | ${r.spread.solved.premiums[l.code]!.toFixed(2)} |${sb}`);
  }
  lines.push('', '| setting | premium min | premium max | coefficient of variation |', '|---|---:|---:|---:|');
  const rows: [string, Spread | undefined][] = [[`equal size ${targetSize}`, r.spread.equal], ['solved sizes', r.spread.solved], [`SuperBPE, equal size ${targetSize}`, r.spread.superBpe]];
  for (const [name, s] of rows) if (s) lines.push(`| ${name} | ${s.min.toFixed(2)} | ${s.max.toFixed(2)} | ${s.cv.toFixed(3)} |`);
  return lines.join('\n');
}
