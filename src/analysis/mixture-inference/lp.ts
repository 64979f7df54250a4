/**
 * CPLEX-LP text writer with line wrapping, for exporting the mixture LP (`--lp FILE`) and for the
 * one-shot `highs.solve(text)` path. HiGHS's LP reader in highs-js rejected lines longer than 560
 * characters (lovasoa/highs-js PR #50), and other readers cap at 255 — so every line is wrapped at
 * `maxLine` (default 255) characters, breaking only between terms (a term is never split; a single
 * term longer than the limit is an error, which cannot happen for names and numbers we write).
 * Numbers are written in shortest round-trip form (`String(x)`), exponents included (`1.5e-7`).
 */
import { TokenlabError } from '../../core/errors.js';

export interface LpTerm {
  coef: number;
  name: string;
}

export interface LpRow {
  name: string;
  terms: LpTerm[];
  sense: '>=' | '<=' | '=';
  rhs: number;
}

export interface LpBound {
  name: string;
  lower: number;
  upper: number;
}

export interface LpModel {
  sense: 'Minimize' | 'Maximize';
  objective: LpTerm[];
  rows: LpRow[];
  bounds: LpBound[];
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.]*$/;

function num(x: number): string {
  if (!Number.isFinite(x)) throw new TokenlabError(`LP coefficient is not finite: ${x}`);
  return String(x);
}

function termText(t: LpTerm, first: boolean): string {
  if (!NAME.test(t.name)) throw new TokenlabError(`LP variable name ${JSON.stringify(t.name)} is not valid (letters, digits, _ and .)`);
  const sign = t.coef < 0 ? '-' : '+';
  const mag = num(Math.abs(t.coef));
  const body = mag === '1' ? t.name : `${mag} ${t.name}`;
  return first && sign === '+' ? body : `${sign} ${body}`;
}

/** Appends tokens to lines of at most maxLine characters (indented continuation lines). */
class Wrapper {
  readonly lines: string[] = [];
  private cur = '';
  constructor(private readonly maxLine: number) {}
  start(head: string): void {
    this.flush();
    this.cur = head;
  }
  add(token: string): void {
    const sep = this.cur.length === 0 ? ' ' : ' ';
    if (1 + token.length > this.maxLine) throw new TokenlabError(`LP term longer than the ${this.maxLine}-character line limit: ${token.slice(0, 40)}…`);
    if (this.cur.length + sep.length + token.length > this.maxLine) {
      this.lines.push(this.cur);
      this.cur = ' ' + token;
    } else this.cur += sep + token;
  }
  flush(): void {
    if (this.cur.length > 0) this.lines.push(this.cur);
    this.cur = '';
  }
}

export function writeLp(model: LpModel, maxLine = 255): string {
  if (maxLine < 40) throw new TokenlabError(`LP line limit ${maxLine} is too small (at least 40)`);
  const w = new Wrapper(maxLine);
  w.start(model.sense);
  w.flush();
  w.start(' obj:');
  if (model.objective.length === 0) w.add('0');
  model.objective.forEach((t, i) => w.add(termText(t, i === 0)));
  w.flush();
  w.start('Subject To');
  w.flush();
  for (const row of model.rows) {
    if (!NAME.test(row.name)) throw new TokenlabError(`LP row name ${JSON.stringify(row.name)} is not valid`);
    w.start(` ${row.name}:`);
    if (row.terms.length === 0) throw new TokenlabError(`LP row ${row.name} has no terms`);
    row.terms.forEach((t, i) => w.add(termText(t, i === 0)));
    w.add(row.sense);
    w.add(num(row.rhs));
    w.flush();
  }
  w.start('Bounds');
  w.flush();
  for (const b of model.bounds) {
    const lo = b.lower === -Infinity ? '-inf' : num(b.lower);
    const hi = b.upper === Infinity ? '+inf' : num(b.upper);
    w.start(` ${lo} <= ${b.name} <= ${hi}`);
    w.flush();
  }
  w.start('End');
  w.flush();
  return w.lines.join('\n') + '\n';
}
