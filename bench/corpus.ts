import thirdPartyWeb from 'third-party-web';

/** A deterministic pseudo-random generator, so every run measures the same corpus. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PUBLISHERS = [
  'https://www.example-news.org/politics/2026/election-live',
  'https://www.moreau2026.org/donate',
  'https://blog.lindenbakery.org/recipes/sourdough',
  'https://www.stadtzeitung-example.de/lokales/wahl',
  'https://www.journal-exemple.fr/societe/article',
  'https://nieuws.voorbeeld.nl/binnenland/verkiezingen',
];
const PATHS = ['/js/tag.js', '/pixel.gif', '/collect', '/v1/events', '/i.gif', '/sync', '/static/app.css', '/embed/frame.html', '/tr/', '/pagead/conversion/123/'];
const PARAMS = ['id=1234567', 'ev=PageView', 'uid=7f3k29dk3l0q9x2m8a', 'cb=1700000000000', 'gclid=Cj0KCQiA', 'ref=homepage', 'v=2', 'dl=https%3A%2F%2Fwww.example-news.org%2F', `ud[em]=${'ab'.repeat(32)}`];
const TYPES = ['script', 'image', 'xmlhttprequest', 'sub_frame', 'stylesheet', 'ping'];

export interface BenchRequest {
  url: string;
  documentUrl: string;
  type: string;
}

/**
 * At least `size` requests: every example hostname third-party-web lists, with varied
 * paths and queries, mixed with first-party requests to the publisher pages (about one
 * in four, as on a typical news page).
 */
export function buildCorpus(size = 50_000): BenchRequest[] {
  const random = rng(20261122);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const hosts = thirdPartyWeb.entities.flatMap((e) => (e as { examples?: string[] }).examples ?? []);
  const out: BenchRequest[] = [];
  while (out.length < size) {
    const documentUrl = pick(PUBLISHERS);
    const firstParty = random() < 0.25;
    const host = firstParty ? new URL(documentUrl).host : pick(hosts);
    const query = Array.from({ length: Math.floor(random() * 5) }, () => pick(PARAMS)).join('&');
    out.push({ url: `https://${host}${pick(PATHS)}${query ? '?' + query : ''}`, documentUrl, type: pick(TYPES) });
  }
  return out;
}
