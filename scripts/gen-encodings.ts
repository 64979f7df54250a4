/**
 * Regenerates data/encodings/<name>.bin from the reference `tiktoken` npm package (a devDependency).
 *
 * File format (documented in docs/encodings-format.md): the tokens in rank order, each as
 * [u8 byteLength][bytes]. Rank = position. A rank with no token (p50k_base has one at 50256,
 * where the special token lives) is written as a zero length byte. A token longer than 255 bytes
 * aborts the build.
 * The sha256 of each file is printed so src/formats/tiktoken/registry.ts can pin it.
 */
import { readFileSync, writeFileSync, renameSync, mkdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const encodersDir = join(dirname(require.resolve('tiktoken')), 'encoders');
const outDir = new URL('../data/encodings/', import.meta.url).pathname;
mkdirSync(outDir, { recursive: true });

for (const name of ['r50k_base', 'p50k_base', 'cl100k_base', 'o200k_base']) {
  const json = JSON.parse(readFileSync(join(encodersDir, `${name}.json`), 'utf8')) as { bpe_ranks: string };
  const byRank: Buffer[] = [];
  for (const line of json.bpe_ranks.split('\n')) {
    if (!line) continue;
    const [, offsetText, ...tokens] = line.split(' ');
    const offset = Number.parseInt(offsetText!, 10);
    tokens.forEach((b64, i) => { byRank[offset + i] = Buffer.from(b64, 'base64'); });
  }
  const parts: Buffer[] = [];
  for (let rank = 0; rank < byRank.length; rank++) {
    const bytes = byRank[rank];
    if (!bytes) { parts.push(Buffer.from([0])); continue; }
    if (bytes.length === 0 || bytes.length > 255) throw new Error(`${name}: rank ${rank} has ${bytes.length} bytes`);
    parts.push(Buffer.from([bytes.length]), bytes);
  }
  const file = Buffer.concat(parts);
  const target = join(outDir, `${name}.bin`);
  writeFileSync(target + '.tmp', file);
  renameSync(target + '.tmp', target);
  const sha = createHash('sha256').update(file).digest('hex');
  console.log(`${name}: ${byRank.length} tokens, ${file.length} bytes, sha256 ${sha}`);
}
