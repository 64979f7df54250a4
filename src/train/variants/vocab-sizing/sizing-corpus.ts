/**
 * Training and test text per language for vocabulary sizing, from any parallel corpus (src/corpus):
 * FLORES-200 trains on dev and tests on devtest; other corpora (UDHR articles, line-aligned folders)
 * train on the first half of each document's units and test on the second half, so the test text
 * is parallel across languages and never seen in training.
 */
import { TokenlabError } from '../../../core/errors.js';
import type { CorpusDoc } from '../../../corpus/corpus.js';
import type { SizingLanguage } from './sizing-run.js';

export function sizingLanguage(doc: CorpusDoc): SizingLanguage {
  const units = doc.units().filter(([, text]) => text.trim() !== '');
  const hasSplits = units.some(([id]) => id.startsWith('devtest:'));
  let train: string[];
  let test: string[];
  if (hasSplits) {
    train = units.filter(([id]) => !id.startsWith('devtest:')).map(([, t]) => t);
    test = units.filter(([id]) => id.startsWith('devtest:')).map(([, t]) => t);
  } else {
    const half = Math.ceil(units.length / 2);
    train = units.slice(0, half).map(([, t]) => t);
    test = units.slice(half).map(([, t]) => t);
  }
  if (train.length === 0 || test.length === 0) throw new TokenlabError(`${doc.code}: too little text to split into training and test halves (${units.length} units)`);
  return { code: doc.code, train, test };
}
