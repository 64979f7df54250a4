/**
 * What the evaluation reads: a corpus is a list of documents (one per language, or per file), each a
 * list of units. In a parallel corpus, units with the same id carry the same content in every
 * document (UDHR articles, FLORES sentences), so premiums compare aligned text only.
 *
 * Documents load lazily (`units()`): FLORES-200 is 205 files and a run may select a few.
 */
import { TokenlabError } from '../core/errors.js';

export interface CorpusDoc {
  /** The corpus's own id: `eng`, `cmn_hans`, `eng_Latn`, `news/de`. */
  code: string;
  /** ISO 639-3, when the document is one language. */
  iso6393?: string;
  name: string;
  /** ISO 15924, when known from the code (otherwise the evaluation detects it from the text). */
  script?: string;
  /** [unit id, text] in document order. */
  units(): [string, string][];
}

export interface Corpus {
  name: string;
  /** Units with one id are translations of each other. */
  parallel: boolean;
  /** Code of the reference document for premiums (English), when there is one. */
  reference?: string;
  docs: CorpusDoc[];
}

/** The documents of a corpus whose code (or ISO 639-3 code) is in `codes`, in the order given. */
export function selectDocs(corpus: Corpus, codes: readonly string[]): { docs: CorpusDoc[]; unknown: string[] } {
  const docs: CorpusDoc[] = [];
  const unknown: string[] = [];
  const seen = new Set<CorpusDoc>();
  for (const raw of codes) {
    const code = raw.trim();
    if (code === '') continue;
    let hits = corpus.docs.filter((d) => d.code === code);
    if (hits.length === 0) hits = corpus.docs.filter((d) => d.code.toLowerCase() === code.toLowerCase());
    if (hits.length === 0) hits = corpus.docs.filter((d) => d.iso6393 === code).slice(0, 1);
    if (hits.length === 0) unknown.push(code);
    for (const d of hits) if (!seen.has(d)) { seen.add(d); docs.push(d); }
  }
  return { docs, unknown };
}

/** The message for language codes a corpus does not have (one line). */
export function unknownLanguageMessage(corpus: Corpus, unknown: readonly string[]): string {
  const examples = corpus.docs.filter((d) => /^[a-z]/.test(d.code) && d.code !== corpus.reference).slice(0, 4).map((d) => d.code);
  if (corpus.reference !== undefined) examples.unshift(corpus.reference);
  return `${corpus.name}: unknown language code${unknown.length > 1 ? 's' : ''} ${unknown.map((c) => JSON.stringify(c)).join(', ')} (${corpus.docs.length} codes, e.g. ${examples.join(', ')})`;
}

/** Throws when the corpus has no documents left. */
export function requireDocs(corpus: Corpus): void {
  if (corpus.docs.length === 0) throw new TokenlabError(`${corpus.name}: no documents to evaluate`);
}

/**
 * The corpus restricted to `docs`, with the reference document added (first) when the corpus is
 * parallel and the selection lacks it: premiums need it.
 */
export function withDocs(corpus: Corpus, docs: CorpusDoc[]): Corpus {
  const out: Corpus = { ...corpus, docs: [...docs] };
  if (corpus.parallel && corpus.reference !== undefined && !docs.some((d) => d.code === corpus.reference)) {
    const ref = corpus.docs.find((d) => d.code === corpus.reference);
    if (ref) out.docs.unshift(ref);
  }
  return out;
}
