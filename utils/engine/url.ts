import { getDomain } from 'tldts';

export interface ParsedUrl {
  protocol: string;
  /** Lower-case hostname without a trailing dot; '' for URLs without a network host. */
  host: string;
  /** The query string without '?', '' when absent. */
  query: string;
  path: string;
}

const EMPTY: ParsedUrl = { protocol: '', host: '', query: '', path: '' };

// A plain http(s)/ws(s) URL whose host WHATWG parsing would leave unchanged apart from
// case. Anything else (percent-escapes, userinfo, IPv6, non-ASCII, backslashes, numeric
// hosts that WHATWG rewrites as IPv4) goes through `new URL`.
const SIMPLE = /^(https?|wss?):\/\/([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.?)(?::\d{1,5})?(?=[/?#]|$)/;
const NUMERIC_LAST_LABEL = /(?:^|\.)(?:\d+|0x[0-9a-f]*)\.?$/i;

/** Parses what we need of a URL. Never throws; returns empty fields for what it cannot read. */
export function parseUrl(url: string): ParsedUrl {
  if (typeof url !== 'string' || url.length === 0) return EMPTY;
  const m = SIMPLE.exec(url);
  if (m && !NUMERIC_LAST_LABEL.test(m[2]!)) {
    let host = m[2]!.toLowerCase();
    if (host.endsWith('.')) host = host.slice(0, -1);
    const rest = url.slice(m[0].length);
    const hash = rest.indexOf('#');
    const beforeHash = hash === -1 ? rest : rest.slice(0, hash);
    const q = beforeHash.indexOf('?');
    return {
      protocol: m[1]!.toLowerCase() + ':',
      host,
      path: (q === -1 ? beforeHash : beforeHash.slice(0, q)) || '/',
      query: q === -1 ? '' : beforeHash.slice(q + 1),
    };
  }
  try {
    const u = new URL(url);
    let host = u.hostname.toLowerCase();
    if (host.endsWith('.')) host = host.slice(0, -1);
    if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
    return { protocol: u.protocol, host, path: u.pathname, query: u.search.slice(1) };
  } catch {
    return EMPTY;
  }
}

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const siteCache = new Map<string, string>();

/**
 * The registrable domain ("site") of a host, from the Public Suffix List including its
 * private section, so that two blogs on github.io are two sites. IP literals and
 * single-label hosts are their own site.
 */
export function siteOf(host: string): string {
  if (host === '') return '';
  const cached = siteCache.get(host);
  if (cached !== undefined) return cached;
  let site: string;
  if (host.includes(':') || IPV4.test(host)) site = host;
  else site = getDomain(host, { extractHostname: false, allowPrivateDomains: true }) ?? host;
  if (siteCache.size >= 20_000) siteCache.clear();
  siteCache.set(host, site);
  return site;
}
