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

/** Length of a lower-case http(s)/ws(s) scheme including "://", or 0. */
function schemeLength(url: string): number {
  if (url.startsWith('https://')) return 8;
  if (url.startsWith('http://')) return 7;
  if (url.startsWith('wss://')) return 6;
  if (url.startsWith('ws://')) return 5;
  return 0;
}

// Set by fastHost: where the host's port/path/query part starts.
let restStart = 0;

/**
 * The host of a plain http(s)/ws(s) URL whose host WHATWG parsing would only
 * lower-case, read in one scan; undefined for anything else (percent-escapes, userinfo,
 * IPv6, non-ASCII, backslashes, numeric hosts that WHATWG rewrites as IPv4).
 */
function fastHost(url: string): string | undefined {
  const start = schemeLength(url);
  if (!start) return undefined;
  let i = start;
  let upper = false;
  let lastDot = start - 1;
  let emptyLabel = false;
  for (; i < url.length; i++) {
    const ch = url.charCodeAt(i);
    if (ch === 0x2e /* . */) {
      if (i === lastDot + 1) emptyLabel = true;
      lastDot = i;
    } else if (ch >= 0x41 && ch <= 0x5a) upper = true;
    else if (!((ch >= 0x61 && ch <= 0x7a) || (ch >= 0x30 && ch <= 0x39) || ch === 0x2d)) break;
  }
  let end = i;
  if (url.charCodeAt(i) === 0x3a /* : */) {
    i++;
    while (i < url.length && url.charCodeAt(i) >= 0x30 && url.charCodeAt(i) <= 0x39) i++;
  }
  const next = url.charCodeAt(i);
  if (i !== url.length && next !== 0x2f && next !== 0x3f && next !== 0x23) return undefined; // / ? #
  if (lastDot === end - 1 && end > start) {
    // A trailing dot ends the host; the label before it is the last one.
    end--;
    lastDot = url.lastIndexOf('.', end - 1);
    if (lastDot < start) lastDot = start - 1;
  }
  if (end === start || emptyLabel) return undefined;
  // WHATWG reads hosts whose last label is a number (decimal or 0x…) as IPv4 addresses.
  const c0 = url.charCodeAt(lastDot + 1);
  if (c0 >= 0x30 && c0 <= 0x39) return undefined;
  restStart = i;
  const host = url.slice(start, end);
  return upper ? host.toLowerCase() : host;
}

function slowParse(url: string): ParsedUrl {
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

/** Parses what we need of a URL. Never throws; returns empty fields for what it cannot read. */
export function parseUrl(url: string): ParsedUrl {
  if (typeof url !== 'string' || url.length === 0) return EMPTY;
  const host = fastHost(url);
  if (host === undefined) return slowParse(url);
  const i = restStart;
  const hash = url.indexOf('#', i);
  const stop = hash === -1 ? url.length : hash;
  const q = url.indexOf('?', i);
  const hasQuery = q !== -1 && q < stop;
  return {
    protocol: url.slice(0, url.indexOf(':') + 1),
    host,
    path: url.slice(i, hasQuery ? q : stop) || '/',
    query: hasQuery ? url.slice(q + 1, stop) : '',
  };
}

/** Just the host of a URL, as parseUrl would give it. */
export function hostOf(url: string): string {
  if (typeof url !== 'string' || url.length === 0) return '';
  return fastHost(url) ?? slowParse(url).host;
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
