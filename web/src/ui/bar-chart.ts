/**
 * A grouped horizontal bar chart in SVG: one group per row (language), one bar per series
 * (tokenizer), value written at the bar's end. Hand-drawn to keep the bundle free of a chart library.
 */
const NS = 'http://www.w3.org/2000/svg';
export const SERIES_COLOURS = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#b07aa1', '#76b7b2', '#edc948', '#9c755f'];

function el(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

export interface ChartData {
  rows: string[];
  series: string[];
  /** values[series][row]; NaN while unknown. */
  values: number[][];
  format: (v: number) => string;
}

export function barChart(d: ChartData): SVGSVGElement {
  const bar = 12, gap = 2, groupGap = 10, labelW = 220, plotW = 520, valueW = 70;
  const groupH = d.series.length * (bar + gap) + groupGap;
  const legendH = 22;
  const height = legendH + d.rows.length * groupH + 10;
  const svg = el('svg', { width: labelW + plotW + valueW, height, viewBox: `0 0 ${labelW + plotW + valueW} ${height}`, class: 'chart', role: 'img' }) as SVGSVGElement;
  const max = Math.max(1e-9, ...d.values.flat().filter((v) => Number.isFinite(v)));
  d.series.forEach((s, k) => {
    const x = labelW + k * 170;
    svg.append(el('rect', { x, y: 4, width: 12, height: 12, fill: SERIES_COLOURS[k % SERIES_COLOURS.length]! }));
    svg.append(el('text', { x: x + 16, y: 14, class: 'legend' }, s));
  });
  d.rows.forEach((row, r) => {
    const y0 = legendH + r * groupH;
    svg.append(el('text', { x: labelW - 8, y: y0 + (d.series.length * (bar + gap)) / 2 + 4, 'text-anchor': 'end', class: 'row-label' }, row));
    d.series.forEach((_, k) => {
      const v = d.values[k]?.[r] ?? NaN;
      const y = y0 + k * (bar + gap);
      const w = Number.isFinite(v) ? Math.max(1, (v / max) * plotW) : 0;
      svg.append(el('rect', { x: labelW, y, width: w, height: bar, fill: SERIES_COLOURS[k % SERIES_COLOURS.length]!, 'data-row': row, 'data-series': k }));
      svg.append(el('text', { x: labelW + w + 4, y: y + bar - 2, class: 'value' }, Number.isFinite(v) ? d.format(v) : '…'));
    });
  });
  return svg;
}
