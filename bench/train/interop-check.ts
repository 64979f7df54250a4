/**
 * Interoperability at benchmark scale: each given tokenizer.json (trained by the benchmark runs)
 * loads unchanged in the native HF binding (npm `tokenizers`) and in @huggingface/tokenizers (the
 * library behind transformers.js); ids are compared with tokenlab's pipeline line by line on a
 * held-out file (each line with its newline, as trained). Prints one JSON line per tokenizer, with
 * the first differing lines when there are any, and how many differing lines hold the same pieces
 * in another order (Unigram paths whose scores are mathematically equal: a tie broken by floating-point
 * rounding of the path sums).
 *
 *   node --import tsx bench/train/interop-check.ts --heldout <file> <tokenizer.json>...
 */
import { readFileSync } from 'node:fs';
import { Tokenizer as TransformersJsTokenizer } from '@huggingface/tokenizers';
import { Tokenizer } from '../../src/pipeline/index.js';
import { native } from '../../test/hf/native.js';

const argv = process.argv.slice(2);
const h = argv.indexOf('--heldout');
const heldFile = argv[h + 1]!;
const files = argv.filter((_, i) => i !== h && i !== h + 1);
const lines = readFileSync(heldFile, 'utf8').split(/(?<=\n)/);
for (const f of files) {
  const text = readFileSync(f, 'utf8');
  const ours = Tokenizer.fromJSON(JSON.parse(text) as Record<string, unknown>);
  const hf = native.Tokenizer.fromString(text);
  const tjs = new TransformersJsTokenizer(JSON.parse(text) as object, {});
  const diffs: Record<string, unknown>[] = [];
  let nativeDiff = 0, tjsDiff = 0, tokens = 0, nativeTies = 0, tjsTies = 0;
  const same = (x: number[], y: number[]): boolean => JSON.stringify([...x].sort((p, q) => p - q)) === JSON.stringify([...y].sort((p, q) => p - q));
  for (let i = 0; i < lines.length; i += 2000) {
    const batch = lines.slice(i, i + 2000);
    const hfEnc = await hf.encodeBatch(batch, { addSpecialTokens: true });
    batch.forEach((line, k) => {
      const ids = ours.encode(line).ids;
      tokens += ids.length;
      const hfIds = hfEnc[k]!.getIds(), tjsIds = tjs.encode(line).ids;
      const a = JSON.stringify(ids), b = JSON.stringify(hfIds), c = JSON.stringify(tjsIds);
      if (a !== b && same(ids, hfIds)) nativeTies++;
      if (a !== c && same(ids, tjsIds)) tjsTies++;
      if (a !== b) { nativeDiff++; if (diffs.length < 5) diffs.push({ lib: 'native', line: i + k, text: line.slice(0, 200), tokenlab: ours.encode(line).tokens.slice(0, 30), other: b.slice(0, 200) }); }
      if (a !== c) { tjsDiff++; if (diffs.length < 5) diffs.push({ lib: 'transformers.js', line: i + k, text: line.slice(0, 200), tokenlab: ours.encode(line).tokens.slice(0, 30), other: tjs.tokenize(line).slice(0, 30) }); }
    });
  }
  console.log(JSON.stringify({ tokenizer: f, heldout: heldFile, lines: lines.length, tokens, nativeDiffLines: nativeDiff, nativeTieLines: nativeTies, transformersJsDiffLines: tjsDiff, transformersJsTieLines: tjsTies, diffs }));
}
