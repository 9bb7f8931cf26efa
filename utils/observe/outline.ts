let host: HTMLElement | undefined;

/**
 * Draws a box over `el`, or removes it. The box lives in a closed shadow root on the
 * document element, so page styles cannot reach it, and it never takes pointer events.
 */
export function showOutline(el: Element | undefined): void {
  host?.remove();
  host = undefined;
  if (!el?.isConnected) return;
  const r = el.getBoundingClientRect();
  if (r.bottom < 0 || r.top > innerHeight) el.scrollIntoView({ block: 'center' });
  const box = el.getBoundingClientRect();
  host = document.createElement('div');
  host.setAttribute('data-targetlens-outline', '');
  Object.assign(host.style, {
    // In document coordinates, so that the box stays on the slot when the page scrolls.
    position: 'absolute',
    left: `${box.left + scrollX - 4}px`,
    top: `${box.top + scrollY - 4}px`,
    width: `${box.width + 8}px`,
    height: `${box.height + 8}px`,
    zIndex: '2147483647',
    pointerEvents: 'none',
  });
  const shadow = host.attachShadow({ mode: 'closed' });
  const frame = document.createElement('div');
  frame.setAttribute('style', 'box-sizing:border-box;width:100%;height:100%;border:3px solid #d9480f;border-radius:4px;box-shadow:0 0 0 9999px rgba(0,0,0,.25)');
  shadow.append(frame);
  document.documentElement.append(host);
}
