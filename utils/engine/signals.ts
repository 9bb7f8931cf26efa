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
const SYNC_HINT = /sync|uid|match|cm|ups/i;
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

const counts = new Uint16Array(128);
const seen: number[] = [];

/** Shannon entropy of an ASCII string, in bits for the whole string. */
export function entropyBits(s: string): number {
  seen.length = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) & 127;
    if (counts[c]!++ === 0) seen.push(c);
  }
  let h = 0;
  for (const c of seen) {
    const p = counts[c]! / s.length;
    counts[c] = 0;
    h -= p * Math.log2(p);
  }
  return h * s.length;
}

/** Could this value single out one browser? Long, varied, and both letters and digits. */
export function looksLikeIdentifier(value: string): boolean {
  if (value.length < 12 || value.length > 200) return false;
  let digit = false;
  let alpha = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) digit = true;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) alpha = true;
    else if (c !== 0x2e && c !== 0x5f && c !== 0x7e && c !== 0x2d) return false; // . _ ~ -
  }
  if (!digit) return false;
  const c0 = value.charCodeAt(0);
  // Only values that start like _fbp/_fbc ("fb."), _ga ("GA1.") or a UUID can match a known format.
  if ((c0 === 0x66 || c0 === 0x47 || value.length === 36) && KNOWN_ID_FORMATS.some((re) => re.test(value))) return true;
  return alpha && entropyBits(value) >= 48;
}

function otherSitesIn(params: readonly Param[], ownSite: string): string[] {
  const sites: string[] = [];
  for (const [, value] of params) {
    if (!value.startsWith('http') || !/^https?:\/\//i.test(value)) continue;
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

const NONE: Signal[] = [];

/** Everything a single request says about what the receiver learns. */
export function requestSignals(ctx: SignalContext): Signal[] {
  if (!ctx.query && !ctx.body && ctx.party === 'first') return NONE;
  const params = parseParams(ctx.query);
  const clickIds: string[] = [];
  for (const [n] of params) {
    const lower = n.toLowerCase();
    if (CLICK_IDS[lower] !== undefined && !clickIds.includes(lower)) clickIds.push(lower);
  }
  const signals: Signal[] = [];
  if (clickIds.length) signals.push({ kind: 'click-id', provenance: 'observed', evidence: clickIds, detail: CLICK_IDS[clickIds[0]!] });
  if (ctx.party === 'first') return signals.length ? signals : NONE;

  const endpoint = pixelEndpoint(ctx.site, ctx.host, ctx.path);
  const all = ctx.body ? bodyParams(ctx.body, [...params]) : params;
  if (endpoint) signals.push(pixelSignal(endpoint, ctx.path, all));
  if (all.length) for (const s of identitySignals(all, !!endpoint?.identity)) signals.push(s);

  if (SYNC_HOST.test(ctx.host) || (SYNC_HINT.test(ctx.path) && SYNC_PATH.test(ctx.path))) {
    const partners = otherSitesIn(params, ctx.site);
    const idParams = params.filter(([n, v]) => looksLikeIdentifier(v) || /uid|user|id$/i.test(n)).map(([n]) => n);
    if (partners.length || idParams.length) {
      signals.push({ kind: 'id-sync', provenance: 'observed', evidence: idParams.slice(0, 8), detail: partners.join(', ') || undefined });
    }
  }

  const ids: string[] = [];
  for (const [n, v] of params) {
    if (v.length < 12) continue;
    if (ids.length >= 8 || ids.includes(n) || NOT_IDENTIFIERS.has(n.toLowerCase())) continue;
    if (!signals.some((s) => s.evidence.includes(n)) && looksLikeIdentifier(v)) ids.push(n);
  }
  if (ids.length) signals.push({ kind: 'identifier-in-url', provenance: 'observed', evidence: ids });

  if (ctx.type === 'ping' || ctx.type === 'beacon') signals.push({ kind: 'beacon', provenance: 'observed', evidence: [ctx.type] });
  return signals.length ? signals : NONE;
}
