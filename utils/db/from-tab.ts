import type { PathMode } from '../history/settings';
import type { TabState } from '../tabs/state';
import { dayOf, type Ad, type AdInput, type PoliticalLabel, type Visit } from './records';
import { adKey, visitKey } from './keys';
import type { StoredContact, StoredSignal } from './stored';

export type ContactDraft = Omit<StoredContact, 'firstSeen' | 'lastSeen'>;

/** What one tab's current page adds to the history, before times are merged with what is stored. */
export interface VisitDraft {
  visit: Visit;
  contacts: ContactDraft[];
  signals: StoredSignal[];
  ads: Ad[];
}

/** What the political lens made of the page: its label, and its ads with why they were shown. */
export interface LensReading {
  political: PoliticalLabel | null;
  ads: AdInput[];
}

const clip = (s: string, n = 300) => (s.length > n ? s.slice(0, n) : s);

/** The page's address as far as the settings allow: never a query string unless asked for. */
export function pageLocation(url: string, mode: PathMode): { path?: string; url?: string } {
  if (mode === 'domain') return {};
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return {};
  }
  return mode === 'full' ? { path: u.pathname, url } : { path: u.pathname };
}

/**
 * The records for a tab's page, or undefined when there is nothing worth keeping (not a
 * web page). Pure: the same state gives the same records, with the same keys.
 */
export function visitDraft(state: TabState, opts: { pathMode: PathMode; title?: string; lens?: LensReading }): VisitDraft | undefined {
  if (!state.site || !/^https?:\/\//.test(state.url)) return undefined;
  const id = visitKey(state.tabId, state.startedAt);
  const time = Math.floor(state.startedAt);
  const day = dayOf(time);
  const visit: Visit = {
    id,
    site: state.site,
    ...pageLocation(state.url, opts.pathMode),
    ...(opts.title ? { title: clip(opts.title) } : {}),
    time,
    requests: state.requests,
    thirdParty: state.thirdParty,
    ...(opts.lens ? (opts.lens.political ? { political: opts.lens.political } : {}) : state.page.campaign.length ? { political: 'campaign' as const } : {}),
  };
  const ads: Ad[] = (opts.lens?.ads ?? []).map((a) => ({ id: adKey(id, a.slot), visit: id, day, ...a }));
  const contacts: ContactDraft[] = [];
  const signals: StoredSignal[] = [];
  for (const c of Object.values(state.companies)) {
    const entity = clip(c.key);
    contacts.push({
      entity,
      name: clip(c.name),
      kind: c.kind,
      party: c.key === `site:${state.site}` ? 'first' : 'third',
      category: c.category,
      requests: c.requests,
      hosts: c.hosts.slice(0, 100).map((h) => clip(h)),
      signals: c.signals.length,
    });
    for (const s of c.signals) {
      signals.push({
        entity,
        kind: s.kind,
        ...(s.detail !== undefined ? { detail: clip(s.detail) } : {}),
        evidence: s.evidence.slice(0, 100).map((e) => clip(e)),
        ...(s.fields ? { fields: s.fields.slice(0, 100) } : {}),
        provenance: s.provenance,
        count: s.count,
      });
    }
  }
  return { visit, contacts, signals, ads };
}
