/**
 * Spec §5.2 step 4: ids back to text. A root/suffix id becomes the allomorph the language's
 * realizer picks from the text decoded so far and the next id; `<uppercase>` uppercases the next
 * character (which may arrive as several byte pieces); `<pad>`/`<eos>` produce nothing and
 * `<unknown>` (never emitted by the encoder) produces U+FFFD. Invalid byte sequences from arbitrary
 * ids become U+FFFD rather than throwing.
 */
import { TokenlabError } from '../../../core/errors.js';
import { CONTEXT_CHARS, type MorphLanguage } from './morph-language.js';
import { UNKNOWN_ID, UPPERCASE_ID, type HybridVocab } from './hybrid-vocab.js';

const utf8 = new TextEncoder();

export function decodeHybrid(v: HybridVocab, lang: MorphLanguage, ids: readonly number[]): string {
  const stream = new TextDecoder('utf-8', { ignoreBOM: true });
  let out = '';
  let upperPending = false;
  const emit = (bytes: Uint8Array): void => {
    let s = stream.decode(bytes, { stream: true });
    if (upperPending && s !== '') {
      const first = String.fromCodePoint(s.codePointAt(0)!);
      s = lang.toUpper(first) + s.slice(first.length);
      upperPending = false;
    }
    out += s;
  };
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    const kind = v.kind(id);
    if (kind === undefined) throw new TokenlabError(`morph-hybrid: id ${String(id)} at position ${i} is not in the vocabulary (size ${v.size})`);
    if (kind === 'bpe') emit(v.bpeBytes(id)!);
    else if (kind === 'special') {
      if (id === UPPERCASE_ID) upperPending = true;
      else if (id === UNKNOWN_ID) emit(utf8.encode('\uFFFD'));
      else {
        const t = v.specialText(id);
        if (t !== undefined) emit(utf8.encode(t));
      }
    } else {
      const next = ids[i + 1];
      const surface = lang.realize(v.group(id)!, { before: out.slice(Math.max(0, out.length - CONTEXT_CHARS)), nextVowelInitial: next !== undefined && v.kind(next) !== undefined && v.vowelInitial(next) });
      emit(utf8.encode(surface));
    }
  }
  return out + stream.decode();
}
