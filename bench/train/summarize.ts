/**
 * Tables for docs/training-benchmarks.md from a results directory written by bench-matrix.sh:
 *
 *   node --import tsx bench/train/summarize.ts [bench/results/train]
 *
 * - speed/memory: every <label>.time (GNU time: wall, user+sys CPU, peak RSS);
 * - BPE: whether tokenlab's merges equal the native HF trainer's (hf-bpe-* vs tl-bpe-*);
 * - Unigram vs spm_train: Jaccard overlap of the two vocabularies (specials excluded) and
 *   bytes/token on the held-out slice (bench/.corpus/slices/<kind>-heldout.txt), each line
 *   encoded without its newline (spm_train's sentences are lines): tokenlab's model with tokenlab's
 *   pipeline, spm's with `spm_encode`; `<unk>` counts are reported too.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Tokenizer } from '../../src/pipeline/index.js';

const R = process.argv[2] ?? 'bench/results/train';
const S = 'bench/.corpus/slices';
const times = readdirSync(R).filter((f) => f.endsWith('.time')).map((f) => JSON.parse(readFileSync(join(R, f), 'utf8')) as { label: string; wallS: number; userS: number; sysS: number; maxRssMB: number; exit: number });
const byLabel = new Map(times.map((t) => [t.label, t]));
const slices = [...new Set(times.map((t) => t.label.replace(/^(hf|tl|spm)-(bpe|uni8k|uni)-/, '')))].sort();
const cpu = (t: { userS: number; sysS: number }): string => (t.userS + t.sysS).toFixed(1);
const row = (cells: (string | number)[]): string => `| ${cells.join(' | ')} |`;

console.log('### Speed and memory\n');
console.log(row(['corpus', 'algorithm', 'trainer', 'wall s', 'CPU s (user+sys)', 'peak RSS MB', 'ratio wall / CPU / RSS vs reference', 'notes']));
console.log(row(['---', '---', '---', '---:', '---:', '---:', '---', '---']));
for (const s of slices) {
  for (const [algo, ref, refName] of [['bpe', 'hf', 'HF native'], ['uni', 'spm', 'spm_train'], ['uni8k', 'hf', 'HF native']] as const) {
    const r = byLabel.get(`${ref}-${algo}-${s}`);
    const t = byLabel.get(`tl-${algo}-${s}`);
    if (r === undefined && t === undefined) continue;
    let note = '';
    if (algo === 'bpe' && r !== undefined && t !== undefined && existsSync(join(R, `hf-bpe-${s}.json`)) && existsSync(join(R, `tl-bpe-${s}.json`))) {
      const m = (f: string): string => JSON.stringify((JSON.parse(readFileSync(join(R, f), 'utf8')) as { model: { merges: unknown[] } }).model.merges);
      const a = m(`hf-bpe-${s}.json`), b = m(`tl-bpe-${s}.json`);
      note = a === b ? `merges identical (${(JSON.parse(a) as unknown[]).length})` : 'MERGES DIFFER';
    }
    const name = algo === 'bpe' ? 'BPE 30000' : algo === 'uni' ? 'Unigram 32000' : 'Unigram 8000';
    if (r !== undefined) console.log(row([s, name, refName, r.wallS, cpu(r), r.maxRssMB, '1', r.exit === 0 ? '' : `exit ${r.exit}`]));
    if (t !== undefined) {
      const ratio = r === undefined ? '' : `${(t.wallS / r.wallS).toFixed(2)}× / ${((t.userS + t.sysS) / (r.userS + r.sysS)).toFixed(2)}× / ${(t.maxRssMB / r.maxRssMB).toFixed(2)}×`;
      console.log(row([s, name, 'tokenlab', t.wallS, cpu(t), t.maxRssMB, ratio, (t.exit === 0 ? '' : `exit ${t.exit} `) + note]));
    }
  }
}

console.log('\n### Unigram: tokenlab vs spm_train (same input, vocab 32000)\n');
console.log(row(['corpus', 'Jaccard (vocab)', 'shared pieces', 'held-out bytes', 'spm tokens', 'spm bytes/token', 'spm `<unk>`', 'tokenlab tokens', 'tokenlab bytes/token', 'tokenlab `<unk>`', 'tokenlab bytes/token, whitespace collapsed as spm']));
console.log(row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']));
for (const s of slices) {
  const spmModel = join(R, `spm-uni-${s}.model`), tlJson = join(R, `tl-uni-${s}.json`);
  if (!existsSync(spmModel) || !existsSync(tlJson)) continue;
  const kind = s.split('-')[0]!;
  const lines = readFileSync(join(S, `${kind}-heldout.txt`), 'utf8').split('\n').filter((l) => l.length > 0);
  const bytes = lines.reduce((n, l) => n + Buffer.byteLength(l), 0);
  const specials = new Set(['<unk>', '<s>', '</s>']);
  const spmVocab = new Set(readFileSync(join(R, `spm-uni-${s}.vocab`), 'utf8').split('\n').filter((l) => l.length > 0).map((l) => l.split('\t')[0]!).filter((p) => !specials.has(p)));
  const json = JSON.parse(readFileSync(tlJson, 'utf8')) as { model: { vocab: [string, number][]; unk_id: number | null } };
  const tlVocab = new Set(json.model.vocab.map(([p]) => p).filter((p) => !specials.has(p)));
  const shared = [...tlVocab].filter((p) => spmVocab.has(p)).length;
  const jaccard = shared / (spmVocab.size + tlVocab.size - shared);
  const spmIds = execFileSync('spm_encode', [`--model=${spmModel}`, '--output_format=id'], { input: lines.join('\n') + '\n', encoding: 'utf8', maxBuffer: 1 << 30 })
    .split('\n').filter((l, i, a) => i < a.length - 1).flatMap((l) => (l.length > 0 ? l.split(' ').map(Number) : []));
  const spmUnk = spmIds.filter((id) => id === 0).length;
  const tok = Tokenizer.fromJSON(json as unknown as Record<string, unknown>);
  let tlTokens = 0, tlUnk = 0;
  let collapsed = 0;
  for (const l of lines) {
    const ids = tok.encode(l).ids;
    tlTokens += ids.length;
    for (const id of ids) if (id === json.model.unk_id) tlUnk++;
    // spm's default normalizer (nmt_nfkc, remove_extra_whitespaces) trims and collapses whitespace runs;
    // tokenlab's NFKC + Metaspace keeps every space. Same model, spm-like input: original bytes / tokens.
    collapsed += tok.encode(l.replace(/[ \t]+/g, ' ').trim()).ids.length;
  }
  console.log(row([s, jaccard.toFixed(3), `${shared} / ${spmVocab.size} spm, ${tlVocab.size} tokenlab`, bytes, spmIds.length, (bytes / spmIds.length).toFixed(3), spmUnk, tlTokens, (bytes / tlTokens).toFixed(3), tlUnk, (bytes / collapsed).toFixed(3)]));
}

// SuperBPE tables: the JSON lines written by bench/train/superbpe-table.ts (superbpe-<slice>.jsonl).
for (const f of readdirSync(R).filter((x) => /^superbpe-.*\.jsonl$/.test(x)).sort()) {
  const rows = readFileSync(join(R, f), 'utf8').split('\n').filter((l) => l.startsWith('{"name"')).map((l) => JSON.parse(l) as { name: string; t: number | null; vocab: number; tokens: number; bytesPerToken: number; multiWordTokens: number; heldoutBytes: number });
  if (rows.length === 0) continue;
  const base = rows.find((r) => r.t === null);
  console.log(`\n### SuperBPE vs BPE (${f.replace(/^superbpe-|\.jsonl$/g, '')}, vocab ${rows[0]!.vocab}, held-out ${rows[0]!.heldoutBytes} bytes)\n`);
  console.log(row(['tokenizer', 't', 'held-out tokens', 'bytes/token', 'vs BPE', 'multi-word tokens in vocab']));
  console.log(row(['---', '---:', '---:', '---:', '---:', '---:']));
  for (const r of rows) {
    const T = r.vocab;
    const tName = r.t === null ? '—' : `${r.t} (${r.t === T / 10 ? 'T/10' : r.t === T / 2 ? 'T/2' : r.t === (9 * T) / 10 ? '0.9T' : '?'})`;
    console.log(row([r.t === null ? 'BPE' : 'SuperBPE', tName, r.tokens, r.bytesPerToken.toFixed(3), base === undefined ? '' : `${((r.bytesPerToken / base.bytesPerToken - 1) * 100).toFixed(1)}%`, r.multiWordTokens]));
  }
}

// Unigram at the native binding's default size (8000): tokenlab vs HF's UnigramTrainer, same file.
const hfUni = slices.filter((s) => existsSync(join(R, `hf-uni8k-${s}.json`)) && existsSync(join(R, `tl-uni8k-${s}.json`)));
if (hfUni.length > 0) {
  console.log('\n### Unigram 8000: tokenlab vs the native HF trainer (same input)\n');
  console.log(row(['corpus', 'Jaccard (vocab)', 'shared pieces', 'held-out bytes', 'HF bytes/token', 'tokenlab bytes/token', 'lines HF cannot encode (no unk)']));
  console.log(row(['---', '---:', '---:', '---:', '---:', '---:', '---:']));
}
for (const s of hfUni) {
  const kind = s.split('-')[0]!;
  const lines = readFileSync(join(S, `${kind}-heldout.txt`), 'utf8').split('\n').filter((l) => l.length > 0);
  type Uni = { model: { vocab: [string, number][] } };
  const load = (f: string): Uni => JSON.parse(readFileSync(join(R, f), 'utf8')) as Uni;
  const hf = load(`hf-uni8k-${s}.json`), tl = load(`tl-uni8k-${s}.json`);
  const specials = new Set(['<unk>', '<s>', '</s>']);
  const a = new Set(hf.model.vocab.map(([p]) => p).filter((p) => !specials.has(p))), b = new Set(tl.model.vocab.map(([p]) => p).filter((p) => !specials.has(p)));
  const shared = [...a].filter((p) => b.has(p)).length;
  // Both models through tokenlab's pipeline (ids identical to the native binding's); lines with a
  // char HF's model lacks fail there (HF's trainer sets no unk token), so both count only the lines HF encodes.
  const tHf = Tokenizer.fromJSON(hf as unknown as Record<string, unknown>), tTl = Tokenizer.fromJSON(tl as unknown as Record<string, unknown>);
  let bytes = 0, nHf = 0, nTl = 0, failed = 0;
  for (const l of lines) {
    let ids: number[];
    try { ids = tHf.encode(l).ids; } catch { failed++; continue; }
    bytes += Buffer.byteLength(l); nHf += ids.length; nTl += tTl.encode(l).ids.length;
  }
  console.log(row([s, (shared / (a.size + b.size - shared)).toFixed(3), `${shared} / ${a.size} HF, ${b.size} tokenlab`, bytes, (bytes / nHf).toFixed(3), (bytes / nTl).toFixed(3), failed]));
}
