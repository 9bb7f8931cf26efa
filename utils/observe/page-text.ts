import { sendToBackground } from '../content-messaging';
import { PAGE_TEXT_LIMITS } from '../engine/political/page-text-limits';

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'CANVAS']);

function meta(doc: Document, selector: string, max: number): string | undefined {
  const v = doc.querySelector<HTMLMetaElement>(selector)?.content?.trim();
  return v ? v.slice(0, max) : undefined;
}

/** schema.org types declared in JSON-LD blocks (NewsArticle, PoliticalParty, Event …). */
function schemaTypes(doc: Document): string[] {
  const types = new Set<string>();
  const visit = (v: unknown, depth: number): void => {
    if (depth > 4 || types.size >= PAGE_TEXT_LIMITS.schemaTypes || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.slice(0, 20).forEach((x) => visit(x, depth + 1));
    const t = (v as Record<string, unknown>)['@type'];
    for (const x of Array.isArray(t) ? t : [t]) if (typeof x === 'string') types.add(x.slice(0, PAGE_TEXT_LIMITS.schemaType));
    const graph = (v as Record<string, unknown>)['@graph'];
    if (graph) visit(graph, depth + 1);
  };
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]')).slice(0, 10)) {
    const text = s.textContent ?? '';
    if (text.length > 100_000) continue;
    try {
      visit(JSON.parse(text), 0);
    } catch {
      /* malformed JSON-LD is common; skip it */
    }
  }
  return [...types];
}

/** Visible-ish text in document order, without scripts and styles, without forcing layout. */
function bodyText(doc: Document, max: number): string {
  if (!doc.body) return '';
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.nodeType === 1 && SKIP.has((n as Element).tagName.toUpperCase()) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const parts: string[] = [];
  let length = 0;
  for (let n = walker.nextNode(); n && length < max; n = walker.nextNode()) {
    if (n.nodeType !== 3) continue;
    const t = n.nodeValue?.replace(/\s+/g, ' ').trim();
    if (!t) continue;
    parts.push(t);
    length += t.length + 1;
  }
  return parts.join(' ').slice(0, max);
}

/** What the top document says about itself, for the political-page classifier. */
export function readPageText(doc: Document) {
  const L = PAGE_TEXT_LIMITS;
  return {
    url: doc.location?.href.slice(0, L.url) ?? '',
    lang: doc.documentElement.lang?.slice(0, L.lang) || undefined,
    title: doc.title.trim().slice(0, L.title),
    headings: Array.from(doc.querySelectorAll('h1, h2, h3'))
      .slice(0, L.headings)
      .map((h) => (h.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, L.heading))
      .filter(Boolean),
    meta: {
      description: meta(doc, 'meta[name="description"]', L.metaField),
      keywords: meta(doc, 'meta[name="keywords"]', L.metaField),
      ogType: meta(doc, 'meta[property="og:type"]', L.ogType),
      ogTitle: meta(doc, 'meta[property="og:title"]', L.metaField),
      ogDescription: meta(doc, 'meta[property="og:description"]', L.metaField),
      ogSiteName: meta(doc, 'meta[property="og:site_name"]', L.metaField),
      articleSection: meta(doc, 'meta[property="article:section"]', L.metaField),
    },
    schemaTypes: schemaTypes(doc),
    text: bodyText(doc, L.text),
  };
}

/** Once the page has loaded and the main thread is idle: the page's text, from the top frame only. */
export function reportPageText(): void {
  if (window !== window.top) return;
  const run = () => sendToBackground({ type: 'page-text', page: readPageText(document) });
  const idle = () => ('requestIdleCallback' in window ? requestIdleCallback(run, { timeout: 3000 }) : setTimeout(run, 500));
  if (document.readyState === 'complete') idle();
  else addEventListener('load', idle, { once: true });
}
