/** Entry of the playground page: reads the state from the URL (or defaults) and starts the app. */
import './style.css';
import { App } from './ui/app.js';
import { DEFAULT_TOKENIZERS } from './catalog.js';
import { decodeText, paramsToState, type PlaygroundState } from './model/url-state.js';
import { DEFAULT_TEXT } from './ui/samples.js';

const defaults: PlaygroundState = {
  text: DEFAULT_TEXT,
  tokenizers: DEFAULT_TOKENIZERS,
  view: 'tokens',
  diff: [0, 1],
  showWhitespace: true,
  allowSpecial: true,
  addSpecial: true,
  languages: ['eng', 'fra', 'deu_1996', 'spa', 'rus', 'ell_monotonic', 'tur', 'arb', 'hin', 'ben', 'tam', 'tha', 'cmn_hans', 'jpn', 'kor', 'vie', 'swh', 'zul', 'hye', 'kat', 'amh', 'heb'],
  relative: false,
};

async function start(): Promise<void> {
  const { state, encodedText } = paramsToState(location.hash, defaults);
  if (encodedText) {
    try { state.text = await decodeText(encodedText); } catch (e) { console.warn('could not read the text from the URL:', e); }
  }
  new App(state, document.getElementById('app')!);
}

void start();
