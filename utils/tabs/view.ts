import { isLearnedTracker, type LearningState } from '../engine/learning';
import { PROFILING_CATEGORIES } from '../engine/types';
import { pageView, type PageView } from './page-view';
import type { CompanyOnTab, TabState } from './state';

export type CompanyStatus = 'named' | 'listed' | 'learned' | 'unknown';

export interface CompanyView extends Omit<CompanyOnTab, 'kind'> {
  status: CompanyStatus;
  /** Could this company build or feed a profile of the person? Counted on the badge. */
  profiling: boolean;
  /** For learned trackers: how many sites we saw it handling identifiers on. */
  learnedSites?: number;
}

export interface TabView {
  tabId: number;
  url: string;
  site: string;
  startedAt: number;
  recovered: number;
  requests: number;
  thirdParty: number;
  /** Distinct companies that could profile the person on this tab. */
  profilingCount: number;
  companies: CompanyView[];
  page: PageView;
}

// Evidence of profiling whoever sends it.
const PROFILING_SIGNALS = new Set(['hashed-identity', 'plain-identity', 'id-sync']);
// Evidence only when we cannot name the company: a CDN's bot-detection cookie is not a profile.
const IDENTIFIER_SIGNALS = new Set(['identifier-in-url', 'third-party-cookie']);

/** What the popup shows for a tab: companies with their status, most important first. */
export function tabView(state: TabState, learned: LearningState, now = Date.now()): TabView {
  const companies: CompanyView[] = Object.values(state.companies).map((c) => {
    const learnedEntry = c.kind === 'named' ? undefined : learned[c.site];
    const status: CompanyStatus = c.kind === 'named' ? 'named' : isLearnedTracker(learnedEntry) ? 'learned' : c.kind;
    const profiling =
      (status === 'named' && PROFILING_CATEGORIES.has(c.category)) ||
      status === 'listed' ||
      status === 'learned' ||
      c.signals.some((s) => PROFILING_SIGNALS.has(s.kind) || (status === 'unknown' && IDENTIFIER_SIGNALS.has(s.kind)));
    const { kind: _kind, ...rest } = c;
    return { ...rest, status, profiling, learnedSites: learnedEntry?.sites.length };
  });
  companies.sort((a, b) => Number(b.profiling) - Number(a.profiling) || b.requests - a.requests || a.name.localeCompare(b.name));
  const profilingNames = new Set(companies.filter((c) => c.profiling && c.site !== state.site).map((c) => c.name));
  return {
    tabId: state.tabId,
    url: state.url,
    site: state.site,
    startedAt: state.startedAt,
    recovered: state.recovered,
    requests: state.requests,
    thirdParty: state.thirdParty,
    profilingCount: profilingNames.size,
    companies,
    page: pageView(state.page, companies, state.site, state.startedAt, now),
  };
}
