/**
 * The `Metaspace` pre-tokenizer (SentencePiece style): replaces ' ' by `replacement`, prepends it
 * (prepend_scheme: always = every split not starting with it; first = only the split at input
 * offset 0; never), then, if `split`, splits before each replacement char (MergedWithNext).
 * Legacy `add_prefix_space` / `str_rep` fields are accepted on input as HF does.
 */
import { TokenlabError } from '../core/errors.js';
import type { PreTokenizedText, PreTokenizer } from '../core/stages.js';
import { readBool, readChar, readEnum, readObject, readOptionalBool, readString } from '../normalize/json-fields.js';
import { charPattern } from '../normalize/pattern.js';
import { asPreTokenized, type PreTokenizerComponent } from './component.js';

export type PrependScheme = 'always' | 'first' | 'never';
const SCHEMES: readonly PrependScheme[] = ['always', 'first', 'never'];
const SPACE = charPattern(' ');

export class MetaspacePreTokenizer implements PreTokenizer {
  readonly type = 'Metaspace';
  constructor(readonly replacement = '\u2581', readonly prependScheme: PrependScheme = 'always', readonly split = true) {}

  preTokenize(text: PreTokenizedText): void {
    const rep = this.replacement;
    const repPattern = charPattern(rep);
    asPreTokenized(text).split((_, ns) => {
      ns.replace(SPACE, rep);
      if (this.prependScheme === 'always' || (this.prependScheme === 'first' && ns.shift === 0)) {
        if (!ns.normalized.startsWith(rep)) ns.prepend(rep);
      }
      return this.split ? ns.split(repPattern, 'MergedWithNext') : [ns];
    });
  }

  toJSON(): Record<string, unknown> {
    return { type: this.type, replacement: this.replacement, prepend_scheme: this.prependScheme, split: this.split };
  }
}

export const metaspacePreTokenizer: PreTokenizerComponent = {
  type: 'Metaspace',
  fromJSON(json, path) {
    const o = readObject(json, path, ['replacement', 'prepend_scheme', 'split', 'add_prefix_space', 'str_rep']);
    const replacement = readChar(o, 'replacement', path);
    if (o['str_rep'] !== undefined) readString(o, 'str_rep', path);
    const legacy = readOptionalBool(o, 'add_prefix_space', path);
    const scheme = readEnum(o, 'prepend_scheme', path, SCHEMES, 'always');
    if (legacy === false && scheme !== 'never') {
      throw new TokenlabError(`add_prefix_space false does not match prepend_scheme "${scheme}"`, { path: `${path}.add_prefix_space` });
    }
    return new MetaspacePreTokenizer(replacement, scheme, readBool(o, 'split', path, true));
  },
};
