import { onBackgroundMessage, sendToBackground } from '../content-messaging';
import type { ScannedSlot } from '../messages';
import { AD_LINKS_MAX, AD_TEXT_MAX, FRAME_TOKEN, FRAME_TOKEN_KEY, LATE_SCANS_MS, MAX_SLOTS, isHidden, linksOf, textOf, type SlotKind } from './ad-text';
import { showOutline } from './outline';

/** Labels that publishers put on native ads and on ad boxes. */
const NATIVE_LABEL = /^(sponsored|promoted|advertisement|anzeige|gesponsert|werbung|sponsoris[ée]|publicit[ée]|gesponsord|advertentie)$/i;

const MAX_SCROLL_SCANS = 20;

const elements = new Map<string, Element>();
const extraIds = new Set<string>();
/**
 * Keys of slots without an id, given once per element: a rescan, or a slot added above,
 * does not change them. Kept here, not on the element, so the page cannot see them.
 */
const givenKeys = new WeakMap<Element, string>();
let keysGiven = 0;

function hostOf(src: string): string | undefined {
  try {
    const u = new URL(src, location.href);
    return /^https?:$/.test(u.protocol) ? u.hostname : undefined;
  } catch {
    return undefined;
  }
}

/** Text of the slot, including same-origin ("friendly") iframes, where many ads render. */
function slotText(el: Element): { text: string; links: { href: string; text: string }[] } {
  let text = textOf(el);
  let links = linksOf(el);
  for (const f of Array.from(el.querySelectorAll('iframe')).slice(0, 3)) {
    let doc: Document | null = null;
    try {
      doc = (f as HTMLIFrameElement).contentDocument;
    } catch {
      doc = null;
    }
    if (!doc?.body) continue;
    text = `${text}\n${textOf(doc.body)}`.trim().slice(0, AD_TEXT_MAX);
    links = links.concat(linksOf(doc)).slice(0, AD_LINKS_MAX);
  }
  return { text, links };
}

export interface Candidate {
  el: Element;
  kind: SlotKind;
  /** A native ad's label, which the page may set inline with the ad's text. */
  label?: string;
}

/** A native ad's box holds at most this much text; a bigger one is a page section, not the ad. */
const NATIVE_TEXT_MAX = 1000;

/**
 * The box of a native ad around its label: the label's nearest block that is an article,
 * list item, aside or section, or failing that its parent, but never a box that holds a
 * slot already found (an "Anzeige" over a GPT slot labels that slot, and the section
 * around both is not a second ad) and, above the parent, none with a page's worth of text.
 */
function nativeBox(label: Element, taken: ReadonlySet<Element>): Element | undefined {
  const holdsTaken = (el: Element) => [...taken].some((t) => el !== t && el.contains(t));
  const parent = label.parentElement;
  if (!parent || holdsTaken(parent) || taken.has(parent)) return undefined;
  const outer = label.closest('article, li, aside, section');
  let box = parent;
  for (let p = parent.parentElement; outer && p && outer.contains(p); p = p.parentElement) {
    if (holdsTaken(p) || taken.has(p) || (p.textContent ?? '').length > NATIVE_TEXT_MAX) break;
    box = p;
  }
  return box;
}

/** The page's ad slots, outermost first, each once: GPT, Prebid ad units, AdSense, native ads, and iframes of ad sizes. */
export function candidates(doc: Document): Candidate[] {
  const out: Candidate[] = [];
  const taken = new Set<Element>();
  // A slot inside one already found, or around one, is the same ad.
  const add = (el: Element | null | undefined, kind: SlotKind, label?: string): boolean => {
    if (!el || taken.has(el) || [...taken].some((t) => t.contains(el) || el.contains(t))) return false;
    taken.add(el);
    out.push({ el, kind, label });
    return true;
  };
  for (const id of extraIds) add(doc.getElementById(id), 'prebid');
  for (const el of Array.from(doc.querySelectorAll('div[id^="div-gpt-ad"], [data-google-query-id]'))) add(el, 'gpt');
  for (const f of Array.from(doc.querySelectorAll('iframe[id^="google_ads_iframe_"]'))) {
    if (!add(f.closest('[id]:not(iframe)'), 'gpt')) add(f, 'gpt');
  }
  for (const el of Array.from(doc.querySelectorAll('ins.adsbygoogle'))) add(el, 'adsense');
  // Native ads: a short label element; the ad is the box around it.
  for (const el of Array.from(doc.querySelectorAll('span, small, div, p, a, em, strong, b, i')).slice(0, 5000)) {
    const label = el.childElementCount > 0 ? '' : (el.textContent ?? '').trim();
    if (!NATIVE_LABEL.test(label) || isHidden(el)) continue;
    add(nativeBox(el, taken), 'native', label);
  }
  // Any other iframe of a size ads come in; the background keeps those of ad companies.
  for (const f of Array.from(doc.querySelectorAll('iframe[src]')).slice(0, 40)) {
    const r = f.getBoundingClientRect();
    if (r.width >= 50 && r.height >= 40) add(f, 'iframe');
  }
  return out.slice(0, MAX_SLOTS);
}

/** A slot's key: its element's id, or one given to the element the first time it is seen. */
export function keyFor(el: Element, kind: SlotKind): string {
  if (el.id) return el.id.slice(0, 200);
  let key = givenKeys.get(el);
  if (!key) {
    do key = `${kind}-${++keysGiven}`;
    while (el.ownerDocument.getElementById(key));
    givenKeys.set(el, key);
  }
  return key;
}

/** What the top frame reports of its slots: key, kind, size, the hosts of their frames, their visible text and links. */
export function scan(doc: Document): ScannedSlot[] {
  elements.clear();
  return candidates(doc).map(({ el, kind, label }) => {
    const key = keyFor(el, kind);
    elements.set(key, el);
    const r = el.getBoundingClientRect();
    const frames = el.tagName === 'IFRAME' ? [el] : Array.from(el.querySelectorAll('iframe')).slice(0, 5);
    const frameHosts = [...new Set(frames.map((f) => hostOf((f as HTMLIFrameElement).src)).filter((h): h is string => !!h))];
    const { text, links } = slotText(el);
    return {
      key,
      kind,
      elementId: el.id ? el.id.slice(0, 200) : undefined,
      size: [Math.round(r.width), Math.round(r.height)],
      frameHosts,
      // The label on a line of its own, as it stands on screen (and once, though it is usually in the text too).
      text: (label ? `${label}\n${text.startsWith(label) ? text.slice(label.length).trim() : text}` : text).slice(0, AD_TEXT_MAX),
      links,
    };
  });
}

/** The slot whose element holds the frame that posted `source`, walking up nested frames. */
function slotOfWindow(source: Window): string | undefined {
  let w: Window | null = source;
  for (let depth = 0; w && depth < 8; depth++) {
    for (const [key, el] of elements) {
      const frames = el.tagName === 'IFRAME' ? [el] : Array.from(el.querySelectorAll('iframe'));
      if (frames.some((f) => (f as HTMLIFrameElement).contentWindow === w)) return key;
    }
    if (w === w.parent) break;
    w = w.parent;
  }
  return undefined;
}

/**
 * In the top frame: finds the page's ad slots (GPT, AdSense, Prebid, ad iframes, native
 * ads), reports them as they render, links ad frames to the slot that holds them, and
 * outlines a slot when the popup asks.
 */
export function watchAdSlots(): void {
  if (window !== window.top) return;
  let last = '';
  let pendingLinks: { token: string; source: Window }[] = [];
  const report = () => {
    const slots = scan(document);
    const json = JSON.stringify(slots);
    if (json !== last && slots.length) {
      last = json;
      sendToBackground({ type: 'ad-slots', slots });
    }
    pendingLinks = pendingLinks.filter(({ token, source }) => {
      const slot = slotOfWindow(source);
      if (slot) sendToBackground({ type: 'ad-link', token, slot });
      return !slot;
    });
  };
  // Ads render late: look when the page is idle after load, then a few more times.
  const idle = () => ('requestIdleCallback' in window ? requestIdleCallback(report, { timeout: 2000 }) : setTimeout(report, 200));
  const loaded = () => {
    idle();
    for (const ms of LATE_SCANS_MS) setTimeout(idle, ms);
  };
  if (document.readyState === 'complete') loaded();
  else addEventListener('load', loaded, { once: true });
  // Many pages fill their lower slots only when the reader scrolls to them: look again
  // after scrolling stops, a bounded number of times.
  let scrollTimer: ReturnType<typeof setTimeout> | undefined;
  let scrollScans = 0;
  addEventListener(
    'scroll',
    () => {
      if (scrollScans >= MAX_SCROLL_SCANS) return;
      clearTimeout(scrollTimer);
      scrollTimer = setTimeout(() => {
        scrollScans++;
        idle();
      }, 1000);
    },
    { passive: true },
  );

  const linked = new Set<string>();
  addEventListener('message', (e) => {
    const token = (e.data as Record<string, unknown> | null)?.[FRAME_TOKEN_KEY];
    if (typeof token !== 'string' || !FRAME_TOKEN.test(token) || linked.has(token) || !e.source || linked.size > 200) return;
    linked.add(token);
    const slot = slotOfWindow(e.source as Window);
    if (slot) sendToBackground({ type: 'ad-link', token, slot });
    else if (pendingLinks.length < 50) pendingLinks.push({ token, source: e.source as Window });
  });

  onBackgroundMessage((m) => {
    const msg = m as { type?: unknown; slot?: unknown };
    if (msg?.type !== 'outline') return;
    showOutline(typeof msg.slot === 'string' ? elements.get(msg.slot) : undefined);
  });
}

/** Called by the probe bridge when the page names an ad unit (Prebid's ad unit code). */
export function noteAdUnit(id: string): void {
  if (extraIds.size < MAX_SLOTS && id.length <= 200) extraIds.add(id);
}
