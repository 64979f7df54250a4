/**
 * The report's charts as Vega-Lite specs built from an `EvalResult` (one function per chart):
 * premium by language (sorted), bytes per token by script, Qtok category bars, and the vocabulary
 * overlap heatmap; plus CharBench characters-per-token by word length.
 */
import type { TopLevelSpec } from 'vega-lite';
import { scriptName } from '../../corpus/languages.js';
import { CATEGORIES } from '../vocab-categories.js';
import type { EvalResult } from '../types.js';

const FONT = { config: { font: 'Helvetica, Arial, sans-serif', view: { stroke: '#ddd' } } } as const;

/** Premium per language and tokenizer, languages sorted by the mean premium over tokenizers. */
export function premiumChart(r: EvalResult): TopLevelSpec | undefined {
  const values = r.tokenizers.flatMap((t) => t.languages
    .filter((l) => l.premium !== undefined)
    .map((l) => ({ language: `${l.name} [${l.code}]`, tokenizer: t.name, premium: Number(l.premium!.toFixed(3)), invalid: l.invalid })));
  if (values.length === 0) return undefined;
  const langs = new Set(values.map((v) => v.language)).size;
  return {
    ...FONT,
    title: `Token premium vs ${r.corpus.reference} (tokens(lang) / tokens(${r.corpus.reference}); 1 = parity)`,
    data: { values },
    width: 560,
    height: Math.max(120, langs * 13),
    mark: { type: 'point', filled: true, size: 40 },
    encoding: {
      y: { field: 'language', type: 'nominal', sort: { field: 'premium', op: 'mean', order: 'descending' }, axis: { labelLimit: 240, title: null } },
      x: { field: 'premium', type: 'quantitative', scale: { type: 'log' }, title: 'premium (log scale)' },
      color: { field: 'tokenizer', type: 'nominal', legend: { orient: 'top' } },
      ...(values.some((v) => v.invalid) ? { shape: { field: 'invalid', type: 'nominal', title: '>10% UNK (invalid)' } } : {}),
      tooltip: [{ field: 'language' }, { field: 'tokenizer' }, { field: 'premium' }],
    },
  };
}

export function bytesPerTokenByScriptChart(r: EvalResult): TopLevelSpec | undefined {
  const values = r.tokenizers.flatMap((t) => Object.entries(t.bytesPerTokenByScript)
    .map(([script, s]) => ({ script: `${scriptName(script)} (${script})`, tokenizer: t.name, bytesPerToken: Number(s.bytesPerToken.toFixed(3)) })));
  if (values.length === 0) return undefined;
  return {
    ...FONT,
    title: 'UTF-8 bytes per token by script (higher = more compression)',
    data: { values },
    width: 560,
    height: { step: 12 } as never,
    mark: 'bar',
    encoding: {
      y: { field: 'script', type: 'nominal', sort: { field: 'bytesPerToken', op: 'mean', order: 'descending' }, axis: { title: null, labelLimit: 200 } },
      yOffset: { field: 'tokenizer', type: 'nominal' },
      x: { field: 'bytesPerToken', type: 'quantitative', title: 'bytes / token' },
      color: { field: 'tokenizer', type: 'nominal', legend: { orient: 'top' } },
    },
  } as TopLevelSpec;
}

export function categoryChart(r: EvalResult): TopLevelSpec {
  const values = r.tokenizers.flatMap((t) => CATEGORIES.map((c, i) => ({
    tokenizer: t.name, category: c, order: i, share: Number((100 * t.categories.shares[c]).toFixed(3)), count: t.categories.counts[c],
  })));
  return {
    ...FONT,
    title: 'Vocabulary by Qtok category (% of vocabulary)',
    data: { values },
    width: 560,
    height: { step: 28 } as never,
    mark: 'bar',
    encoding: {
      y: { field: 'tokenizer', type: 'nominal', axis: { title: null, labelLimit: 240 } },
      x: { field: 'share', type: 'quantitative', stack: 'zero', title: '% of vocabulary', scale: { domain: [0, 100] } },
      color: { field: 'category', type: 'nominal', sort: [...CATEGORIES], legend: { orient: 'bottom', columns: 3 } },
      order: { field: 'order', type: 'quantitative' },
      tooltip: [{ field: 'tokenizer' }, { field: 'category' }, { field: 'share' }, { field: 'count' }],
    },
  } as TopLevelSpec;
}

export function overlapChart(r: EvalResult): TopLevelSpec | undefined {
  const { names, shared, jaccard } = r.overlap;
  if (names.length < 2) return undefined;
  const values = names.flatMap((a, i) => names.map((b, j) => ({ a, b, jaccard: Number(jaccard[i]![j]!.toFixed(3)), shared: shared[i]![j]! })));
  return {
    ...FONT,
    title: 'Vocabulary overlap (Jaccard of token surface strings; cells show shared tokens)',
    data: { values },
    width: { step: 90 } as never,
    height: { step: 40 } as never,
    encoding: {
      x: { field: 'a', type: 'nominal', title: null, axis: { labelAngle: -30, labelLimit: 200 } },
      y: { field: 'b', type: 'nominal', title: null, axis: { labelLimit: 200 } },
    },
    layer: [
      { mark: 'rect', encoding: { color: { field: 'jaccard', type: 'quantitative', scale: { domain: [0, 1], scheme: 'blues' } } } },
      {
        mark: { type: 'text', fontSize: 11 },
        encoding: {
          text: { field: 'shared', type: 'quantitative', format: ',' },
          color: { condition: { test: 'datum.jaccard > 0.5', value: 'white' }, value: 'black' },
        },
      },
    ],
  } as TopLevelSpec;
}

export function charStructureChart(r: EvalResult): TopLevelSpec | undefined {
  const values = r.tokenizers.flatMap((t) => Object.entries(t.charStructure?.charsPerToken ?? {})
    .map(([len, v]) => ({ tokenizer: t.name, wordLength: Number(len), charsPerToken: Number(v.toFixed(3)) })));
  if (values.length === 0) return undefined;
  return {
    ...FONT,
    title: 'Characters per token by word length (CharBench compression rate, words tokenized alone)',
    data: { values },
    width: 560,
    height: 220,
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'wordLength', type: 'ordinal', title: 'word length (characters)', axis: { labelAngle: 0 } },
      y: { field: 'charsPerToken', type: 'quantitative', title: 'characters / token' },
      color: { field: 'tokenizer', type: 'nominal', legend: { orient: 'top' } },
    },
  };
}
