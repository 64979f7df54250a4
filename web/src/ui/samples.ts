/** Texts the playground starts with or offers as one-click samples. */
export const DEFAULT_TEXT = [
  'Tokenizers cut text into pieces; each piece has an id. Hover a token to see it.',
  '\tTabs,  double  spaces and trailing spaces   are shown when "whitespace" is on.',
  'Unicode: naïve café, Größe, 東京都, हिन्दी, العربية, emoji 🎉👩‍💻',
  'Code: for (let i = 0; i < 10; i++) { total += price[i] * 1.2345; }',
  '<|endoftext|>',
].join('\n');

/** About `bytes` UTF-8 bytes of multilingual UDHR text, for trying long inputs. */
export function longSample(texts: string[], bytes = 100_000): string {
  const enc = new TextEncoder();
  let out = '';
  let size = 0;
  for (let i = 0; size < bytes && texts.length > 0; i++) {
    const t = texts[i % texts.length]! + '\n\n';
    out += t;
    size += enc.encode(t).length;
  }
  return out;
}
