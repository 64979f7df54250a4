/**
 * TemplateProcessing: the output is laid out by a template of pieces — `$A`/`$B` (the input
 * sequences, with a type id) and special tokens (each possibly several ids) — one template for a
 * single sequence, one for a pair (HF `TemplateProcessing`). Validated on load: every special token
 * a template uses must be defined, and the pair template must use both A and B.
 */
import {
  asArray, asObject, asString, asUint, fail, optField, reqField, sub, type JsonObject,
} from '../formats/hf-json/json-read.js';
import { BaseProcessor } from './processor-base.js';
import { setSequenceId, specialEncoding, cloneEncoding, type HfEncoding } from './hf-encoding.js';

export type Piece = { kind: 'Sequence'; id: 'A' | 'B'; typeId: number } | { kind: 'SpecialToken'; id: string; typeId: number };
export interface SpecialTokenDef { id: string; ids: number[]; tokens: string[] }

export class TemplateProcessor extends BaseProcessor {
  readonly type = 'TemplateProcessing';
  private readonly addedSingle: number;
  private readonly addedPair: number;

  constructor(readonly single: Piece[], readonly pair: Piece[], readonly specialTokens: Map<string, SpecialTokenDef>, path = 'post_processor') {
    super();
    const count = (t: Piece[], which: string): number => t.reduce((n, p) => {
      if (p.kind === 'Sequence') return n;
      const def = specialTokens.get(p.id);
      if (def === undefined) fail(sub(path, which), `missing SpecialToken with id ${JSON.stringify(p.id)} in special_tokens`);
      return n + def.ids.length;
    }, 0);
    this.addedSingle = count(single, 'single');
    this.addedPair = count(pair, 'pair');
    const uses = (id: string): boolean => pair.some((p) => p.kind === 'Sequence' && p.id === id);
    if (!(uses('A') && uses('B'))) fail(sub(path, 'pair'), 'Template for `pair` must use both sequences');
  }

  static fromJSON(json: JsonObject, path: string): TemplateProcessor {
    const specials = new Map<string, SpecialTokenDef>();
    const sp = sub(path, 'special_tokens');
    const st = optField(json, 'special_tokens', path, asObject, {});
    for (const [key, v] of Object.entries(st)) {
      const p = sub(sp, key);
      const o = asObject(v, p);
      const ids = reqField(o, 'ids', p, asArray).map((x, i) => asUint(x, sub(sub(p, 'ids'), i)));
      const tokens = reqField(o, 'tokens', p, asArray).map((x, i) => asString(x, sub(sub(p, 'tokens'), i)));
      if (ids.length !== tokens.length) fail(p, 'ids and tokens must have the same length');
      specials.set(key, { id: reqField(o, 'id', p, asString), ids, tokens });
    }
    const single = readTemplate(json['single'], sub(path, 'single'));
    const pair = readTemplate(json['pair'], sub(path, 'pair'));
    return new TemplateProcessor(single, pair, specials, path);
  }

  addedTokens(isPair: boolean): number { return isPair ? this.addedPair : this.addedSingle; }

  processEncodings(encodings: HfEncoding[], addSpecialTokens: boolean): HfEncoding[] {
    const template = encodings.length === 2 ? this.pair : this.single;
    const out: HfEncoding[] = [];
    for (const p of template) {
      if (p.kind === 'Sequence') {
        const i = p.id === 'A' ? 0 : 1;
        const e = encodings[i];
        if (e === undefined) throw new RangeError(`template uses $${p.id} but only ${encodings.length} sequence(s) were given`);
        e.typeIds = new Array(e.ids.length).fill(p.typeId);
        setSequenceId(e, i);
        out.push(cloneEncoding(e));
      } else if (addSpecialTokens) {
        const def = this.specialTokens.get(p.id)!;
        out.push(specialEncoding(def.ids, def.tokens, p.typeId));
      }
    }
    return out;
  }

  toJSON(): JsonObject {
    const piece = (p: Piece): JsonObject => (p.kind === 'Sequence'
      ? { Sequence: { id: p.id, type_id: p.typeId } }
      : { SpecialToken: { id: p.id, type_id: p.typeId } });
    const specials: JsonObject = {};
    for (const [k, d] of [...this.specialTokens].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
      specials[k] = { id: d.id, ids: [...d.ids], tokens: [...d.tokens] };
    }
    return { type: 'TemplateProcessing', single: this.single.map(piece), pair: this.pair.map(piece), special_tokens: specials };
  }
}

function readTemplate(v: unknown, path: string): Piece[] {
  if (v === undefined) fail(path, 'missing required field');
  return asArray(v, path).map((x, i): Piece => {
    const p = sub(path, i);
    const o = asObject(x, p);
    if ('Sequence' in o) {
      const s = asObject(o['Sequence'], sub(p, 'Sequence'));
      const id = reqField(s, 'id', sub(p, 'Sequence'), asString);
      if (id !== 'A' && id !== 'B') fail(sub(sub(p, 'Sequence'), 'id'), `expected "A" or "B", got ${JSON.stringify(id)}`);
      return { kind: 'Sequence', id, typeId: optField(s, 'type_id', sub(p, 'Sequence'), asUint, 0) };
    }
    if ('SpecialToken' in o) {
      const s = asObject(o['SpecialToken'], sub(p, 'SpecialToken'));
      return { kind: 'SpecialToken', id: reqField(s, 'id', sub(p, 'SpecialToken'), asString), typeId: optField(s, 'type_id', sub(p, 'SpecialToken'), asUint, 0) };
    }
    fail(p, 'expected {"Sequence": …} or {"SpecialToken": …}');
  });
}
