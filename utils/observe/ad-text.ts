/** Bounds for what a frame tells the background about an ad it shows. */
export const AD_TEXT_MAX = 2000;
export const AD_LINKS_MAX = 10;
export const MAX_SLOTS = 30;
/** After load, the top frame looks for ads that render late at these times; after that, when the reader scrolls. */
export const LATE_SCANS_MS = [1500, 4000];

/** The message an ad frame posts to the top window, so the top can tell which slot holds it. */
export const FRAME_TOKEN_KEY = 'targetlensAdFrame';
export const FRAME_TOKEN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const SLOT_KINDS = ['gpt', 'adsense', 'prebid', 'iframe', 'native'] as const;
export type SlotKind = (typeof SLOT_KINDS)[number];

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

const INLINE = new Set(['A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'CODE', 'EM', 'FONT', 'I', 'MARK', 'Q', 'S', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U']);

function blockOf(n: Node): Node | null {
  let p = n.parentNode;
  while (p && p.nodeType === 1 && INLINE.has((p as Element).tagName.toUpperCase())) p = p.parentNode;
  return p;
}

/**
 * Text of an element or document body, in order, without forcing layout: one line per
 * block, so that a label ("Politische Anzeige") starts its own line as it does on screen.
 */
export function textOf(root: Node | null | undefined, max = AD_TEXT_MAX): string {
  if (!root) return '';
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.nodeType === 1 && SKIP.has((n as Element).tagName.toUpperCase()) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  let out = '';
  let lastBlock: Node | null = null;
  for (let n = walker.nextNode(); n && out.length < max; n = walker.nextNode()) {
    if (n.nodeType !== 3) continue;
    const t = n.nodeValue?.replace(/\s+/g, ' ').trim();
    if (!t) continue;
    const block = blockOf(n);
    if (out) out += block === lastBlock ? ' ' : '\n';
    out += t;
    lastBlock = block;
  }
  return out.slice(0, max);
}

/** Links with their text: where a transparency notice would be. Only http(s) targets. */
export function linksOf(root: ParentNode | null | undefined): { href: string; text: string }[] {
  if (!root) return [];
  const out: { href: string; text: string }[] = [];
  for (const a of Array.from(root.querySelectorAll('a[href]')).slice(0, 50)) {
    const href = (a as HTMLAnchorElement).href;
    if (!/^https?:\/\//i.test(href)) continue;
    out.push({ href: href.slice(0, 500), text: (a.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 200) });
    if (out.length >= AD_LINKS_MAX) break;
  }
  return out;
}

/**
 * Words that appear in ad labels and sponsor lines in en/de/fr/nl. Frames whose text has
 * none of them are not worth a message; the background does the actual reading.
 */
export const DISCLOSURE_HINT =
  /paid for|authori[sz]ed by|politi|anzeige|werbung|publicit|annonce|advert|reclame|sponsor|gesponsert|gesponsord|betaald|financ|pay[ée]|bezahlt|auftrag|namens|behalf|transparen/i;
