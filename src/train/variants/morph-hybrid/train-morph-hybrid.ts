/**
 * Builds a hybrid tokenizer from a root lexicon, the language's suffix sets and a training text:
 * 1. root allomorph sets from the lexicon (morph-lexicon.ts);
 * 2. pass 1 over the text: how often the greedy encoder uses each root; when the lexicon has more
 *    sets than `maxRoots`, the most used are kept (ties: not a proper noun, then shorter);
 * 3. pass 2: the stretches no root or suffix covers (morphResidues) are counted as BPE "words";
 * 4. byte-level BPE (src/train/bpe) on them fills the rest of the id range. Training on the residue
 *    rather than the whole text keeps the table for what the dictionaries do not cover (the reference
 *    does not say what its BPE units were trained on; spec §5 open questions).
 * The text is streamed twice, never held whole.
 */
import { listCorpusFiles, readCorpus, type CorpusOptions } from '../../counting/corpus-reader.js';
import { WordCounts } from '../../counting/word-counts.js';
import type { TrainControl } from '../../trainer.js';
import { trainBpeAsync } from '../../bpe/bpe-trainer.js';
import { byteLevelAlphabet } from '../../bpe/bpe-tokenizer-json.js';
import { CHAR_TO_BYTE } from '../../../pretokenize/byte-level-alphabet.js';
import { TokenlabError } from '../../../core/errors.js';
import { morphLanguage } from './morph-languages.js';
import { loadRootLexicon, rootGroups, type RootGroup } from './morph-lexicon.js';
import { HybridVocab, SPECIAL_TOKENS } from './hybrid-vocab.js';
import { morphResidues, type MatchPriority } from './hybrid-encode.js';
import { MorphHybridTokenizer, bytesToByteLevel } from './morph-hybrid-tokenizer.js';

export interface MorphHybridJob {
  corpus?: CorpusOptions;
  texts?: Iterable<string>;
  /** Language code (default `tr`). */
  language?: string;
  /** Folder of the turkish-morph dataset (default ../shared/data/turkish-morph, else dictionary-tr), or `dictionary-tr`. */
  lexiconDir?: string;
  /** Total ids: specials + roots + suffixes + BPE (default 32,768 as in the reference). */
  vocabSize?: number;
  /** Most root ids (default 19,993, so roots end at id 20,000 as in the reference). */
  maxRoots?: number;
  /** BPE min frequency (default 2). */
  minFrequency?: number;
  /** Root vs suffix ranking at one position (default `roots-first`, the reference's). */
  match?: MatchPriority;
}

export interface MorphHybridStats {
  lexiconSource: string;
  rootSetsInLexicon: number;
  rootSets: number;
  rootSurfaces: number;
  suffixSets: number;
  suffixSurfaces: number;
  bpeTokens: number;
  residueWords: number;
  lines: number;
}

const ALL_BYTES = Array.from({ length: 256 }, (_, b) => Uint8Array.of(b));

/** The training lines; with a corpus, `count` progress per read chunk and a stop check per batch. */
async function* trainingLines(job: MorphHybridJob, control: TrainControl, pass: number): AsyncGenerator<string> {
  if (job.texts !== undefined) {
    for (const t of job.texts) yield t;
    return;
  }
  if (job.corpus === undefined) throw new TokenlabError('morph-hybrid: no training input (give corpus files or texts)');
  const bytesTotal = listCorpusFiles(job.corpus).reduce((n, f) => n + f.size, 0);
  let bytesRead = 0;
  let units = 0;
  const onBytes = (n: number): void => { bytesRead = n; };
  for await (const batch of readCorpus({ ...job.corpus, unit: 'line', onBytes })) {
    if (control.signal?.aborted) throw new TokenlabError('training was interrupted');
    for (const t of batch) yield t.replace(/[\r\n]+$/u, '');
    units += batch.length;
    // two passes over the text: report them as one count phase over twice the bytes
    control.onProgress?.({ phase: 'count', bytesRead: (pass - 1) * bytesTotal + bytesRead, bytesTotal: 2 * bytesTotal, units, distinct: 0 });
    await new Promise<void>((resolve) => setImmediate(resolve)); // let Ctrl-C be seen
  }
}

export async function trainMorphHybrid(job: MorphHybridJob, control: TrainControl = {}): Promise<{ tokenizer: MorphHybridTokenizer; stats: MorphHybridStats }> {
  const lang = morphLanguage(job.language ?? 'tr');
  const vocabSize = job.vocabSize ?? 32768;
  const maxRoots = job.maxRoots ?? 20000 - SPECIAL_TOKENS.length;
  const { lexicon, dictionary } = await loadRootLexicon(job.lexiconDir);
  const groups = rootGroups(lang, lexicon.entries, dictionary !== undefined ? { dictionary } : {});
  const suffixes = lang.suffixSets();
  const match = job.match ?? 'roots-first';

  // Pass 1: root usage under the greedy encoder with every root available.
  const full = new HybridVocab(lang, groups.map((g) => g.surfaces), suffixes, ALL_BYTES);
  const used = new Float64Array(full.size);
  let lines = 0;
  for await (const line of trainingLines(job, control, 1)) {
    morphResidues(full, lang, line, match, () => {}, (id) => used[id]!++);
    lines++;
  }
  const order = groups.map((_, i) => i).sort((a, b) => rootRank(groups, used, full.rootStart, a, b));
  const kept = order.slice(0, Math.max(0, Math.min(maxRoots, groups.length))).map((i) => groups[i]!.surfaces);

  const bpeSize = vocabSize - SPECIAL_TOKENS.length - kept.length - suffixes.length;
  if (bpeSize < 256) throw new TokenlabError(`vocabulary size ${vocabSize} leaves ${bpeSize} BPE ids after ${SPECIAL_TOKENS.length} specials, ${kept.length} roots and ${suffixes.length} suffixes; the BPE table needs at least the 256 bytes (lower --max-roots or raise --vocab-size)`);

  // Pass 2: what the dictionaries leave over becomes the BPE training words (byte-level strings).
  const vocab = new HybridVocab(lang, kept, suffixes, ALL_BYTES);
  const utf8 = new TextEncoder();
  const residues = new WordCounts();
  for await (const line of trainingLines(job, control, 2)) morphResidues(vocab, lang, line, match, (s) => residues.add(bytesToByteLevel(utf8.encode(s))));
  const model = await trainBpeAsync(residues, { vocabSize: bpeSize, minFrequency: job.minFrequency ?? 2, initialAlphabet: byteLevelAlphabet() }, control);
  const bpe = model.tokens.map((t) => Uint8Array.from([...t], (c) => CHAR_TO_BYTE.get(c)!));

  const stats: MorphHybridStats = {
    lexiconSource: lexicon.source,
    rootSetsInLexicon: groups.length,
    rootSets: kept.length,
    rootSurfaces: kept.reduce((n, g) => n + g.length, 0),
    suffixSets: suffixes.length,
    suffixSurfaces: suffixes.reduce((n, g) => n + g.length, 0),
    bpeTokens: bpe.length,
    residueWords: residues.size,
    lines,
  };
  const info = { lexicon: lexicon.source, trainingLines: lines, bpeTrainedOn: 'residue (text not covered by roots/suffixes)' };
  const tokenizer = new MorphHybridTokenizer(lang, { roots: kept, suffixes, bpe, match, info });
  return { tokenizer, stats };
}

function rootRank(groups: readonly RootGroup[], used: Float64Array, rootStart: number, a: number, b: number): number {
  const ga = groups[a]!;
  const gb = groups[b]!;
  return (used[rootStart + b]! - used[rootStart + a]!)
    || (ga.pos === 'PROPN' ? 1 : 0) - (gb.pos === 'PROPN' ? 1 : 0)
    || ga.surfaces[0]!.length - gb.surfaces[0]!.length
    || a - b;
}
