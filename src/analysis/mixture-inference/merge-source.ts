/**
 * Where a merge list comes from: a tokenizer.json file (model.merges + its pre-tokenizer) or a named
 * tiktoken encoding (merges derived from ranks, merges-from-ranks.ts, + the encoding's split regex).
 */
import { readFileSync } from 'node:fs';
import { TokenlabError } from '../../core/errors.js';
import { getEncoding } from '../../formats/tiktoken/node-loader.js';
import type { MergeList } from './merge-list.js';
import { mergesFromRanks } from './merges-from-ranks.js';
import type { SplitterSpec } from './piece-splitter.js';
import { mergesFromTokenizerJson } from './tokenizer-json.js';

export interface MergeSource {
  name: string;
  merges: MergeList;
  splitter: SplitterSpec;
  /** Tokens of a tiktoken vocabulary that no two-part split produces (skipped). */
  unreachable: number;
  /** How the merge order was obtained, for the progress log. */
  note: string;
}

export function loadTokenizerJsonMerges(file: string): MergeSource {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new TokenlabError(`cannot read tokenizer file (${(e as Error).message})`, { file });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new TokenlabError(`not valid JSON (${(e as Error).message})`, { file });
  }
  const { merges, splitter, order, redundant } = mergesFromTokenizerJson(json, file);
  const note = order === 'listed' ? 'merges in listed order' : `listed merges are not a training order (${redundant} redundant): derived from vocab ids as ranks`;
  return { name: file, merges, splitter, unreachable: 0, note };
}

export function loadEncodingMerges(name: string): MergeSource {
  const enc = getEncoding(name);
  const { merges, unreachable } = mergesFromRanks(enc.vocab);
  return { name, merges, splitter: { stages: [{ type: 'regex', pattern: enc.pattern }] }, unreachable: unreachable.length, note: 'merges derived from ranks' };
}
