/**
 * Dictionary-splitter throughput on a vocabulary the size of a 1–5 MB corpus's: the distinct German
 * FLORES words plus 150k pseudo-compounds made by joining two of them (long words are the DP's worst
 * case). Prints load and split CPU time, words per CPU second and the share split.
 *
 *   node --import tsx bench/compound/splitter-speed.ts [--flores DIR] [--language de|nl]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDictionarySplitter, type DictionaryLanguage } from '../../src/train/variants/compound/dictionary-splitter.js';
import { mulberry32 } from '../../src/util/seeded-random.js';

const args = process.argv.slice(2);
const arg = (n: string, d: string): string => (args.includes(`--${n}`) ? args[args.indexOf(`--${n}`) + 1]! : d);
const lang = arg('language', 'de') as DictionaryLanguage;
const code = lang === 'de' ? 'deu_Latn' : 'nld_Latn';
const dir = arg('flores', join(process.cwd(), '..', 'shared', 'data', 'flores200'));
const text = ['dev', 'devtest'].map((s) => readFileSync(join(dir, s, `${code}.${s}`), 'utf8')).join('\n');
const base = [...new Set(text.split(/\s+/).map((w) => w.replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, '')).filter((w) => /^\p{L}+$/u.test(w)))];
const r = mulberry32(1);
const words = [...base];
for (let i = 0; i < 150_000; i++) words.push(base[Math.floor(r() * base.length)]! + base[Math.floor(r() * base.length)]!.toLowerCase());

// CPU time, not wall time: the machine is shared.
const cpuSeconds = (since: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e6;
};
let t = process.cpuUsage();
const splitter = createDictionarySplitter(lang);
const loadCpu = cpuSeconds(t);
t = process.cpuUsage();
let split = 0;
for (const w of words) if (splitter.split(w).length > 1) split++;
const cpu = cpuSeconds(t);
console.log(JSON.stringify({ language: lang, loadCpuSeconds: +loadCpu.toFixed(2), words: words.length, splitCpuSeconds: +cpu.toFixed(2), wordsPerCpuSecond: Math.round(words.length / cpu), splitShare: +(split / words.length).toFixed(3) }));
