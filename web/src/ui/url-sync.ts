/**
 * Keeps the URL hash in step with the state (debounced, history.replaceState so Back is not
 * flooded), and copies the link. Texts whose encoded form would make the URL too long are left out
 * of it, and the note says so.
 */
import { encodeText, stateToParams, type PlaygroundState } from '../model/url-state.js';

const MAX_TEXT_IN_URL = 60_000;

export class UrlSync {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly state: () => PlaygroundState, private readonly say: (msg: string) => void) {}

  schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.write(), 300);
  }

  async write(): Promise<void> {
    const s = this.state();
    let x = await encodeText(s.text);
    if (x.length > MAX_TEXT_IN_URL) {
      x = '';
      this.say(`The text is too long to share in a link (${s.text.length.toLocaleString('en-US')} characters); the link keeps the other settings.`);
    } else {
      this.say('');
    }
    const params = stateToParams(s, x);
    history.replaceState(null, '', `#${params}`);
  }

  async copyLink(): Promise<void> {
    clearTimeout(this.timer);
    await this.write();
    try {
      await navigator.clipboard.writeText(location.href);
      this.say('Link copied.');
    } catch {
      this.say(`Copy this link: ${location.href}`);
    }
  }
}
