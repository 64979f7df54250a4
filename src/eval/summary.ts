/**
 * Plain-text summary of an evaluation for the terminal: one row per tokenizer with the headline
 * numbers, then the premium of each language (parallel corpora) as a tokenizer-by-language table.
 */
import type { EvalResult } from './types.js';

const f = (x: number | undefined, d = 2): string => (x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(d));
const pct = (x: number | undefined): string => (x === undefined ? '—' : `${(100 * x).toFixed(1)}%`);

function table(header: string[], rows: string[][], leftCols = 1): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i < leftCols ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function formatSummary(r: EvalResult, opts: { maxLanguages?: number } = {}): string {
  const out: string[] = [];
  out.push(`corpus ${r.corpus.name}: ${r.corpus.documents} documents, ${r.corpus.units} units${r.corpus.reference ? `, reference ${r.corpus.reference}` : ''}${r.baseline ? `, baseline ${r.baseline}` : ''}`);
  out.push('');
  const header = ['tokenizer', 'vocab', 'tokens', 'bytes/tok', 'chars/tok', 'fertility', 'cont.words', 'NSL', 'premium med', 'premium max', 'Rényi', 'Shannon', 'util', 'chars/s'];
  const rows = r.tokenizers.map((t) => [
    t.name.length > 40 ? '…' + t.name.slice(-39) : t.name,
    String(t.vocabSize), String(t.totals.tokens), f(t.totals.bytesPerToken), f(t.totals.charsPerToken), f(t.totals.fertility),
    pct(t.totals.continuedWordShare), f(t.nsl, 3), f(t.premiumSummary?.median), f(t.premiumSummary?.max),
    f(t.renyi.efficiency, 3), f(t.shannonEfficiency, 3), pct(t.utilization),
    t.speed ? `${(t.speed.charsPerSecond / 1e6).toFixed(2)}M` : '—',
  ]);
  out.push(table(header, rows));
  const valid = r.tokenizers.flatMap((t) => t.languages.filter((l) => l.validity).map((l) => [t.name, l] as const));
  if (valid.length > 0) {
    out.push('', '%valid-word / %pure over unique tokens (hunspell):');
    out.push(table(['tokenizer', 'language', 'keys', '%valid', '%pure'], valid.map(([n, l]) => [n, l.code, String(l.validity!.keys), pct(l.validity!.validShare), pct(l.validity!.pureShare)]), 2));
  }
  const morph = r.tokenizers.flatMap((t) => Object.entries(t.morph).map(([lang, m]) => [t.name, lang, m] as const));
  if (morph.length > 0) {
    out.push('', 'morphological alignment (SIGMORPHON 2022, boundary P / R / F1):');
    out.push(table(['tokenizer', 'language', 'words', 'P', 'R', 'F1'], morph.map(([n, lang, m]) => [n, lang, String(m.words), f(m.precision, 3), f(m.recall, 3), f(m.f1, 3)]), 2));
  }
  if (r.corpus.parallel && r.tokenizers.some((t) => t.premiumSummary)) {
    const first = r.tokenizers[0]!;
    const langs = [...first.languages].sort((a, b) => (b.premium ?? 0) - (a.premium ?? 0));
    const shown = opts.maxLanguages !== undefined && langs.length > opts.maxLanguages
      ? [...langs.slice(0, Math.ceil(opts.maxLanguages / 2)), ...langs.slice(-Math.floor(opts.maxLanguages / 2))]
      : langs;
    out.push('', `token premium vs ${r.corpus.reference} (tokens(lang) / tokens(${r.corpus.reference}) on aligned units; * = >10% UNK, invalid)${shown.length < langs.length ? `, highest and lowest ${shown.length} of ${langs.length} by ${first.name}` : ''}:`);
    const rowsP = shown.map((l) => [
      `${l.name} [${l.code}]`.slice(0, 40), l.script,
      ...r.tokenizers.map((t) => {
        const x = t.languages.find((y) => y.code === l.code);
        return x ? `${f(x.premium)}${x.invalid ? '*' : ''}` : '—';
      }),
    ]);
    out.push(table(['language', 'script', ...r.tokenizers.map((t) => (t.name.length > 24 ? '…' + t.name.slice(-23) : t.name))], rowsP, 2));
  }
  for (const e of r.errors) out.push(`error: ${e}`);
  return out.join('\n');
}
