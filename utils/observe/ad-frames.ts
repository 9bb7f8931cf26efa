import { sendToBackground } from '../content-messaging';
import { DISCLOSURE_HINT, FRAME_TOKEN_KEY, linksOf, textOf } from './ad-text';

/**
 * In a sub-frame (an ad's iframe, often cross-origin): reads the ad's own labels and
 * sponsor lines. The text goes to the background, which parses it; the top frame is told
 * only a random token, which it matches to the iframe element holding this frame.
 */
export function reportAdFrame(): void {
  if (window === window.top) return;
  const token = crypto.randomUUID();
  let lastText = '';
  const read = () => {
    const text = textOf(document.body);
    if (!text || !DISCLOSURE_HINT.test(text)) return;
    if (text !== lastText) {
      lastText = text;
      sendToBackground({ type: 'ad-frame', token, text, links: linksOf(document) });
    }
    try {
      window.top?.postMessage({ [FRAME_TOKEN_KEY]: token }, '*');
    } catch {
      /* a detached frame */
    }
  };
  const idle = () => ('requestIdleCallback' in window ? requestIdleCallback(read, { timeout: 2000 }) : setTimeout(read, 200));
  const loaded = () => {
    idle();
    for (const ms of [1500, 4000]) setTimeout(idle, ms);
  };
  if (document.readyState === 'complete') loaded();
  else addEventListener('load', loaded, { once: true });
}
