/**
 * What mixture inference needs from a Hugging Face tokenizer.json: the BPE merge list (model.merges,
 * as "a b" strings or [a, b] pairs, in byte-level alphabet) turned into bytes, and the pre-tokenizer
 * as a SplitterSpec. Only byte-level BPE is supported (GPT-2, Llama-3, Qwen, HF ByteLevel trainers):
 * a ByteLevel pre-tokenizer or decoder must be present. Supported pre-tokenizers: ByteLevel
 * (use_regex → the GPT-2 pattern; add_prefix_space), Split (Regex or String pattern, behavior
 * Isolated, invert false), Digits, Sequence of these. A normalizer must be absent/null: replay would
 * otherwise count text the tokenizer never sees. Errors name the JSON path.
 * `model.ignore_merges` (Llama-3) changes encoding, not the training order of merges: ignored.
 * When the listed order cannot be a training order (see `order`), merges are derived from the
 * vocabulary ids read as ranks instead, as for tiktoken encodings.
 */
import { TokenlabError } from '../../core/errors.js';
import { CHAR_TO_BYTE } from '../../pretokenize/byte-level-alphabet.js';
import { GPT2_PATTERN } from '../../pretokenize/byte-level.js';
import { ByteVocab } from '../../model/bpe/byte-vocab.js';
import { mergeListFromByteMerges, type MergeList } from './merge-list.js';
import { mergesFromRanks } from './merges-from-ranks.js';
import type { SplitStage, SplitterSpec } from './piece-splitter.js';

type Json = Record<string, unknown>;

export interface TokenizerJsonMerges {
  merges: MergeList;
  splitter: SplitterSpec;
  /**
   * 'listed': model.merges in file order. 'ranks': derived from the vocabulary ids taken as ranks
   * (merges-from-ranks.ts), used when the listed order cannot be a training order — a merge uses a
   * token made by a later merge, or several merges make one token (tiktoken conversions such as
   * Llama-3 list every split of every token, sorted by the token's rank).
   */
  order: 'listed' | 'ranks';
  /** Listed merges that were not used (duplicates of a token, in 'ranks' order: all but one per token). */
  redundant: number;
}

function isObj(x: unknown): x is Json {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function toBytes(token: string, path: string, file?: string): string {
  let out = '';
  for (const ch of token) {
    const b = CHAR_TO_BYTE.get(ch);
    if (b === undefined) throw new TokenlabError(`character ${JSON.stringify(ch)} is not in the byte-level alphabet (not a byte-level BPE merge)`, { path, ...(file ? { file } : {}) });
    out += String.fromCharCode(b);
  }
  return out;
}

function escapeRegex(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

function hasByteLevel(x: unknown): boolean {
  if (!isObj(x)) return false;
  if (x['type'] === 'ByteLevel') return true;
  const list = x['pretokenizers'] ?? x['decoders'];
  return Array.isArray(list) && list.some(hasByteLevel);
}

function collectStages(node: unknown, path: string, spec: SplitterSpec, file?: string): void {
  if (node === null || node === undefined) return;
  const where = { path, ...(file ? { file } : {}) };
  if (!isObj(node)) throw new TokenlabError('pre-tokenizer must be an object', where);
  switch (node['type']) {
    case 'Sequence': {
      const list = node['pretokenizers'];
      if (!Array.isArray(list)) throw new TokenlabError('Sequence needs a pretokenizers array', { ...where, path: `${path}.pretokenizers` });
      list.forEach((p, i) => collectStages(p, `${path}.pretokenizers[${i}]`, spec, file));
      return;
    }
    case 'ByteLevel':
      if (node['add_prefix_space'] === true) {
        if (spec.stages.length > 0) throw new TokenlabError('ByteLevel add_prefix_space after another split is not supported', where);
        spec.prefixSpace = true;
      }
      if (node['use_regex'] !== false) spec.stages.push({ type: 'regex', pattern: GPT2_PATTERN });
      return;
    case 'Digits':
      spec.stages.push({ type: 'digits', individual: node['individual_digits'] === true });
      return;
    case 'Split': {
      const pat = node['pattern'];
      let stage: SplitStage;
      if (isObj(pat) && typeof pat['Regex'] === 'string') stage = { type: 'regex', pattern: pat['Regex'] };
      else if (isObj(pat) && typeof pat['String'] === 'string') stage = { type: 'regex', pattern: escapeRegex(pat['String']) };
      else throw new TokenlabError('Split needs pattern {Regex} or {String}', { ...where, path: `${path}.pattern` });
      if (node['behavior'] !== 'Isolated') throw new TokenlabError(`Split behavior ${JSON.stringify(node['behavior'])} is not supported (only Isolated)`, { ...where, path: `${path}.behavior` });
      if (node['invert'] === true) throw new TokenlabError('Split invert: true is not supported', { ...where, path: `${path}.invert` });
      spec.stages.push(stage);
      return;
    }
    default:
      throw new TokenlabError(`pre-tokenizer type ${JSON.stringify(node['type'])} is not supported by mixture inference (ByteLevel, Split, Digits, Sequence)`, { ...where, path: `${path}.type` });
  }
}

export function mergesFromTokenizerJson(json: unknown, file?: string): TokenizerJsonMerges {
  const loc = (path: string) => ({ path, ...(file ? { file } : {}) });
  if (!isObj(json)) throw new TokenlabError('tokenizer.json must be a JSON object', loc('$'));
  const model = json['model'];
  if (!isObj(model)) throw new TokenlabError('missing model object', loc('model'));
  if (model['type'] !== undefined && model['type'] !== 'BPE') throw new TokenlabError(`model type ${JSON.stringify(model['type'])} has no merge list (BPE only)`, loc('model.type'));
  const raw = model['merges'];
  if (!Array.isArray(raw)) throw new TokenlabError('BPE model has no merges array', loc('model.merges'));
  if (!hasByteLevel(json['pre_tokenizer']) && !hasByteLevel(json['decoder'])) {
    throw new TokenlabError('not a byte-level BPE (no ByteLevel pre-tokenizer or decoder): mixture inference needs byte-level merges', loc('pre_tokenizer'));
  }
  if (json['normalizer'] !== null && json['normalizer'] !== undefined) {
    throw new TokenlabError('a normalizer is not supported by mixture inference (samples would be counted unnormalized)', loc('normalizer'));
  }
  const pairs: [string, string][] = raw.map((m: unknown, i: number) => {
    const path = `model.merges[${i}]`;
    let a: unknown;
    let b: unknown;
    if (typeof m === 'string') {
      const sp = m.indexOf(' ');
      if (sp <= 0 || sp === m.length - 1 || m.indexOf(' ', sp + 1) >= 0) throw new TokenlabError(`merge ${JSON.stringify(m)} is not "left right"`, loc(path));
      a = m.slice(0, sp);
      b = m.slice(sp + 1);
    } else if (Array.isArray(m) && m.length === 2) [a, b] = m;
    if (typeof a !== 'string' || typeof b !== 'string' || a === '' || b === '') throw new TokenlabError('merge must be "a b" or ["a", "b"]', loc(path));
    return [toBytes(a, path, file), toBytes(b, path, file)];
  });
  const spec: SplitterSpec = { stages: [] };
  collectStages(json['pre_tokenizer'], 'pre_tokenizer', spec, file);
  if (listedOrderIsTrainingOrder(pairs)) {
    return { merges: mergeListFromByteMerges(pairs, (t) => `model.merges[${t}]`), splitter: spec, order: 'listed', redundant: 0 };
  }
  const vocab = byteVocabFromJson(model['vocab'], file);
  const { merges } = mergesFromRanks(vocab);
  return { merges, splitter: spec, order: 'ranks', redundant: pairs.length - merges.length };
}

/** True when every merge's sides already exist (bytes or earlier results) and no two merges make one token. */
function listedOrderIsTrainingOrder(pairs: readonly (readonly [string, string])[]): boolean {
  const have = new Set<string>();
  for (let b = 0; b < 256; b++) have.add(String.fromCharCode(b));
  for (const [a, b] of pairs) {
    if (!have.has(a) || !have.has(b) || have.has(a + b)) return false;
    have.add(a + b);
  }
  return true;
}

/** model.vocab (byte-level token string -> id) as a ByteVocab indexed by id (ids read as ranks). */
function byteVocabFromJson(vocab: unknown, file?: string): ByteVocab {
  const loc = { path: 'model.vocab', ...(file ? { file } : {}) };
  if (!isObj(vocab)) throw new TokenlabError('BPE model has no vocab object', loc);
  const byId: string[] = [];
  for (const [tok, id] of Object.entries(vocab)) {
    if (typeof id !== 'number' || !Number.isInteger(id) || id < 0) throw new TokenlabError(`id of ${JSON.stringify(tok)} is not a non-negative integer`, loc);
    byId[id] = toBytes(tok, `model.vocab[${JSON.stringify(tok)}]`, file);
  }
  const starts = new Uint32Array(byId.length + 1);
  for (let i = 0; i < byId.length; i++) starts[i + 1] = starts[i]! + (byId[i]?.length ?? 0);
  const bytes = new Uint8Array(starts[byId.length]!);
  byId.forEach((s, i) => {
    for (let k = 0; k < s.length; k++) bytes[starts[i]! + k] = s.charCodeAt(k);
  });
  return new ByteVocab(bytes, starts);
}
