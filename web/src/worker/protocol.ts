/**
 * Messages between the page and the tokenizing worker. The page never tokenizes itself: long inputs
 * would freeze typing. Encode requests carry a sequence number; the worker drops work for a request
 * as soon as a newer one has arrived, and answers per tokenizer so fast ones show first.
 */
import type { TokenizerSource } from '../catalog.js';
import type { TokenRun } from '../model/token-run.js';

export interface EncodeOptions {
  allowSpecial: boolean;
  addSpecial: boolean;
}

export type ToWorker =
  | { type: 'load'; key: string; source: TokenizerSource; base: string }
  | { type: 'load-json'; key: string; json: string; fileName: string }
  | { type: 'encode'; seq: number; text: string; keys: string[]; options: EncodeOptions }
  | { type: 'count'; seq: number; keys: string[]; texts: string[] };

export interface LoadedInfo {
  key: string;
  /** Number of ids (ordinary and special). */
  vocabSize: number;
  loadMs: number;
}

export type FromWorker =
  | { type: 'loaded'; info: LoadedInfo }
  | { type: 'load-error'; key: string; message: string }
  | { type: 'encoded'; seq: number; key: string; run: TokenRun; ms: number; chunksEncoded: number | null }
  | { type: 'encode-error'; seq: number; key: string; message: string }
  | { type: 'counted'; seq: number; key: string; counts: number[]; ms: number };
