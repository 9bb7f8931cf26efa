import { CATEGORY_RANK, type Category, type Classification, type Entity, type Signal } from '../engine/types';
import { siteOf, parseUrl } from '../engine/url';
import { MAX_PAGE_URL } from '../limits';
import { emptyFindings, type PageFindings } from './page-findings';
import { shortHash } from './hash';
import type { AdsOnTab } from '../ads/state';
import type { PageText } from '../engine/political/page-text';

const MAX_SEEN = 3000;
const MAX_HOSTS = 1000;
const MAX_COMPANIES = 400;
const MAX_SIGNALS = 40;

export type CompanyKind = 'named' | 'listed' | 'unknown';

export interface SignalOnTab extends Signal {
  count: number;
}

export interface CompanyOnTab {
  key: string;
  name: string;
  /** Who runs it, when that differs from the name (NationBuilder → 3DNA Corp.). */
  owner?: string;
  kind: CompanyKind;
  category: Category;
  political?: Entity['political'];
  /** The products of this company seen on the page (Google Tag Manager, Google/Doubleclick Ads …). */
  products: string[];
  /** Registrable domain, for companies we cannot name. */
  site: string;
  requests: number;
  hosts: string[];
  signals: SignalOnTab[];
}

export interface HostOnTab {
  requests: number;
  party: 'first' | 'third';
  company?: string;
}

export interface TabState {
  v: 3;
  tabId: number;
  url: string;
  site: string;
  startedAt: number;
  /** performance.timeOrigin of the top document, once its content script reported. */
  timeOrigin?: number;
  /** Requests we learned of from the page's own Resource Timing, having missed them live. */
  recovered: number;
  requests: number;
  thirdParty: number;
  /** Per frame and URL: [seen by webRequest, seen by Resource Timing]. */
  seen: Record<string, [number, number]>;
  /** Number of keys in `seen`, kept so the hot path need not count them. */
  seenKeys: number;
  hosts: Record<string, HostOnTab>;
  companies: Record<string, CompanyOnTab>;
  /** What the page itself revealed to the probe (consent, auctions, fingerprinting …). */
  page: PageFindings;
  /** The top document's title, headings, meta and text, for the political-page classifier. */
  pageText?: PageText;
  /** The page's ad slots and what their frames say about themselves. */
  ads?: AdsOnTab;
}

export function newTab(tabId: number, url: string, now: number): TabState {
  return {
    v: 3,
    tabId,
    url: url.slice(0, MAX_PAGE_URL),
    site: siteOf(parseUrl(url).host),
    startedAt: now,
    recovered: 0,
    requests: 0,
    thirdParty: 0,
    seen: {},
    seenKeys: 0,
    hosts: {},
    companies: {},
    page: emptyFindings(),
  };
}


function companyKey(c: Classification): { key: string; init: Omit<CompanyOnTab, 'requests' | 'hosts' | 'signals' | 'products'> } {
  const e = c.entity;
  if (e?.political) {
    return { key: `vendor:${e.id}`, init: { key: `vendor:${e.id}`, name: e.name, owner: e.company !== e.name ? e.company : undefined, kind: 'named', category: 'political', political: e.political, site: c.site } };
  }
  if (e) {
    return { key: `company:${e.company}`, init: { key: `company:${e.company}`, name: e.company, kind: 'named', category: e.category, site: c.site } };
  }
  return {
    key: `site:${c.site}`,
    init: { key: `site:${c.site}`, name: c.site, kind: c.listed ? 'listed' : 'unknown', category: c.listed === 'advertising' ? 'advertising' : 'other', site: c.site },
  };
}

function signalKey(s: Signal): string {
  return `${s.kind}|${s.detail ?? ''}|${s.evidence.join(',')}`;
}

/** Adds signals to a company on this tab, merging repeats into a count. */
export function addSignals(company: CompanyOnTab, signals: readonly Signal[], times = 1): boolean {
  let changed = false;
  for (const s of signals) {
    const key = signalKey(s);
    const existing = company.signals.find((x) => signalKey(x) === key);
    if (existing) existing.count += times;
    else if (company.signals.length < MAX_SIGNALS) company.signals.push({ ...s, count: times });
    else continue;
    changed = true;
  }
  return changed;
}

function companyFor(state: TabState, c: Classification): CompanyOnTab | undefined {
  const { key, init } = companyKey(c);
  let company = state.companies[key];
  if (!company) {
    if (Object.keys(state.companies).length >= MAX_COMPANIES) return undefined;
    company = state.companies[key] = { ...init, requests: 0, hosts: [], signals: [], products: [] };
  }
  if (c.entity && !c.entity.political && !company.products.includes(c.entity.name)) {
    company.products.push(c.entity.name);
    const rank = (x: Category) => CATEGORY_RANK.indexOf(x);
    if (rank(c.entity.category) < rank(company.category)) company.category = c.entity.category;
  }
  if (!c.entity && c.listed && company.kind === 'unknown') company.kind = 'listed';
  return company;
}

/** Counts `times` requests to a classified URL. Returns the company it went to, if third party. */
function count(state: TabState, c: Classification, times: number, withSignals: boolean): CompanyOnTab | undefined {
  state.requests += times;
  const host = c.host || '(no host)';
  let h = state.hosts[host];
  if (!h && Object.keys(state.hosts).length < MAX_HOSTS) h = state.hosts[host] = { requests: 0, party: c.party };
  if (h) h.requests += times;
  if (c.party === 'first') {
    if (withSignals && c.signals.length) {
      // Click ids on the page's own URL: attributed to the page, shown by the popup.
      const self = companyFor(state, { ...c, party: 'third', entity: undefined, listed: undefined, site: state.site });
      if (self) {
        self.kind = 'unknown';
        addSignals(self, c.signals, times);
      }
    }
    return undefined;
  }
  state.thirdParty += times;
  const company = companyFor(state, c);
  if (!company) return undefined;
  if (h) h.company = company.key;
  company.requests += times;
  if (!company.hosts.includes(host) && company.hosts.length < 50) company.hosts.push(host);
  if (withSignals) addSignals(company, c.signals, times);
  return company;
}

/**
 * One request seen by webRequest. Returns the company it went to when it was counted
 * now (third parties only).
 */
export function recordRequest(state: TabState, frameId: number, url: string, c: Classification): CompanyOnTab | undefined {
  const key = shortHash(`${frameId}|${url}`);
  const pair = state.seen[key];
  if (!pair && state.seenKeys >= MAX_SEEN) return count(state, c, 1, true);
  if (!pair) state.seenKeys++;
  const [wr, rt] = pair ?? [0, 0];
  state.seen[key] = [wr + 1, rt];
  const added = Math.max(wr + 1, rt) - Math.max(wr, rt);
  // When Resource Timing reported this request first, it was counted (with its URL's
  // signals) then.
  return added ? count(state, c, added, true) : undefined;
}

/**
 * What the page's Resource Timing says a frame loaded. Counts are cumulative, so a report
 * seen twice, or overlapping what webRequest saw, adds only the difference.
 */
export function recordTiming(state: TabState, frameId: number, url: string, reported: number, classify: () => Classification): number {
  const key = shortHash(`${frameId}|${url}`);
  const pair = state.seen[key];
  if (!pair && state.seenKeys >= MAX_SEEN) return 0;
  const [wr, rt] = pair ?? [0, 0];
  if (reported <= rt) return 0;
  if (!pair) state.seenKeys++;
  state.seen[key] = [wr, reported];
  const added = Math.max(wr, reported) - Math.max(wr, rt);
  if (added > 0) {
    // Resource Timing has the URL only: no body, no headers. Signals from the URL still count.
    count(state, classify(), added, true);
    state.recovered += added;
  }
  return added;
}

export function addCookieSignal(state: TabState, c: Classification, signal: Signal): boolean {
  if (c.party !== 'third') return false;
  const company = companyFor(state, c);
  return company ? addSignals(company, [signal]) : false;
}
