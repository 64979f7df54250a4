/**
 * The playground's worker: holds the loaded tokenizers and tokenizes for the page, so a long input
 * never blocks typing. Each tokenizer of an encode request runs in its own task; before each, the
 * worker yields so a newer request (queued meanwhile) can supersede this one, whose remaining work is
 * then dropped. Count requests (language view) are never dropped: each answers a different question.
 */
import type { FromWorker, ToWorker } from './protocol.js';
import { hfTokenizer, loadTiktoken, type LoadedTokenizer } from './loaded-tokenizer.js';
import type { TokenRun } from '../model/token-run.js';

const scope = self as unknown as { postMessage(m: FromWorker, transfer?: Transferable[]): void; onmessage: ((e: MessageEvent<ToWorker>) => void) | null };
const tokenizers = new Map<string, Promise<LoadedTokenizer>>();
let latestEncode = 0;

const post = (m: FromWorker, transfer: Transferable[] = []) => scope.postMessage(m, transfer);
const nextTask = () => new Promise<void>((r) => setTimeout(r, 0));
const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

function register(key: string, load: () => Promise<LoadedTokenizer>): void {
  const t0 = performance.now();
  const p = load();
  tokenizers.set(key, p);
  p.then(
    (t) => post({ type: 'loaded', info: { key, vocabSize: t.vocabSize, loadMs: performance.now() - t0 } }),
    (e) => { tokenizers.delete(key); post({ type: 'load-error', key, message: messageOf(e) }); },
  );
}

function transferables(run: TokenRun): Transferable[] {
  return [run.ids.buffer, run.starts.buffer, run.ends.buffer, run.special.buffer];
}

async function encodeAll(m: Extract<ToWorker, { type: 'encode' }>): Promise<void> {
  for (const key of m.keys) {
    await nextTask();
    if (m.seq !== latestEncode) return;
    const p = tokenizers.get(key);
    if (!p) continue;
    let tok: LoadedTokenizer;
    try { tok = await p; } catch { continue; }
    if (m.seq !== latestEncode) return;
    try {
      const t0 = performance.now();
      const { run, chunksEncoded } = tok.encode(m.text, m.options);
      post({ type: 'encoded', seq: m.seq, key, run, ms: performance.now() - t0, chunksEncoded }, transferables(run));
    } catch (e) {
      post({ type: 'encode-error', seq: m.seq, key, message: messageOf(e) });
    }
  }
}

async function countAll(m: Extract<ToWorker, { type: 'count' }>): Promise<void> {
  for (const key of m.keys) {
    await nextTask();
    const p = tokenizers.get(key);
    if (!p) continue;
    let tok: LoadedTokenizer;
    try { tok = await p; } catch { continue; }
    const t0 = performance.now();
    const counts = m.texts.map((t) => tok.count(t));
    post({ type: 'counted', seq: m.seq, key, counts, ms: performance.now() - t0 });
  }
}

scope.onmessage = (e) => {
  const m = e.data;
  switch (m.type) {
    case 'load':
      if (tokenizers.has(m.key)) return;
      if (m.source.kind === 'tiktoken') {
        const name = m.source.name;
        register(m.key, () => loadTiktoken(name, m.base));
      } else {
        const url = new URL(m.source.url, m.base);
        register(m.key, async () => {
          const res = await fetch(url);
          if (!res.ok) throw new Error(`${url.pathname}: HTTP ${res.status}`);
          return hfTokenizer(await res.json());
        });
      }
      return;
    case 'load-json':
      register(m.key, async () => {
        let json: unknown;
        try { json = JSON.parse(m.json); } catch (err) { throw new Error(`${m.fileName}: not valid JSON (${messageOf(err)})`); }
        try { return hfTokenizer(json); } catch (err) { throw new Error(`${m.fileName}: ${messageOf(err)}`); }
      });
      return;
    case 'encode':
      latestEncode = m.seq;
      void encodeAll(m);
      return;
    case 'count':
      void countAll(m);
      return;
  }
};
