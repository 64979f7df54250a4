/**
 * The playground's shareable state and its URL form (the part after '#', so nothing reaches a server):
 *
 *     #t=cl100k_base,o200k_base,hf:llama3&v=diff&d=0,2&ws=1&sp=1&bos=1&l=eng,fra,hin&rel=1&x=<text>
 *
 * `x` is the text: `z` + base64url of deflate-raw when the browser has CompressionStream (much
 * shorter for long texts), else `u` + the percent-encoded text. Tokenizers dropped in from a file are
 * kept as `file:<name>`; their contents are not in the URL, so the page asks for the file again.
 */
export type View = 'tokens' | 'diff' | 'languages';

export interface PlaygroundState {
  text: string;
  tokenizers: string[];
  view: View;
  /** Indices into `tokenizers` of the two sides of the diff view. */
  diff: [number, number];
  showWhitespace: boolean;
  /** tiktoken: recognise special-token text such as <|endoftext|> (else it is encoded as text). */
  allowSpecial: boolean;
  /** tokenizer.json: let the post-processor add BOS/EOS and friends. */
  addSpecial: boolean;
  languages: string[];
  /** Language chart relative to English (eng) instead of absolute token counts. */
  relative: boolean;
}

const VIEWS: readonly View[] = ['tokens', 'diff', 'languages'];

export function stateToParams(s: PlaygroundState, encodedText: string): string {
  const p = new URLSearchParams();
  p.set('t', s.tokenizers.join(','));
  p.set('v', s.view);
  p.set('d', s.diff.join(','));
  p.set('ws', s.showWhitespace ? '1' : '0');
  p.set('sp', s.allowSpecial ? '1' : '0');
  p.set('bos', s.addSpecial ? '1' : '0');
  p.set('l', s.languages.join(','));
  p.set('rel', s.relative ? '1' : '0');
  p.set('x', encodedText);
  return p.toString();
}

/** Reads what the hash has, keeping `defaults` for anything missing or malformed; `x` is returned raw. */
export function paramsToState(hash: string, defaults: PlaygroundState): { state: PlaygroundState; encodedText: string | null } {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const list = (k: string, d: string[]) => (p.has(k) ? p.get(k)!.split(',').filter((x) => x !== '') : d);
  const flag = (k: string, d: boolean) => (p.has(k) ? p.get(k) === '1' : d);
  const view = p.get('v') as View | null;
  const diff = (p.get('d') ?? '').split(',').map(Number);
  const state: PlaygroundState = {
    text: defaults.text,
    tokenizers: list('t', defaults.tokenizers),
    view: view !== null && VIEWS.includes(view) ? view : defaults.view,
    diff: diff.length === 2 && diff.every((n) => Number.isInteger(n) && n >= 0) ? [diff[0]!, diff[1]!] : defaults.diff,
    showWhitespace: flag('ws', defaults.showWhitespace),
    allowSpecial: flag('sp', defaults.allowSpecial),
    addSpecial: flag('bos', defaults.addSpecial),
    languages: list('l', defaults.languages),
    relative: flag('rel', defaults.relative),
  };
  return { state, encodedText: p.get('x') };
}

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): Uint8Array {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

async function pipeThrough(bytes: Uint8Array, stream: GenericTransformStream): Promise<Uint8Array> {
  const res = new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(stream));
  return new Uint8Array(await res.arrayBuffer());
}

export async function encodeText(text: string): Promise<string> {
  if (typeof CompressionStream === 'undefined') return 'u' + encodeURIComponent(text);
  return 'z' + toBase64Url(await pipeThrough(new TextEncoder().encode(text), new CompressionStream('deflate-raw')));
}

/** The text from its URL form; throws on a malformed value (the caller keeps its default text). */
export async function decodeText(encoded: string): Promise<string> {
  if (encoded.startsWith('u')) return decodeURIComponent(encoded.slice(1));
  if (encoded.startsWith('z')) {
    return new TextDecoder().decode(await pipeThrough(fromBase64Url(encoded.slice(1)), new DecompressionStream('deflate-raw')));
  }
  throw new Error(`unknown text encoding ${JSON.stringify(encoded.slice(0, 1))} in the URL`);
}
