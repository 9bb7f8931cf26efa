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
 * Calls `visit` on each text node under `root`, in document order, without descending
 * into elements whose tag is in `skip`; stops when `visit` returns false. A plain walk
 * over child links: no layout, and the same in every DOM.
 */
export function walkText(root: Node, skip: ReadonlySet<string>, visit: (t: Text) => boolean): void {
  let n: Node | null = root.firstChild;
  while (n) {
    if (n.nodeType === 3) {
      if (!visit(n as Text)) return;
    } else if (n.nodeType === 1 && n.firstChild && !skip.has((n as Element).tagName.toUpperCase())) {
      n = n.firstChild;
      continue;
    }
    while (n && n !== root && !n.nextSibling) n = n.parentNode;
    if (!n || n === root) return;
    n = n.nextSibling;
  }
}

type Visibility = Element & { checkVisibility?: (o?: { opacityProperty?: boolean; visibilityProperty?: boolean }) => boolean };

/**
 * Whether an element is hidden from the reader: not rendered (display: none, on it or an
 * ancestor), invisible (visibility: hidden, opacity: 0), or squeezed to nothing (a zero or
 * 1-pixel box, on it or on a clipping ancestor, as "visually hidden" text is). Costs a style
 * and layout read, so callers ask only about the few nodes that matter.
 */
export function isHidden(el: Element): boolean {
  const e = el as Visibility;
  const view = el.ownerDocument?.defaultView;
  const style = typeof view?.getComputedStyle === 'function' ? (x: Element) => view.getComputedStyle(x) : undefined;
  if (typeof e.checkVisibility === 'function') {
    if (!e.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return true;
  } else if (style) {
    for (let p: Element | null = el; p; p = p.parentElement) {
      const cs = style(p);
      if (cs.display === 'none' || cs.opacity === '0') return true;
      if (p === el && (cs.visibility === 'hidden' || cs.visibility === 'collapse')) return true;
    }
  } else {
    // No layout engine to ask: take the text as it is.
    return false;
  }
  let p: Element | null = el;
  for (let depth = 0; p && depth < 5; depth++, p = p.parentElement) {
    const r = p.getBoundingClientRect();
    const tiny = r.width <= 1 || r.height <= 1;
    if (tiny && (p === el || !style || /hidden|clip/.test(style(p).overflow))) return true;
  }
  return false;
}

/** At most this many elements of one frame or slot get a visibility check. */
const MAX_VISIBILITY_CHECKS = 40;

/**
 * Text of an element or document body, in order: one line per block, so that a label
 * ("Politische Anzeige") starts its own line as it does on screen. A line that looks like
 * a label or a sponsor line (see DISCLOSURE_HINT) keeps only the parts the reader can see:
 * every text node of it is checked, so that a hidden name after a visible "Paid for by"
 * is not taken for the sponsor. Once the checks are spent, such lines are dropped, not
 * read unchecked: hidden labels and sponsor lines are how ads and pages fake them.
 */
export function textOf(root: Node | null | undefined, max = AD_TEXT_MAX): string {
  if (!root) return '';
  const lines: string[] = [];
  let length = 0;
  let parts: { text: string; el: Element | null }[] = [];
  let block: Node | null | undefined;
  const checked = new Map<Element, boolean>();
  /** Whether the element is hidden; undefined when no check is left. */
  const hidden = (el: Element | null): boolean | undefined => {
    if (!el) return false;
    const known = checked.get(el);
    if (known !== undefined) return known;
    if (checked.size >= MAX_VISIBILITY_CHECKS) return undefined;
    const h = isHidden(el);
    checked.set(el, h);
    return h;
  };
  const flush = () => {
    let kept = parts;
    parts = [];
    if (DISCLOSURE_HINT.test(kept.map((p) => p.text).join(' '))) {
      const visible: typeof kept = [];
      for (const p of kept) {
        const h = hidden(p.el);
        if (h === undefined) return;
        if (!h) visible.push(p);
      }
      kept = visible;
    }
    if (!kept.length) return;
    const line = kept.map((p) => p.text).join(' ');
    lines.push(line);
    length += line.length + 1;
  };
  let pending = 0;
  walkText(root, SKIP, (n) => {
    const t = n.nodeValue?.replace(/\s+/g, ' ').trim();
    if (!t) return true;
    const b = blockOf(n);
    if (b !== block) {
      flush();
      pending = 0;
      block = b;
    }
    parts.push({ text: t, el: n.parentElement });
    pending += t.length + 1;
    return length + pending < max;
  });
  flush();
  return lines.join('\n').slice(0, max);
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
