/**
 * Runs every metric over (tokenizer × corpus) and returns one `EvalResult` (types.ts).
 *
 * One pass over the documents: each document's units are loaded once, then every tokenizer encodes
 * each unit with offsets, feeding the per-document counters (sizes, words, UNK, per-unit token
 * counts for premiums, unique tokens for validity) and the per-tokenizer type counts (entropy,
 * utilization). Corpus-wide metrics (premiums, normalized sequence length, categories, overlap,
 * morphology, character structure, speed) follow the pass.
 *
 * Cancellation: between documents the loop yields to the event loop and checks `signal`; an abort
 * throws `EvalAborted` and nothing is returned (the CLI then writes nothing). A tokenizer that throws
 * is reported in `errors` and dropped from the rest of the run; the others go on.
 * Cost: O(corpus size × tokenizers) encodes, plus O(vocabulary) per tokenizer for categories/overlap.
 */
import type { Corpus, CorpusDoc } from '../corpus/corpus.js';
import { dominantScript } from '../corpus/languages.js';
import type { EvalTokenizer } from './adapter.js';
import { compression, countCodePoints, countUtf8Bytes } from './compression.js';
import { continuedWordShare, fertility, wordSpans, wordStats } from './fertility.js';
import { isInvalid, premium, unkChars, unkShare } from './premium.js';
import { normalizedSequenceLength } from './sequence-length.js';
import { DEFAULT_RENYI_ALPHA, renyiEfficiency, shannonEfficiency } from './entropy.js';
import { vocabularyUtilization } from './utilization.js';
import { categoryStats } from './vocab-categories.js';
import { wordValidity, type LanguageValidator } from './word-validity.js';
import { morphAlignment, type GoldSegmentation } from './morph-alignment.js';
import { charBenchWords, charStructure } from './char-structure.js';
import { measureSpeed, median } from './speed.js';
import { setOverlap, vocabKeySet } from './overlap.js';
import type { DocResult, EvalResult, SizeStats, TokenizerResult } from './types.js';

export class EvalAborted extends Error {
  constructor() {
    super('evaluation interrupted');
    this.name = 'EvalAborted';
  }
}

export interface EvalOptions {
  /** Name of the baseline tokenizer for normalized sequence length (default: the first). */
  baseline?: string;
  renyiAlpha?: number;
  /** ISO 639-3 → validator for %valid / %pure. */
  validators?: ReadonlyMap<string, LanguageValidator>;
  /** Language → gold segmentations for morphological alignment. */
  morphGold?: ReadonlyMap<string, GoldSegmentation[]>;
  /** Characters of mixed-language text for the speed measurement (0: skip). Default 100 000. */
  speedSampleChars?: number;
  speedRuns?: number;
  /** CharBench words per length (0: skip). Default 200. */
  charWordsPerLength?: number;
  onProgress?: (done: number, total: number, label: string) => void;
  signal?: AbortSignal;
}

interface Counters {
  tokens: number; chars: number; bytes: number; words: number; continuedWords: number; unkChars: number;
}

const zero = (): Counters => ({ tokens: 0, chars: 0, bytes: 0, words: 0, continuedWords: 0, unkChars: 0 });

function sizeStats(c: Counters): SizeStats {
  const share = unkShare(c.unkChars, c.chars);
  return {
    ...c,
    ...compression(c),
    fertility: fertility(c.tokens, c.words),
    continuedWordShare: continuedWordShare(c),
    unkShare: share,
    invalid: isInvalid(share),
  };
}

interface TokState {
  tok: EvalTokenizer;
  failed?: string;
  types: Map<number, number>;
  docs: { doc: CorpusDoc; script: string; units: number; counters: Counters; unitTokens: Map<string, number>; unique: number; validity?: DocResult['validity'] }[];
}

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

export async function evaluate(tokenizers: readonly EvalTokenizer[], corpus: Corpus, opts: EvalOptions = {}): Promise<EvalResult> {
  const t0 = performance.now();
  const alpha = opts.renyiAlpha ?? DEFAULT_RENYI_ALPHA;
  const speedChars = opts.speedSampleChars ?? 100_000;
  const charWords = opts.charWordsPerLength ?? 200;
  const errors: string[] = [];
  const states: TokState[] = tokenizers.map((tok) => ({ tok, types: new Map(), docs: [] }));
  const total = corpus.docs.length * tokenizers.length;
  let done = 0;
  const speedParts: string[] = [];
  const speedQuota = corpus.docs.length === 0 ? 0 : Math.ceil(speedChars / corpus.docs.length);
  let charText = '';
  let totalUnits = 0;

  for (const doc of corpus.docs) {
    await tick();
    if (opts.signal?.aborted) throw new EvalAborted();
    const units = doc.units();
    totalUnits += units.length;
    const fullText = units.map((u) => u[1]).join('\n');
    const script = doc.script ?? dominantScript(fullText);
    if (speedQuota > 0) speedParts.push(fullText.slice(0, speedQuota));
    if (charWords > 0 && (doc.code === corpus.reference || (corpus.reference === undefined && charText === ''))) charText = fullText;
    const validator = doc.iso6393 !== undefined ? opts.validators?.get(doc.iso6393) : undefined;
    for (const st of states) {
      opts.onProgress?.(done, total, `${st.tok.name} · ${doc.code}`);
      done++;
      if (st.failed) continue;
      try {
        const counters = zero();
        const unitTokens = new Map<string, number>();
        const unique = new Set<number>();
        for (const [id, text] of units) {
          const { ids, offsets } = st.tok.encodeWithOffsets(text);
          counters.tokens += ids.length;
          counters.chars += countCodePoints(text);
          counters.bytes += countUtf8Bytes(text);
          const ws = wordStats(wordSpans(text), offsets);
          counters.words += ws.words;
          counters.continuedWords += ws.continuedWords;
          counters.unkChars += unkChars(text, ids, offsets, st.tok.unkId);
          unitTokens.set(id, (unitTokens.get(id) ?? 0) + ids.length);
          for (const t of ids) {
            st.types.set(t, (st.types.get(t) ?? 0) + 1);
            unique.add(t);
          }
        }
        const entry: TokState['docs'][number] = { doc, script, units: units.length, counters, unitTokens, unique: unique.size };
        if (validator) entry.validity = wordValidity(new Set([...unique].map((t) => st.tok.idToString(t))), validator);
        st.docs.push(entry);
      } catch (e) {
        st.failed = `${st.tok.name} failed on ${doc.code}: ${(e as Error).message}`;
        errors.push(st.failed);
      }
    }
  }
  opts.onProgress?.(total, total, 'corpus-wide metrics');

  const baselineState = states.find((s) => s.tok.name === opts.baseline) ?? states.find((s) => !s.failed);
  if (opts.baseline !== undefined && !states.some((s) => s.tok.name === opts.baseline)) {
    errors.push(`baseline ${JSON.stringify(opts.baseline)} is not among the tokenizers; using ${baselineState?.tok.name ?? 'none'}`);
  }
  const baseDocTokens = new Map(baselineState?.docs.map((d) => [d.doc.code, d.counters.tokens]) ?? []);
  const charWordList = charWords > 0 ? charBenchWords(charText, charWords) : [];
  const speedSample = speedParts.join('\n');
  const results: TokenizerResult[] = [];

  for (const st of states) {
    await tick();
    if (opts.signal?.aborted) throw new EvalAborted();
    const tok = st.tok;
    const ref = corpus.parallel && corpus.reference !== undefined ? st.docs.find((d) => d.doc.code === corpus.reference) : undefined;
    const totals = zero();
    const byScript: TokenizerResult['bytesPerTokenByScript'] = {};
    let baseTotal = 0;
    const languages: DocResult[] = st.docs.map((d) => {
      for (const k of Object.keys(totals) as (keyof Counters)[]) totals[k] += d.counters[k];
      const s = (byScript[d.script] ??= { bytesPerToken: 0, tokens: 0, bytes: 0, documents: 0 });
      s.tokens += d.counters.tokens;
      s.bytes += d.counters.bytes;
      s.documents++;
      const r: DocResult = {
        code: d.doc.code, name: d.doc.name, script: d.script, units: d.units, uniqueTokens: d.unique, ...sizeStats(d.counters),
      };
      if (d.doc.iso6393 !== undefined) r.iso6393 = d.doc.iso6393;
      if (ref) {
        const p = premium(d.unitTokens, ref.unitTokens);
        if (p) { r.premium = p.premium; r.alignedUnits = p.alignedUnits; }
      }
      const base = baseDocTokens.get(d.doc.code);
      if (base !== undefined) {
        baseTotal += base;
        const nsl = normalizedSequenceLength(d.counters.tokens, base);
        if (nsl !== undefined) r.nsl = nsl;
      }
      if (d.validity) r.validity = d.validity;
      return r;
    });
    for (const s of Object.values(byScript)) s.bytesPerToken = s.tokens === 0 ? 0 : s.bytes / s.tokens;
    const vocabIds = tok.vocabIds();
    const result: TokenizerResult = {
      name: tok.name,
      vocabSize: tok.vocabSize,
      totals: sizeStats(totals),
      renyi: { alpha, efficiency: renyiEfficiency(st.types.values(), alpha) },
      shannonEfficiency: shannonEfficiency(st.types.values()),
      utilization: vocabularyUtilization(st.types, tok.vocabSize),
      usedTypes: st.types.size,
      categories: categoryStats(vocabIds.map((id) => ({ bytes: tok.idToBytes(id), special: tok.isSpecial(id) }))),
      bytesPerTokenByScript: byScript,
      languages,
      morph: {},
    };
    const nsl = baselineState && !baselineState.failed ? normalizedSequenceLength(totals.tokens, baseTotal) : undefined;
    if (nsl !== undefined) result.nsl = nsl;
    const premiums = languages.filter((l) => l.premium !== undefined && l.code !== corpus.reference);
    if (premiums.length > 0) {
      const ps = premiums.map((l) => l.premium!);
      result.premiumSummary = {
        median: median(ps), mean: ps.reduce((a, b) => a + b, 0) / ps.length, min: Math.min(...ps), max: Math.max(...ps),
        languages: ps.length, invalid: premiums.filter((l) => l.invalid).length,
      };
    }
    if (st.failed) { result.error = st.failed; results.push(result); continue; }
    try {
      for (const [lang, gold] of opts.morphGold ?? []) result.morph[lang] = morphAlignment(tok, gold);
      if (charWordList.length > 0) result.charStructure = { ...charStructure(tok, charWordList), source: corpus.reference ?? corpus.docs[0]?.code ?? '' };
      if (speedChars > 0 && speedSample.length > 0) result.speed = measureSpeed(tok, speedSample, opts.speedRuns ?? 3);
    } catch (e) {
      result.error = `${tok.name} failed in corpus-wide metrics: ${(e as Error).message}`;
      errors.push(result.error);
    }
    results.push(result);
  }

  const keySets = tokenizers.map((t) => vocabKeySet(t));
  const n = tokenizers.length;
  const shared = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const jaccard = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const o = setOverlap(keySets[i]!, keySets[j]!);
      shared[i]![j] = shared[j]![i] = o.shared;
      jaccard[i]![j] = jaccard[j]![i] = o.jaccard;
    }
  }

  const out: EvalResult = {
    tool: 'tokenlab eval',
    version: 1,
    corpus: { name: corpus.name, parallel: corpus.parallel, documents: corpus.docs.length, units: totalUnits },
    options: { renyiAlpha: alpha, speedSampleChars: speedChars, charWordsPerLength: charWords },
    tokenizers: results,
    overlap: { names: tokenizers.map((t) => t.name), shared, jaccard, vocabSizes: keySets.map((s) => s.size) },
    errors,
    seconds: (performance.now() - t0) / 1000,
  };
  if (corpus.reference !== undefined) out.corpus.reference = corpus.reference;
  if (baselineState) out.baseline = baselineState.tok.name;
  return out;
}
