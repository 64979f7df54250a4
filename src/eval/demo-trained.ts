/**
 * The demo's trained tokenizers: a byte-level BPE and a SuperBPE, both trained on the first half of
 * every demo declaration's units (articles) and evaluated beside the built-in encodings on the whole
 * corpus. The vocabulary is small (the UDHR is ~1 MB per 100 languages), so the point is the
 * comparison between the two algorithms at equal size, not against 100k–200k production vocabularies.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Corpus } from '../corpus/corpus.js';
import { Tokenizer } from '../pipeline/index.js';
import { trainByteLevelBpe } from '../train/bpe/train-byte-level-bpe.js';
import { trainSuperBpe } from '../train/superbpe/train-superbpe.js';
import { fromHfTokenizer, type EvalTokenizer } from './adapter.js';

export interface DemoTrainOptions {
  vocabSize: number;
  /** SuperBPE's transition point as a share of the vocabulary (the paper's best is around 0.8–0.9). */
  transitionShare: number;
}

/** Writes the training half of every document to one file, one unit per line. */
function trainingText(corpus: Corpus): string {
  const lines: string[] = [];
  for (const doc of corpus.docs) {
    const units = doc.units();
    for (const [, text] of units.slice(0, Math.ceil(units.length / 2))) lines.push(text);
  }
  return lines.join('\n') + '\n';
}

export async function trainDemoTokenizers(corpus: Corpus, o: DemoTrainOptions = { vocabSize: 8192, transitionShare: 0.8 }): Promise<EvalTokenizer[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tokenlab-demo-train-'));
  try {
    const file = join(dir, 'train.txt');
    writeFileSync(file, trainingText(corpus));
    const input = { corpus: { inputs: [file] }, threads: 0 };
    const bpe = await trainByteLevelBpe({ input, options: { vocabSize: o.vocabSize } });
    const superBpe = await trainSuperBpe({
      input,
      options: { vocabSize: o.vocabSize },
      transitionVocabSize: Math.round(o.vocabSize * o.transitionShare),
    });
    const k = `${Math.round(o.vocabSize / 1024)}k`;
    return [
      fromHfTokenizer(Tokenizer.fromJSON(bpe.tokenizer), `bpe-${k} (trained here)`),
      fromHfTokenizer(Tokenizer.fromJSON(superBpe.tokenizer), `superbpe-${k} (trained here)`),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
