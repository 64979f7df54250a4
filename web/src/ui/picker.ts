/**
 * The tokenizer picker: a toggle chip per built-in encoding and bundled tokenizer.json, chips for
 * dropped files (kept in memory for the session, so they can be ticked again), and the drop zone / file chooser for a tokenizer.json.
 */
import { BUILTIN_ENCODINGS, BUNDLED_TOKENIZERS, tokenizerLabel } from '../catalog.js';
import { h } from './dom.js';

export interface PickerHost {
  selected(): string[];
  toggle(key: string, on: boolean): void;
  status(key: string): string;
  dropFile(file: File): void;
}

export function picker(host: PickerHost, dropped: string[]): HTMLElement {
  const sel = new Set(host.selected());
  const chip = (key: string, label: string) => {
    const box = h('input', { type: 'checkbox', 'data-key': key });
    box.checked = sel.has(key);
    box.addEventListener('change', () => host.toggle(key, box.checked));
    return h('label', { class: `chip-toggle ${host.status(key)}`, title: key }, box, ` ${label}`);
  };
  const fileInput = h('input', { type: 'file', accept: '.json,application/json', 'data-role': 'file-input', hidden: true });
  fileInput.addEventListener('change', () => { const f = fileInput.files?.[0]; if (f) host.dropFile(f); fileInput.value = ''; });
  const zone = h('button', { type: 'button', class: 'dropzone', 'data-role': 'dropzone' }, 'Drop a tokenizer.json here (or click to choose)');
  zone.addEventListener('click', () => fileInput.click());
  zone.addEventListener('dragover', (e) => { e.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    e.stopPropagation(); // the page also accepts drops anywhere; handle this one once
    zone.classList.remove('over');
    const f = e.dataTransfer?.files?.[0];
    if (f) host.dropFile(f);
  });
  return h('div', { class: 'picker' },
    h('div', { class: 'group' }, h('span', { class: 'group-label' }, 'tiktoken'), ...BUILTIN_ENCODINGS.map((n) => chip(n, n))),
    h('div', { class: 'group' }, h('span', { class: 'group-label' }, 'tokenizer.json'),
      ...BUNDLED_TOKENIZERS.map((b) => chip(`hf:${b.id}`, b.label)),
      ...dropped.map((k) => chip(k, tokenizerLabel(k)))),
    h('div', { class: 'group' }, zone, fileInput));
}
