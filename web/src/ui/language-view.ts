/**
 * The language view: pick UDHR languages (the same Articles 1–3 in each, precomputed at build time
 * into udhr-sample.json) and see how many tokens each selected tokenizer needs per language, or the
 * premium over English (tokens / tokens for English, same tokenizer).
 */
import { barChart } from './bar-chart.js';
import { h, clear, fmt } from './dom.js';

export interface UdhrSample {
  /** What the texts are, e.g. "UDHR Articles 1–3". */
  note: string;
  languages: { code: string; name: string; text: string }[];
}

export interface LanguageViewHost {
  selected(): string[];
  setSelected(codes: string[]): void;
  relative(): boolean;
  setRelative(on: boolean): void;
}

export class LanguageView {
  readonly root = h('div', { class: 'languages' });
  private readonly list = h('div', { class: 'lang-list' });
  private readonly chartBox = h('div', { class: 'chart-box', 'data-role': 'chart' });
  private filter = '';

  constructor(private readonly data: UdhrSample, private readonly host: LanguageViewHost) {
    const search = h('input', { type: 'search', placeholder: `filter ${data.languages.length} languages…`, 'aria-label': 'filter languages' });
    search.addEventListener('input', () => { this.filter = search.value.toLowerCase(); this.renderList(); });
    const rel = h('input', { type: 'checkbox', 'data-role': 'relative' });
    rel.checked = host.relative();
    rel.addEventListener('change', () => host.setRelative(rel.checked));
    const none = h('button', { type: 'button' }, 'clear');
    none.addEventListener('click', () => host.setSelected([]));
    this.root.append(
      h('div', { class: 'lang-side' }, search, none, this.list),
      h('div', { class: 'lang-main' },
        h('label', { class: 'opt' }, rel, ' relative to English (same tokenizer)'),
        h('p', { class: 'hint' }, `${data.note}; the same passage in every language, so counts compare.`),
        this.chartBox));
    this.renderList();
  }

  renderList(): void {
    clear(this.list);
    const sel = new Set(this.host.selected());
    // Selected languages first, so they stay in view in a list of hundreds.
    const ordered = [...this.data.languages.filter((l) => sel.has(l.code)), ...this.data.languages.filter((l) => !sel.has(l.code))];
    for (const l of ordered) {
      if (this.filter && !`${l.name} ${l.code}`.toLowerCase().includes(this.filter) && !sel.has(l.code)) continue;
      const box = h('input', { type: 'checkbox', value: l.code });
      box.checked = sel.has(l.code);
      box.addEventListener('change', () => {
        const now = this.host.selected().filter((c) => c !== l.code);
        this.host.setSelected(box.checked ? [...now, l.code] : now);
      });
      this.list.append(h('label', { class: 'lang' }, box, ` ${l.name} `, h('code', {}, l.code)));
    }
  }

  /** counts[series][language index in data.languages] (undefined while the worker counts). */
  renderChart(seriesLabels: string[], counts: (number[] | undefined)[]): void {
    clear(this.chartBox);
    const codes = this.host.selected().filter((c) => this.data.languages.some((l) => l.code === c));
    if (codes.length === 0) { this.chartBox.append(h('p', {}, 'Pick languages on the left.')); return; }
    const index = new Map(this.data.languages.map((l, i) => [l.code, i]));
    const eng = index.get('eng');
    const relative = this.host.relative() && eng !== undefined;
    const values = counts.map((c) => codes.map((code) => {
      if (!c) return NaN;
      const v = c[index.get(code)!]!;
      return relative ? v / c[eng!]! : v;
    }));
    const rows = codes.map((c) => `${this.data.languages[index.get(c)!]!.name} [${c}]`);
    this.chartBox.append(barChart({ rows, series: seriesLabels, values, format: relative ? (v) => `${v.toFixed(2)}×` : fmt }));
    const table = h('table', { class: 'lang-table', 'data-role': 'lang-table' }, h('tr', {}, h('th', {}, 'language'), ...seriesLabels.map((s) => h('th', {}, s))));
    codes.forEach((code, r) => table.append(h('tr', { 'data-lang': code }, h('td', {}, rows[r]!), ...values.map((v) => h('td', { class: 'num' }, Number.isFinite(v[r]!) ? (relative ? v[r]!.toFixed(2) + '×' : fmt(v[r]!)) : '…')))));
    this.chartBox.append(table);
  }
}
