/**
 * Small WordPiece (BERT-style) and Unigram tokenizers TRAINED with the native HF binding on a
 * generated corpus, then given the parts training does not set (unk token, special tokens, a
 * post-processor, a decoder, added tokens with single_word / lstrip / rstrip / normalized flags),
 * so the parity tests cover the models and components the fixtures do not.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { native } from './native.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const WORDS = [
  'the', 'quick', 'brown', 'fox', 'jumps', 'over', 'lazy', 'dog', "isn't", 'running', 'runner', 'unbelievable',
  'tokenization', 'token', 'über', 'café', 'naïve', 'Ångström', 'straße', 'привет', 'мир', '日本', '語', 'テスト',
  'مرحبا', 'γειά', 'σου', 'hello', 'world', '2024', '3.14', 'e-mail', 'x_y', '(note)', 'end.', 'why?', 'wow!',
];

/** A deterministic corpus (linear congruential choice of words). */
function corpus(lines: number): string {
  let seed = 12345;
  const next = (): number => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed; };
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    const n = 4 + (next() % 10);
    const ws: string[] = [];
    for (let k = 0; k < n; k++) ws.push(WORDS[next() % WORDS.length]!);
    out.push(ws.join(' '));
  }
  return out.join('\n');
}

function train(model: unknown, setup: (t: Record<string, (...a: unknown[]) => unknown>) => void): Json {
  const dir = mkdtempSync(join(tmpdir(), 'tokenlab-hf-'));
  try {
    const file = join(dir, 'corpus.txt');
    writeFileSync(file, corpus(3000));
    const t = new native.Tokenizer(model) as unknown as Record<string, (...a: unknown[]) => unknown>;
    setup(t);
    t['train']!([file]);
    t['save']!(join(dir, 'tok.json'));
    return JSON.parse(readFileSync(join(dir, 'tok.json'), 'utf8')) as Json;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const fn = (name: string): ((...a: unknown[]) => unknown) => native[name] as (...a: unknown[]) => unknown;

function added(id: number, content: string, special: boolean, flags: Partial<Record<'single_word' | 'lstrip' | 'rstrip' | 'normalized', boolean>> = {}): Json {
  return { id, content, single_word: false, lstrip: false, rstrip: false, normalized: !special, special, ...flags };
}

/** BERT-style: BertNormalizer + BertPreTokenizer + WordPiece + BertProcessing + WordPiece decoder. */
export function trainedWordPiece(): Json {
  const j = train((native['WordPiece'] as { empty(): unknown }).empty(), (t) => {
    t['setNormalizer']!(fn('bertNormalizer')());
    t['setPreTokenizer']!(fn('bertPreTokenizer')());
  });
  const vocab = j['model']['vocab'] as Record<string, number>;
  let next = Object.keys(vocab).length;
  const specials = ['[UNK]', '[CLS]', '[SEP]', '[PAD]', '[MASK]'];
  const ids: Record<string, number> = {};
  for (const s of specials) { ids[s] = next; vocab[s] = next++; }
  j['added_tokens'] = [
    ...specials.map((s) => added(ids[s]!, s, true, s === '[MASK]' ? { lstrip: true, rstrip: true } : {})),
    added(next++, 'brownfox', false, { single_word: true }),
    added(next++, 'Hello', false, { normalized: true }),
  ];
  j['post_processor'] = { type: 'BertProcessing', sep: ['[SEP]', ids['[SEP]']], cls: ['[CLS]', ids['[CLS]']] };
  j['decoder'] = { type: 'WordPiece', prefix: '##', cleanup: true };
  return j;
}

/** SentencePiece-style: NFKC + Metaspace + Unigram (with byte fallback) + template + decoder chain. */
export function trainedUnigram(): Json {
  const j = train((native['Unigram'] as { empty(): unknown }).empty(), (t) => {
    t['setNormalizer']!(fn('nfkcNormalizer')());
    t['setPreTokenizer']!(fn('metaspacePreTokenizer')());
  });
  const vocab = j['model']['vocab'] as [string, number][];
  const first = vocab.length;
  vocab.push(['<unk>', 0], ['<s>', 0], ['</s>', 0]);
  for (let b = 0; b < 256; b++) vocab.push([`<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`, -20]);
  j['model']['unk_id'] = first;
  j['model']['byte_fallback'] = true;
  j['added_tokens'] = [
    added(first, '<unk>', true), added(first + 1, '<s>', true), added(first + 2, '</s>', true),
    added(vocab.length, '<sep>', true, { rstrip: true }),
    added(vocab.length + 1, 'lazy dog', false, { normalized: true, lstrip: true }),
  ];
  j['post_processor'] = {
    type: 'TemplateProcessing',
    single: [{ SpecialToken: { id: '<s>', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '</s>', type_id: 0 } }],
    pair: [
      { SpecialToken: { id: '<s>', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '</s>', type_id: 0 } },
      { Sequence: { id: 'B', type_id: 1 } }, { SpecialToken: { id: '</s>', type_id: 1 } },
    ],
    special_tokens: {
      '<s>': { id: '<s>', ids: [first + 1], tokens: ['<s>'] },
      '</s>': { id: '</s>', ids: [first + 2], tokens: ['</s>'] },
    },
  };
  j['decoder'] = { type: 'Sequence', decoders: [{ type: 'ByteFallback' }, { type: 'Metaspace', replacement: '▁', prepend_scheme: 'always', split: true }] };
  return j;
}

/** GPT-2 style: ByteLevel pre-tokenizer (add_prefix_space) + BPE trained without an unk token. */
export function trainedByteLevelBpe(): Json {
  const j = train((native['BPE'] as { empty(): unknown }).empty(), (t) => {
    t['setPreTokenizer']!(fn('byteLevelPreTokenizer')(true, true));
  });
  const vocab = j['model']['vocab'] as Record<string, number>;
  const next = Object.keys(vocab).length;
  j['added_tokens'] = [added(next, '<|endoftext|>', true), added(next + 1, '<mask>', true, { lstrip: true })];
  j['decoder'] = { type: 'ByteLevel', add_prefix_space: true, trim_offsets: true, use_regex: true };
  return j;
}
