/**
 * The mixture LP of Hayase et al. (spec §1 Step B), held in a persistent HiGHS model so lazy
 * constraint generation can add rows and columns between solves:
 *
 *   minimise  Σ_t v_t + Σ_p v_p
 *   s.t.      Σ_i α_i = 1,  0 ≤ α_i ≤ 1,  v ≥ 0
 *             Σ_i α_i (ĉ_{i,t}(m_t) − ĉ_{i,t}(p)) + v_t + v_p ≥ 0   for each generated (t, p)
 *
 * v_t (one per merge step) and v_p (one per competitor pair, shared by all steps) are created when
 * their first constraint arrives. Warm start: highs-js ≥ 1.15 keeps the model and its simplex basis
 * between `run()` calls, so after adding rows the dual simplex restarts from the previous optimum
 * (older highs-js only offered one-shot `solve(lpText)`; `toLpModel()` + lp.ts still writes that
 * text, for export and as a cross-check). Coefficients are counts scaled by SCALE / D_i (shares of
 * all pairs, in parts per `scale`), so they sit well above HiGHS's 1e-7 feasibility tolerance.
 */
import type { Highs, Model } from 'highs';
import { TokenlabError } from '../../core/errors.js';
import type { LpModel, LpRow } from './lp.js';

export interface LpSolution {
  alpha: Float64Array;
  /** v_t per step (0 for steps without a column). */
  stepSlack: Float64Array;
  /** v_p per global pair (0 for pairs without a column). */
  pairSlack: Float64Array;
  objective: number;
  iterations: number;
}

export class MixtureLp {
  private readonly model: Model;
  private readonly stepCol: Int32Array;
  private readonly pairCol: Int32Array;
  private numCols: number;
  private readonly colKind: { kind: 'a' | 't' | 'p'; index: number }[] = [];
  private pending: { coefs: Float64Array; t: number; p: number }[] = [];
  /** Rows in HiGHS order after the Σα row (pending rows excluded); coefs kept only with keepRows. */
  private rows: { coefs: Float64Array | undefined; t: number; p: number }[] = [];
  private disposed = false;

  private added = 0;

  /** `keepRows`: remember every row in JS too, so `toLpModel()` can write the LP text (costs memory). */
  constructor(private readonly highs: Highs, readonly n: number, readonly T: number, readonly numPairs: number, private readonly keepRows = true) {
    this.model = highs.createModel();
    this.model.options.set({ output_flag: false });
    this.stepCol = new Int32Array(T).fill(-1);
    this.pairCol = new Int32Array(numPairs).fill(-1);
    for (let i = 0; i < n; i++) {
      this.model.addCol(0, 0, 1, { indices: [], values: [] });
      this.colKind.push({ kind: 'a', index: i });
    }
    this.numCols = n;
    this.model.addRow(1, 1, { indices: Array.from({ length: n }, (_, i) => i), values: new Array<number>(n).fill(1) });
  }

  /** Number of (t, p) constraints added so far (pending included). */
  get constraintCount(): number {
    return this.added;
  }

  /** Queues the constraint for step t and competitor pair p; coefs[i] = ĉ_i(m_t) − ĉ_i(p). */
  addConstraint(t: number, p: number, coefs: Float64Array): void {
    this.pending.push({ coefs, t, p });
    this.added++;
  }

  private column(kindArr: Int32Array, kind: 't' | 'p', index: number): number {
    let c = kindArr[index]!;
    if (c < 0) {
      this.model.addCol(1, 0, this.highs.infinity, { indices: [], values: [] });
      c = this.numCols++;
      kindArr[index] = c;
      this.colKind.push({ kind, index });
    }
    return c;
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const rows = this.pending;
    this.pending = [];
    for (const r of rows) this.rows.push({ coefs: this.keepRows ? r.coefs : undefined, t: r.t, p: r.p });
    const starts = new Int32Array(rows.length + 1);
    const idx: number[] = [];
    const val: number[] = [];
    rows.forEach((r, k) => {
      const tc = this.column(this.stepCol, 't', r.t);
      const pc = this.column(this.pairCol, 'p', r.p);
      for (let i = 0; i < this.n; i++) {
        if (r.coefs[i] !== 0) {
          idx.push(i);
          val.push(r.coefs[i]!);
        }
      }
      idx.push(tc, pc);
      val.push(1, 1);
      starts[k + 1] = idx.length;
    });
    this.model.addRows({
      lower: new Float64Array(rows.length),
      upper: new Float64Array(rows.length).fill(this.highs.infinity),
      matrix: { format: 'csr', numRows: rows.length, numCols: this.numCols, starts, indices: Int32Array.from(idx), values: Float64Array.from(val) },
    });
  }

  solve(): LpSolution {
    if (this.disposed) throw new TokenlabError('mixture LP used after dispose()');
    this.flush();
    try {
      this.model.run();
    } catch (e) {
      throw new TokenlabError(`HiGHS aborted while solving the mixture LP with ${this.liveRows} rows (${(e as Error).message}); WebAssembly memory is the usual cause: use fewer merges (--merges), a smaller --max-add or a lower --purge-above`);
    }
    const status = this.model.getModelStatus();
    if (status !== 7) throw new TokenlabError(`HiGHS did not solve the mixture LP (model status ${status}, 7 = optimal)`);
    const x = this.model.getSolution().colValue;
    const alpha = new Float64Array(this.n);
    const stepSlack = new Float64Array(this.T);
    const pairSlack = new Float64Array(this.numPairs);
    this.colKind.forEach((c, col) => {
      const v = x[col]!;
      if (c.kind === 'a') alpha[c.index] = v;
      else if (c.kind === 't') stepSlack[c.index] = v;
      else pairSlack[c.index] = v;
    });
    const iterations = Number(this.model.info.get('simplex_iteration_count'));
    return { alpha, stepSlack, pairSlack, objective: this.model.getObjectiveValue(), iterations };
  }

  /** Rows currently in the model (added minus purged). */
  get liveRows(): number {
    return this.rows.length + this.pending.length;
  }

  /**
   * Deletes the rows that are slack (activity > tol) at the last solution — standard cutting-plane
   * row purging, which keeps the WebAssembly heap bounded (HiGHS aborts when wasm memory runs out).
   * The basis stays valid: a slack row's logical variable is basic. Returns the (t, p) of the deleted
   * rows, so the caller may generate them again if they become violated.
   */
  purgeSlackRows(tol: number): { t: number; p: number }[] {
    this.flush();
    const activity = this.model.getSolution().rowValue;
    const mask = new Uint8Array(this.rows.length + 1);
    const kept: typeof this.rows = [];
    const dropped: { t: number; p: number }[] = [];
    this.rows.forEach((r, k) => {
      if (activity[k + 1]! > tol) {
        mask[k + 1] = 1;
        dropped.push({ t: r.t, p: r.p });
      } else kept.push(r);
    });
    if (dropped.length > 0) {
      this.model.deleteRows({ kind: 'mask', mask });
      this.rows = kept;
    }
    return dropped;
  }

  /** The same LP as text-writer input (variables a<i>, t<step>, p<pair>; rows c<k>). */
  toLpModel(): LpModel {
    if (!this.keepRows) throw new TokenlabError('this mixture LP was built without keepRows: its text cannot be written');
    const alphaNames = Array.from({ length: this.n }, (_, i) => `a${i}`);
    const slackNames = new Set<string>();
    const rows: LpRow[] = [{ name: 'sum', terms: alphaNames.map((name) => ({ coef: 1, name })), sense: '=', rhs: 1 }];
    this.flush();
    this.rows.forEach((r, k) => {
      const terms = [];
      for (let i = 0; i < this.n; i++) if (r.coefs![i] !== 0) terms.push({ coef: r.coefs![i]!, name: alphaNames[i]! });
      terms.push({ coef: 1, name: `t${r.t}` }, { coef: 1, name: `p${r.p}` });
      slackNames.add(`t${r.t}`).add(`p${r.p}`);
      rows.push({ name: `c${k}`, terms, sense: '>=', rhs: 0 });
    });
    const slack = [...slackNames];
    return {
      sense: 'Minimize',
      objective: slack.map((name) => ({ coef: 1, name })),
      rows,
      bounds: [...alphaNames.map((name) => ({ name, lower: 0, upper: 1 })), ...slack.map((name) => ({ name, lower: 0, upper: Infinity }))],
    };
  }

  dispose(): void {
    if (!this.disposed) this.model.dispose();
    this.disposed = true;
  }
}
