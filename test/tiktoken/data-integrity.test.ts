/**
 * The shipped vocabulary files: hashes pinned in the registry, and byte-for-byte what
 * scripts/gen-encodings.ts derives from the reference `tiktoken` package.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ENCODINGS } from '../../src/formats/tiktoken/registry.js';
import { encodingsDataDir } from '../../src/formats/tiktoken/node-loader.js';
import { getEncoding } from '../../src/index.js';

const require = createRequire(import.meta.url);
const tiktokenEncoders = join(dirname(require.resolve('tiktoken')), 'encoders');

for (const [name, specOf] of Object.entries(ENCODINGS)) {
  const spec = specOf();
  test(`${name}: vocabulary file hash and content match the reference package`, () => {
    const data = readFileSync(join(encodingsDataDir(), `${spec.vocabFile}.bin`));
    assert.equal(createHash('sha256').update(data).digest('hex'), spec.sha256);
    const refName = name === 'o200k_harmony' ? 'o200k_base' : name;
    const ref = JSON.parse(readFileSync(join(tiktokenEncoders, `${refName}.json`), 'utf8')) as {
      bpe_ranks: string;
      special_tokens: Record<string, number>;
      pat_str: string;
    };
    const vocab = getEncoding(name).vocab;
    let checked = 0;
    for (const line of ref.bpe_ranks.split('\n')) {
      if (!line) continue;
      const [, offset, ...tokens] = line.split(' ');
      tokens.forEach((b64, i) => {
        const bytes = Buffer.from(b64, 'base64');
        assert.equal(vocab.lookup(bytes, 0, bytes.length), Number(offset) + i);
        checked++;
      });
    }
    assert.equal(checked, vocab.size - (name.startsWith('p50k') ? 1 : 0));
    assert.equal(spec.pattern, ref.pat_str);
    if (name !== 'o200k_harmony') assert.deepEqual(spec.specialTokens, ref.special_tokens);
  });
}
