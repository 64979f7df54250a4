/**
 * Test helper: pulls `normalizer_spec.precompiled_charsmap` out of a SentencePiece .model file
 * (protobuf ModelProto field 3 = NormalizerSpec, whose field 2 = precompiled_charsmap bytes), and
 * trains throwaway models with Debian's `spm_train` when it is installed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function varint(b: Uint8Array, pos: number): [number, number] {
  let v = 0;
  let mul = 1;
  for (;;) {
    const x = b[pos++]!;
    v += (x & 0x7f) * mul;
    if (x < 0x80) return [v, pos];
    mul *= 128;
  }
}

/** Fields of one protobuf message: field number -> list of length-delimited payloads. */
function fields(b: Uint8Array): Map<number, Uint8Array[]> {
  const out = new Map<number, Uint8Array[]>();
  let pos = 0;
  while (pos < b.length) {
    const [key, p1] = varint(b, pos);
    pos = p1;
    const field = Math.floor(key / 8);
    const wire = key & 7;
    if (wire === 0) pos = varint(b, pos)[1];
    else if (wire === 1) pos += 8;
    else if (wire === 5) pos += 4;
    else if (wire === 2) {
      const [len, p2] = varint(b, pos);
      const payload = b.subarray(p2, p2 + len);
      pos = p2 + len;
      if (!out.has(field)) out.set(field, []);
      out.get(field)!.push(payload);
    } else throw new Error(`unsupported wire type ${wire}`);
  }
  return out;
}

export function charsmapFromModel(model: Uint8Array): Uint8Array {
  const spec = fields(model).get(3)?.[0];
  if (!spec) throw new Error('model has no normalizer_spec');
  const map = fields(spec).get(2)?.[0];
  if (!map) throw new Error('normalizer_spec has no precompiled_charsmap');
  return map;
}

/** Trains a tiny char model with `rule` and returns its charsmap, or undefined without spm_train. */
export function trainCharsmap(rule: string): Uint8Array | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'tokenlab-spm-'));
  const corpus = join(dir, 'corpus.txt');
  writeFileSync(corpus, Array.from({ length: 50 }, (_, i) => `The quick brown fox ${i} jumps. café ﬁ`).join('\n'));
  try {
    execFileSync('spm_train', [`--input=${corpus}`, `--model_prefix=${join(dir, 'm')}`, '--vocab_size=40', '--model_type=char', `--normalization_rule_name=${rule}`, '--minloglevel=2'], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  return charsmapFromModel(readFileSync(join(dir, 'm.model')));
}
