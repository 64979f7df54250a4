/**
 * The self-contained HTML report: one file, no scripts, no external resources. Tables for every
 * headline number and inline SVG charts (rendered at build time by render-chart.ts), one section
 * per corpus. Opening it needs nothing but a browser; it prints well too.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { EvalResult } from '../types.js';
import { scriptName } from '../../corpus/languages.js';
import { bytesPerTokenByScriptChart, categoryChart, charStructureChart, overlapChart, premiumChart } from './charts.js';
import { renderSvg } from './render-chart.js';

const esc = (s: string): string => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const num = (x: number | undefined, d = 2): string => (x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(d));
const pct = (x: number | undefined): string => (x === undefined ? '—' : `${(100 * x).toFixed(1)}%`);

function table(header: string[], rows: string[][], cls = ''): string {
  return `<table class="${cls}"><thead><tr>${header.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${
    rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

async function chart(spec: TopLevelSpec | undefined): Promise<string> {
  return spec === undefined ? '' : `<figure>${await renderSvg(spec)}</figure>`;
}

async function corpusSection(r: EvalResult): Promise<string> {
  const parts: string[] = [];
  parts.push(`<h2>Corpus ${esc(r.corpus.name)}</h2>`);
  parts.push(`<p>${r.corpus.documents} documents, ${r.corpus.units} units${r.corpus.parallel ? ' (parallel, aligned by unit)' : ''}${
    r.corpus.reference ? `; premiums against <b>${esc(r.corpus.reference)}</b>` : ''}${r.baseline ? `; normalized sequence length against <b>${esc(r.baseline)}</b>` : ''}; evaluated in ${r.seconds.toFixed(1)} s.</p>`);
  parts.push(table(
    ['tokenizer', 'vocab', 'tokens', 'bytes/token', 'chars/token', 'fertility', 'continued words', 'NSL', 'premium median', 'premium max', `Rényi α=${r.options.renyiAlpha}`, 'Shannon eff.', 'utilization', 'chars/s'],
    r.tokenizers.map((t) => [t.name, String(t.vocabSize), String(t.totals.tokens), num(t.totals.bytesPerToken), num(t.totals.charsPerToken), num(t.totals.fertility),
      pct(t.totals.continuedWordShare), num(t.nsl, 3), num(t.premiumSummary?.median), num(t.premiumSummary?.max), num(t.renyi.efficiency, 3),
      num(t.shannonEfficiency, 3), pct(t.utilization), t.speed ? Math.round(t.speed.charsPerSecond).toLocaleString('en-US') : '—']),
    'num',
  ));
  parts.push(await chart(premiumChart(r)));
  parts.push(await chart(bytesPerTokenByScriptChart(r)));
  parts.push(await chart(categoryChart(r)));
  parts.push(await chart(overlapChart(r)));
  parts.push(await chart(charStructureChart(r)));

  const valid = r.tokenizers.flatMap((t) => t.languages.filter((l) => l.validity).map((l) => [t.name, l.code, String(l.validity!.keys), pct(l.validity!.validShare), pct(l.validity!.pureShare), l.validity!.source]));
  if (valid.length > 0) {
    parts.push('<h3>%valid-word and %pure (unique tokens, Turkish %TR/%Pure procedure)</h3>');
    parts.push(table(['tokenizer', 'language', 'unique keys', '%valid', '%pure', 'lexicon'], valid, 'num'));
  }
  const morph = r.tokenizers.flatMap((t) => Object.entries(t.morph).map(([lang, m]) => [t.name, lang, String(m.words), String(m.skippedNonSurface), num(m.precision, 3), num(m.recall, 3), num(m.f1, 3)]));
  if (morph.length > 0) {
    parts.push('<h3>Morphological alignment (SIGMORPHON 2022 boundaries, micro-averaged)</h3>');
    parts.push(table(['tokenizer', 'language', 'words', 'skipped (canonical)', 'precision', 'recall', 'F1'], morph, 'num'));
  }
  const cats = r.tokenizers.map((t) => [t.name, ...Object.values(t.categories.counts).map(String)]);
  parts.push('<h3>Vocabulary categories (counts)</h3>');
  parts.push(table(['tokenizer', ...Object.keys(r.tokenizers[0]?.categories.counts ?? {})], cats, 'num'));
  const scripts = new Set(r.tokenizers.flatMap((t) => Object.keys(t.categories.scriptShares)));
  const topScripts = [...scripts].sort((a, b) => Math.max(...r.tokenizers.map((t) => t.categories.scriptShares[b] ?? 0)) - Math.max(...r.tokenizers.map((t) => t.categories.scriptShares[a] ?? 0))).slice(0, 15);
  parts.push('<h3>Alphabetic tokens by script (% of alpha tokens)</h3>');
  parts.push(table(['tokenizer', ...topScripts.map((s) => scriptName(s))], r.tokenizers.map((t) => [t.name, ...topScripts.map((s) => pct(t.categories.scriptShares[s] ?? 0))]), 'num'));

  const first = r.tokenizers[0];
  if (first) {
    const rows = first.languages.map((l) => [
      `${l.name} [${l.code}]`, l.script, String(l.units),
      ...r.tokenizers.flatMap((t) => {
        const x = t.languages.find((y) => y.code === l.code);
        return [x ? String(x.tokens) : '—', num(x?.premium), num(x?.bytesPerToken), num(x?.fertility), x?.invalid ? 'invalid' : ''];
      }),
    ]);
    parts.push(`<details><summary>Per-language numbers (${first.languages.length} documents)</summary>`);
    parts.push(table(['language', 'script', 'units', ...r.tokenizers.flatMap((t) => [`${t.name} tokens`, 'premium', 'bytes/tok', 'fertility', 'UNK'])], rows, 'num small'));
    parts.push('</details>');
  }
  for (const e of r.errors) parts.push(`<p class="error">${esc(e)}</p>`);
  return parts.join('\n');
}

const STYLE = `body{font-family:Helvetica,Arial,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
table{border-collapse:collapse;margin:1em 0;font-size:13px}th,td{border:1px solid #ddd;padding:3px 7px}th{background:#f4f4f4}
table.num td:not(:first-child){text-align:right}table.small{font-size:11px}figure{margin:1.5em 0}.error{color:#b00}
details{margin:1em 0}summary{cursor:pointer;font-weight:bold}code{background:#f4f4f4;padding:0 3px}`;

export async function renderReport(results: readonly EvalResult[], opts: { title?: string; notes?: string[] } = {}): Promise<string> {
  const title = opts.title ?? 'tokenlab evaluation';
  const sections: string[] = [];
  for (const r of results) sections.push(await corpusSection(r));
  const notes = (opts.notes ?? []).map((n) => `<p>${esc(n)}</p>`).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${STYLE}</style></head>
<body>
<h1>${esc(title)}</h1>
<p>Generated by <code>tokenlab</code> on ${new Date().toISOString().slice(0, 10)}. Tokenizers: ${esc([...new Set(results.flatMap((r) => r.tokenizers.map((t) => t.name)))].join(', '))}.
Definitions of every metric: <code>docs/eval.md</code>. Special tokens are not added; counts are of the text's own tokens.</p>
${notes}
${sections.join('\n')}
</body></html>
`;
}
