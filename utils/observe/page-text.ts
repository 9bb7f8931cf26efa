import { sendToBackground } from '../content-messaging';
import { PAGE_TEXT_LIMITS } from '../engine/political/page-text-limits';
import { walkText } from './ad-text';

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'CANVAS']);

function meta(doc: Document, selector: string, max: number): string | undefined {
  const v = doc.querySelector<HTMLMetaElement>(selector)?.content?.trim();
  return v ? v.slice(0, max) : undefined;
}

/** The JSON-LD fields that say in words what a page is about. */
const SCHEMA_TEXT_FIELDS = ['headline', 'name', 'alternativeHeadline', 'about', 'keywords', 'jobTitle', 'description'];

/**
 * schema.org types declared in JSON-LD blocks (NewsArticle, PoliticalParty, Person …), and
 * what they say in words (headline, name, about, keywords, jobTitle, description), bounded.
 */
function schemaOrg(doc: Document): { types: string[]; texts: string[] } {
  const L = PAGE_TEXT_LIMITS;
  const types = new Set<string>();
  const texts = new Set<string>();
  const addText = (v: unknown) => {
    if (texts.size >= L.schemaTexts) return;
    if (typeof v === 'string') {
      const t = v.replace(/\s+/g, ' ').trim().slice(0, L.schemaText);
      if (t) texts.add(t);
    } else if (Array.isArray(v)) {
      // keywords: ["election", "Senate"]; about: [{ name: … }]
      const words = v.slice(0, 20).filter((x): x is string => typeof x === 'string');
      if (words.length) addText(words.join(', '));
      for (const x of v.slice(0, 5)) if (x && typeof x === 'object' && !Array.isArray(x)) addText((x as Record<string, unknown>).name);
    } else if (v && typeof v === 'object') {
      addText((v as Record<string, unknown>).name);
    }
  };
  const visit = (v: unknown, depth: number): void => {
    if (depth > 4 || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.slice(0, 20).forEach((x) => visit(x, depth + 1));
    const o = v as Record<string, unknown>;
    const t = o['@type'];
    for (const x of Array.isArray(t) ? t.slice(0, 5) : [t]) {
      if (typeof x === 'string' && types.size < L.schemaTypes) types.add(x.slice(0, L.schemaType));
    }
    for (const f of SCHEMA_TEXT_FIELDS) addText(o[f]);
    if (o['@graph']) visit(o['@graph'], depth + 1);
    // A page's main entity or author may be the candidate or party it is about.
    for (const f of ['mainEntity', 'mainEntityOfPage', 'author', 'affiliation', 'memberOf']) {
      if (o[f] && typeof o[f] === 'object') visit(o[f], depth + 1);
    }
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
  return { types: [...types], texts: [...texts] };
}

/** Visible-ish text in document order, without scripts and styles, without forcing layout. */
function bodyText(doc: Document, max: number): string {
  if (!doc.body) return '';
  const parts: string[] = [];
  let length = 0;
  walkText(doc.body, SKIP, (n) => {
    const t = n.nodeValue?.replace(/\s+/g, ' ').trim();
    if (t) {
      parts.push(t);
      length += t.length + 1;
    }
    return length < max;
  });
  return parts.join(' ').slice(0, max);
}

/** What the top document says about itself, for the political-page classifier. */
export function readPageText(doc: Document) {
  const L = PAGE_TEXT_LIMITS;
  const schema = schemaOrg(doc);
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
    schemaTypes: schema.types,
    schemaText: schema.texts,
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
