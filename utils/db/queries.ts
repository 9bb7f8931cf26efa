import type { HistoryDB } from './database';
import type { Contact, Visit } from './records';

export interface VisitWithCompanies {
  visit: Visit;
  /** Third parties contacted, most requests first. */
  companies: Pick<Contact, 'entity' | 'name' | 'category' | 'requests' | 'signals'>[];
}

/** The most recent visits with the companies each contacted: the dashboard's history list. */
export async function recentVisits(db: HistoryDB, limit = 50): Promise<VisitWithCompanies[]> {
  const visits = await db.visits.orderBy('time').reverse().limit(limit).toArray();
  const contacts = await db.contacts.where('visit').anyOf(visits.map((v) => v.id)).toArray();
  const byVisit = new Map<string, Contact[]>();
  for (const c of contacts) {
    if (c.party !== 'third') continue;
    const list = byVisit.get(c.visit);
    if (list) list.push(c);
    else byVisit.set(c.visit, [c]);
  }
  return visits.map((visit) => ({
    visit,
    companies: (byVisit.get(visit.id) ?? [])
      .sort((a, b) => b.requests - a.requests || a.name.localeCompare(b.name))
      .map(({ entity, name, category, requests, signals }) => ({ entity, name, category, requests, signals })),
  }));
}

export interface CompanyTotal {
  entity: string;
  name: string;
  category: Contact['category'];
  /** Distinct first-party sites it was contacted on. */
  sites: number;
  visits: number;
  requests: number;
  signals: number;
  days: number;
}

/** Per company, over the days from `fromDay` on: read from the daily rollups, never from contacts. */
export async function companyTotals(db: HistoryDB, fromDay: number): Promise<CompanyTotal[]> {
  const totals = new Map<string, CompanyTotal & { siteSet: Set<string> }>();
  // One getAll rather than a cursor: in Chromium every cursor step is a round trip.
  const rows = await db.rollups.where('day').aboveOrEqual(fromDay).toArray();
  for (const r of rows) {
    let t = totals.get(r.entity);
    if (!t) {
      t = { entity: r.entity, name: r.name, category: r.category, sites: 0, visits: 0, requests: 0, signals: 0, days: 0, siteSet: new Set() };
      totals.set(r.entity, t);
    }
    for (const s of r.sites) t.siteSet.add(s);
    t.visits += r.visits;
    t.requests += r.requests;
    t.signals += r.signals;
    t.days++;
  }
  return [...totals.values()]
    .map(({ siteSet, ...t }) => ({ ...t, sites: siteSet.size }))
    .sort((a, b) => b.sites - a.sites || b.visits - a.visits || a.name.localeCompare(b.name));
}

/** Every site with at least one visit, in order. */
export async function visitedSites(db: HistoryDB): Promise<string[]> {
  return (await db.visits.orderBy('site').uniqueKeys()) as string[];
}

/**
 * Company name → the sites where the history saw it receive data, for the companies with
 * these keys: what an ad network could already know about you. Read from the rollups.
 */
export async function sitesOfCompanies(db: HistoryDB, entities: readonly string[], maxSites = 20): Promise<Record<string, string[]>> {
  if (!entities.length) return {};
  const rows = await db.rollups.where('entity').anyOf([...entities]).toArray();
  const out = new Map<string, Set<string>>();
  for (const r of rows.sort((a, b) => b.day - a.day)) {
    let sites = out.get(r.name);
    if (!sites) out.set(r.name, (sites = new Set()));
    for (const s of r.sites) if (sites.size < maxSites) sites.add(s);
  }
  return Object.fromEntries([...out].map(([name, sites]) => [name, [...sites]]));
}
