import { identitySignals } from './identity';
import { bodyParams, parseParams, type Param } from './params';
import { pixelEndpoint, pixelSignal } from './pixels';
import type { RequestBody, Signal } from './types';
import { parseUrl, siteOf } from './url';

/** Ad-click identifiers, by parameter name, and whose ads they come from. */
export const CLICK_IDS: Readonly<Record<string, string>> = {
  fbclid: 'Meta',
  fbc: 'Meta',
  gclid: 'Google',
  gbraid: 'Google',
  wbraid: 'Google',
  dclid: 'Google',
  msclkid: 'Microsoft',
  ttclid: 'TikTok',
  twclid: 'X',
  li_fat_id: 'LinkedIn',
  sccid: 'Snap',
  epik: 'Pinterest',
  rdt_cid: 'Reddit',
  yclid: 'Yandex',
};

const SYNC_PATH = /(?:^|[/_.-])(?:user-?sync|cookie-?sync|usersync|sync|setuid|getuid|idsync|match|cm|pixel-?sync|ups)(?:$|[/_.?-])/i;
const SYNC_HOST = /^(?:sync|match|cm|idsync|usersync|cookiesync|ssum|ums|pixel-sync)[\d-]*\./;

// Parameters whose values change per request and identify no one.
const NOT_IDENTIFIERS = new Set([
  'v', 'ver', 'version', 'cb', 'cachebuster', 'rnd', 'random', 'r', 'rand', 't', 'ts', 'timestamp', 'time',
  'z', '_', 'hash', 'sig', 'signature', 'nonce', 'callback', 'jsonp', 'url', 'dl', 'rl', 'ref', 'referrer',
  'page', 'href', 'tw_document_href', 'redir', 'redirect', 'eid', 'ec', 'ea', 'el', 'en', 'ev', 'event',
]);
const KNOWN_ID_FORMATS = [
  /^fb\.\d\.\d{10,13}\.\d{5,}$/, // Meta _fbp / _fbc
  /^GA1\.\d\.\d+\.\d+$/, // Google Analytics _ga
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, // UUID
];

/** Shannon entropy of a string, in bits for the whole string. */
export function entropyBits(s: string): number {
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    h -= p * Math.log2(p);
  }
  return h * s.length;
}

/** Could this value single out one browser? Long, varied, and both letters and digits. */
export function looksLikeIdentifier(value: string): boolean {
  if (value.length < 12 || value.length > 200) return false;
  if (KNOWN_ID_FORMATS.some((re) => re.test(value))) return true;
  if (!/^[A-Za-z0-9._~-]+$/.test(value) || !/\d/.test(value) || !/[A-Za-z]/.test(value)) return false;
  return entropyBits(value) >= 48;
}

function otherSitesIn(params: readonly Param[], ownSite: string): string[] {
  const sites: string[] = [];
  for (const [, value] of params) {
    if (!/^https?:\/\//i.test(value)) continue;
    const site = siteOf(parseUrl(value).host);
    if (site && site !== ownSite && !sites.includes(site) && sites.length < 8) sites.push(site);
  }
  return sites;
}

export interface SignalContext {
  host: string;
  site: string;
  path: string;
  query: string;
  party: 'first' | 'third';
  type?: string;
  body?: RequestBody;
}

/** Everything a single request says about what the receiver learns. */
export function requestSignals(ctx: SignalContext): Signal[] {
  const signals: Signal[] = [];
  const params = parseParams(ctx.query);
  const clickIds = params.filter(([n]) => CLICK_IDS[n.toLowerCase()] !== undefined);
  if (clickIds.length) {
    const names = [...new Set(clickIds.map(([n]) => n.toLowerCase()))];
    signals.push({ kind: 'click-id', provenance: 'observed', evidence: names, detail: CLICK_IDS[names[0]!] });
  }
  if (ctx.party === 'first') return signals;

  const endpoint = pixelEndpoint(ctx.site, ctx.host, ctx.path);
  const all = ctx.body ? bodyParams(ctx.body, [...params]) : params;
  if (endpoint) signals.push(pixelSignal(endpoint, ctx.path, all));
  signals.push(...identitySignals(all, !!endpoint?.identity));

  const partners = otherSitesIn(params, ctx.site);
  if (SYNC_HOST.test(ctx.host) || SYNC_PATH.test(ctx.path)) {
    const idParams = params.filter(([n, v]) => looksLikeIdentifier(v) || /uid|user|id$/i.test(n)).map(([n]) => n);
    if (partners.length || idParams.length) {
      signals.push({ kind: 'id-sync', provenance: 'observed', evidence: idParams.slice(0, 8), detail: partners.join(', ') || undefined });
    }
  }

  const reported = new Set(signals.flatMap((s) => s.evidence));
  const ids = params
    .filter(([n, v]) => !reported.has(n) && !NOT_IDENTIFIERS.has(n.toLowerCase()) && looksLikeIdentifier(v))
    .map(([n]) => n);
  if (ids.length) signals.push({ kind: 'identifier-in-url', provenance: 'observed', evidence: [...new Set(ids)].slice(0, 8) });

  if (ctx.type === 'ping' || ctx.type === 'beacon') signals.push({ kind: 'beacon', provenance: 'observed', evidence: [ctx.type] });
  return signals;
}
