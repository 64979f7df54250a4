/**
 * The playground's controller: owns the state, talks to the worker, and redraws the views. It holds
 * no tokenization logic (that is the library's, in the worker). Exposes `window.__playground`
 * (timings and status) for the browser tests and for anyone measuring in the console.
 */
import { DEFAULT_TOKENIZERS, sourceOf, tokenizerLabel } from '../catalog.js';
import { textStats } from '../model/text-stats.js';
import type { FromWorker } from '../worker/protocol.js';
import type { PlaygroundState } from '../model/url-state.js';
import { WorkerClient } from './worker-client.js';
import { h, clear } from './dom.js';
import { countsLine, describeTokens, stillDrawn, tokenSpans, type CardResult, type DrawnPart } from './token-card.js';
import { diffView } from './diff-view.js';
import { LanguageView, type UdhrSample } from './language-view.js';
import { picker } from './picker.js';
import { longSample } from './samples.js';
import { UrlSync } from './url-sync.js';

type Status = { kind: 'loading' } | { kind: 'ready'; vocabSize: number; loadMs: number } | { kind: 'error'; message: string } | { kind: 'needs-file' };

/** One tokenizer's answer to one edit: worker time, input-to-answer time, and drawing time on the page. */
export interface Timing { seq: number; key: string; workerMs: number; roundTripMs: number; renderMs: number; chunksEncoded: number | null; textLength: number }

export class App {
  private readonly worker = new WorkerClient((m) => this.onWorker(m));
  private readonly status = new Map<string, Status>();
  private readonly results = new Map<string, CardResult & { seq: number }>();
  private readonly droppedJson = new Map<string, string>();
  private readonly langCounts = new Map<string, number[]>();
  /** Per card, what its truncated span view shows (see stillDrawn). */
  private readonly drawn = new Map<string, DrawnPart>();
  private readonly sentAt = new Map<number, number>();
  private seq = 0;
  private langData: Promise<UdhrSample> | null = null;
  private langView: LanguageView | null = null;
  readonly timings: Timing[] = [];

  private readonly input = h('textarea', { id: 'input', spellcheck: 'false', 'aria-label': 'text to tokenize', 'data-role': 'input' });
  private readonly pickerBox = h('div');
  private readonly optionsBox = h('div', { class: 'options' });
  private readonly tabs = h('nav', { class: 'tabs' });
  private readonly viewBox = h('main', { class: 'view', 'data-role': 'view' });
  private readonly info = h('div', { class: 'info', 'data-role': 'info' }, 'Hover a token to see its id.');
  private readonly note = h('div', { class: 'note', 'data-role': 'note' });
  private readonly url: UrlSync;

  constructor(private state: PlaygroundState, root: HTMLElement) {
    this.url = new UrlSync(() => this.state, (msg) => { this.note.textContent = msg; });
    this.input.value = state.text;
    this.input.addEventListener('input', () => { this.state.text = this.input.value; this.encode(); this.url.schedule(); });
    const share = h('button', { type: 'button', 'data-role': 'share' }, 'Copy link');
    share.addEventListener('click', () => void this.url.copyLink());
    const long = h('button', { type: 'button' }, 'Long sample (100 KB)');
    long.addEventListener('click', () => void this.loadLongSample());
    this.viewBox.addEventListener('mouseover', (e) => this.onHover(e));
    root.append(
      h('header', {}, h('h1', {}, 'tokenlab playground'), h('span', { class: 'spacer' }), long, share),
      h('section', { class: 'input-box' }, this.input, this.note),
      this.pickerBox, this.optionsBox, this.tabs, this.viewBox, this.info);
    document.addEventListener('dragover', (e) => e.preventDefault());
    document.addEventListener('drop', (e) => { e.preventDefault(); const f = e.dataTransfer?.files?.[0]; if (f) void this.dropFile(f); });
    for (const key of state.tokenizers) this.ensureLoaded(key);
    this.renderControls();
    this.renderView();
    this.encode();
    (window as unknown as { __playground: unknown }).__playground = { timings: this.timings, app: this };
  }

  // ---- tokenizers ----

  private ensureLoaded(key: string): void {
    if (this.status.has(key) && this.status.get(key)!.kind !== 'error') return;
    const source = sourceOf(key);
    if (source) {
      this.status.set(key, { kind: 'loading' });
      this.worker.send({ type: 'load', key, source, base: document.baseURI });
    } else if (this.droppedJson.has(key)) {
      this.status.set(key, { kind: 'loading' });
      this.worker.send({ type: 'load-json', key, json: this.droppedJson.get(key)!, fileName: key.slice(5) });
    } else {
      this.status.set(key, key.startsWith('file:') ? { kind: 'needs-file' } : { kind: 'error', message: `unknown tokenizer ${JSON.stringify(key)}` });
    }
  }

  private toggle(key: string, on: boolean): void {
    const list = this.state.tokenizers.filter((k) => k !== key);
    this.state.tokenizers = on ? [...list, key] : list;
    if (on) this.ensureLoaded(key);
    this.fixDiffSides();
    this.afterChange();
  }

  async dropFile(file: File): Promise<void> {
    const key = `file:${file.name}`;
    this.droppedJson.set(key, await file.text());
    this.status.delete(key);
    this.results.delete(key);
    this.langCounts.delete(key);
    if (!this.state.tokenizers.includes(key)) this.state.tokenizers = [...this.state.tokenizers, key];
    this.ensureLoaded(key);
    this.afterChange();
  }

  private fixDiffSides(): void {
    const n = this.state.tokenizers.length;
    const [a, b] = this.state.diff;
    if (a >= n || b >= n || a === b) this.state.diff = [0, Math.min(1, Math.max(0, n - 1))];
  }

  private afterChange(): void {
    this.renderControls();
    this.renderView();
    this.encode();
    this.url.schedule();
  }

  // ---- worker ----

  private encode(): void {
    const seq = ++this.seq;
    this.sentAt.set(seq, performance.now());
    const keys = this.state.tokenizers.filter((k) => this.status.get(k)?.kind === 'ready');
    this.worker.send({ type: 'encode', seq, text: this.state.text, keys, options: { allowSpecial: this.state.allowSpecial, addSpecial: this.state.addSpecial } });
    if (this.state.view === 'tokens') this.renderStats();
  }

  private onWorker(m: FromWorker): void {
    switch (m.type) {
      case 'loaded':
        this.status.set(m.info.key, { kind: 'ready', vocabSize: m.info.vocabSize, loadMs: m.info.loadMs });
        this.renderControls();
        this.encode();
        if (this.state.view === 'languages') this.requestCounts();
        else this.renderView();
        return;
      case 'load-error':
        this.status.set(m.key, { kind: 'error', message: m.message });
        this.renderControls();
        this.renderView();
        return;
      case 'encoded': {
        if (m.seq !== this.seq) return;
        const now = performance.now();
        this.results.set(m.key, { run: m.run, ms: m.ms, chunksEncoded: m.chunksEncoded, seq: m.seq });
        if (this.state.view === 'tokens') this.renderCard(m.key);
        else if (this.state.view === 'diff') this.renderView();
        this.timings.push({ seq: m.seq, key: m.key, workerMs: m.ms, roundTripMs: now - (this.sentAt.get(m.seq) ?? now), renderMs: performance.now() - now, chunksEncoded: m.chunksEncoded, textLength: this.state.text.length });
        if (this.timings.length > 500) this.timings.splice(0, 100);
        return;
      }
      case 'encode-error':
        if (m.seq === this.seq) this.status.set(m.key, { kind: 'error', message: m.message });
        this.renderView();
        return;
      case 'counted':
        this.langCounts.set(m.key, m.counts);
        this.renderLanguageChart();
        return;
    }
  }

  // ---- rendering ----

  private renderControls(): void {
    clear(this.pickerBox);
    const dropped = [...new Set([...this.state.tokenizers.filter((k) => k.startsWith('file:')), ...this.droppedJson.keys()])];
    this.pickerBox.append(picker({
      selected: () => this.state.tokenizers,
      toggle: (k, on) => this.toggle(k, on),
      status: (k) => this.status.get(k)?.kind ?? '',
      dropFile: (f) => void this.dropFile(f),
    }, dropped));
    clear(this.optionsBox);
    const opt = (label: string, get: () => boolean, set: (v: boolean) => void, role: string) => {
      const box = h('input', { type: 'checkbox', 'data-role': role });
      box.checked = get();
      box.addEventListener('change', () => { set(box.checked); this.results.clear(); this.afterChange(); });
      return h('label', { class: 'opt' }, box, ` ${label}`);
    };
    this.optionsBox.append(
      opt('show whitespace', () => this.state.showWhitespace, (v) => { this.state.showWhitespace = v; }, 'opt-ws'),
      opt('special-token text (<|endoftext|>) is special (tiktoken)', () => this.state.allowSpecial, (v) => { this.state.allowSpecial = v; }, 'opt-special'),
      opt('add BOS/EOS (tokenizer.json post-processor)', () => this.state.addSpecial, (v) => { this.state.addSpecial = v; }, 'opt-bos'));
    clear(this.tabs);
    for (const [view, label] of [['tokens', 'Tokens'], ['diff', 'Diff'], ['languages', 'Languages']] as const) {
      const b = h('button', { type: 'button', class: this.state.view === view ? 'active' : '', 'data-view': view }, label);
      b.addEventListener('click', () => { this.state.view = view; this.renderControls(); this.renderView(); this.url.schedule(); });
      this.tabs.append(b);
    }
  }

  private renderView(): void {
    clear(this.viewBox);
    this.drawn.clear();
    this.langView = null;
    if (this.state.view === 'tokens') {
      for (const key of this.state.tokenizers) this.viewBox.append(h('section', { class: 'card', 'data-tokenizer': key }));
      for (const key of this.state.tokenizers) this.renderCard(key);
    } else if (this.state.view === 'diff') {
      this.renderDiff();
    } else {
      this.viewBox.append(h('p', {}, 'Loading the UDHR sample…'));
      void this.showLanguages();
    }
  }

  private cardHeader(key: string): HTMLElement {
    const st = this.status.get(key);
    const detail = st?.kind === 'ready' ? `${st.vocabSize.toLocaleString('en-US')} ids · loaded in ${st.loadMs.toFixed(0)} ms` : st?.kind ?? '';
    return h('h2', {}, tokenizerLabel(key), h('small', {}, ` ${detail}`));
  }

  private renderCard(key: string): void {
    const card = this.viewBox.querySelector<HTMLElement>(`section.card[data-tokenizer="${CSS.escape(key)}"]`);
    if (!card) return;
    const st = this.status.get(key);
    const result = this.results.get(key);
    const fresh = result && result.seq === this.seq ? result : undefined;
    card.classList.toggle('stale', !fresh);
    const counts = countsLine(textStats(this.state.text), fresh);
    const drawn = this.drawn.get(key);
    const oldCounts = card.querySelector('.counts');
    if (fresh && drawn && oldCounts && card.querySelector('.tokens') && st?.kind === 'ready' && stillDrawn(drawn, this.state.text, fresh.run, this.state.showWhitespace)) {
      oldCounts.replaceWith(counts);
      return;
    }
    this.drawn.delete(key);
    clear(card);
    card.append(this.cardHeader(key), counts);
    if (st?.kind === 'error') card.append(h('p', { class: 'error', 'data-role': 'error' }, st.message));
    else if (st?.kind === 'needs-file') card.append(h('p', { class: 'error' }, `This link names a dropped file, ${key.slice(5)}; drop it again to see its tokens.`));
    else if (result) {
      const { el, drawn: part } = tokenSpans(this.state.text, result.run, this.state.showWhitespace);
      card.append(el);
      if (part && fresh) this.drawn.set(key, part);
    }
  }

  private renderStats(): void {
    const stats = textStats(this.state.text);
    for (const key of this.state.tokenizers) {
      const card = this.viewBox.querySelector(`section.card[data-tokenizer="${CSS.escape(key)}"]`);
      const line = card?.querySelector('.counts');
      if (!card || !line) continue;
      card.classList.add('stale');
      line.replaceWith(countsLine(stats, undefined));
    }
  }

  private renderDiff(): void {
    const keys = this.state.tokenizers;
    if (keys.length < 2) { this.viewBox.append(h('p', {}, 'Pick at least two tokenizers to compare.')); return; }
    const side = (i: 0 | 1) => {
      const s = h('select', { 'data-role': `diff-${i ? 'b' : 'a'}` });
      keys.forEach((k, j) => { const o = h('option', { value: j }, tokenizerLabel(k)); o.selected = j === this.state.diff[i]; s.append(o); });
      s.addEventListener('change', () => { this.state.diff[i] = Number(s.value); this.renderView(); this.url.schedule(); });
      return s;
    };
    this.viewBox.append(h('div', { class: 'diff-pick' }, 'Compare ', side(0), ' with ', side(1)));
    const [a, b] = this.state.diff.map((i) => keys[i]!);
    const ra = this.results.get(a!);
    const rb = this.results.get(b!);
    if (!ra || !rb || ra.seq !== this.seq || rb.seq !== this.seq) { this.viewBox.append(h('p', {}, 'Tokenizing…')); return; }
    this.viewBox.append(diffView(this.state.text, tokenizerLabel(a!), ra.run, tokenizerLabel(b!), rb.run, this.state.showWhitespace));
  }

  private async showLanguages(): Promise<void> {
    this.langData ??= fetch(new URL('udhr-sample.json', document.baseURI)).then((r) => {
      if (!r.ok) throw new Error(`udhr-sample.json: HTTP ${r.status}`);
      return r.json() as Promise<UdhrSample>;
    });
    let data: UdhrSample;
    try { data = await this.langData; } catch (e) { this.langData = null; clear(this.viewBox); this.viewBox.append(h('p', { class: 'error' }, String(e))); return; }
    if (this.state.view !== 'languages') return;
    clear(this.viewBox);
    this.langView = new LanguageView(data, {
      selected: () => this.state.languages,
      setSelected: (codes) => { this.state.languages = codes; this.langView?.renderList(); this.renderLanguageChart(); this.url.schedule(); },
      relative: () => this.state.relative,
      setRelative: (on) => { this.state.relative = on; this.renderLanguageChart(); this.url.schedule(); },
    });
    this.viewBox.append(this.langView.root);
    this.requestCounts();
  }

  private requestCounts(): void {
    if (!this.langData) return;
    void this.langData.then((data) => {
      const missing = this.state.tokenizers.filter((k) => !this.langCounts.has(k) && this.status.get(k)?.kind === 'ready');
      if (missing.length > 0) this.worker.send({ type: 'count', seq: 0, keys: missing, texts: data.languages.map((l) => l.text) });
      this.renderLanguageChart();
    });
  }

  private renderLanguageChart(): void {
    const keys = this.state.tokenizers;
    this.langView?.renderChart(keys.map(tokenizerLabel), keys.map((k) => this.langCounts.get(k)));
  }

  private async loadLongSample(): Promise<void> {
    this.langData ??= fetch(new URL('udhr-sample.json', document.baseURI)).then((r) => r.json() as Promise<UdhrSample>);
    const data = await this.langData;
    this.setText(longSample(data.languages.map((l) => l.text)));
  }

  /** Writes the URL now instead of after the debounce (tests, and before copying a link). */
  flushUrl(): Promise<void> {
    return this.url.write();
  }

  /** Replaces the text as if typed (used by the sample button and the tests). */
  setText(text: string): void {
    this.input.value = text;
    this.state.text = text;
    this.encode();
    this.url.schedule();
  }

  private onHover(e: MouseEvent): void {
    const el = (e.target as HTMLElement).closest<HTMLElement>('[data-i]');
    const card = el?.closest<HTMLElement>('section.card');
    if (!el || !card) return;
    const result = this.results.get(card.dataset['tokenizer']!);
    if (!result) return;
    this.info.textContent = `${tokenizerLabel(card.dataset['tokenizer']!)} — ${describeTokens(this.state.text, result.run, Number(el.dataset['i']), Number(el.dataset['n'] ?? 1))}`;
  }
}

export { DEFAULT_TOKENIZERS };
