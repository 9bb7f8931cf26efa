import type { HistoryDB } from './database';
import { companySites, type DayRow } from './days';
import type { Contact } from './records';
import type { StoredVisit } from './stored';

export interface VisitWithCompanies {
  visit: StoredVisit;
  /** Third parties contacted, most requests first. */
  companies: Pick<Contact, 'entity' | 'name' | 'category' | 'requests' | 'signals'>[];
}

/** The most recent visits with the companies each contacted: the dashboard's history list. */
export async function recentVisits(db: HistoryDB, limit = 50): Promise<VisitWithCompanies[]> {
  const visits = await db.visits.orderBy('time').reverse().limit(limit).toArray();
  return visits.map((visit) => ({
    visit,
    companies: visit.contacts
      .filter((c) => c.party === 'third')
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

/** Per company, over the days from `fromDay` on: read from the daily rollups, never from visits. */
export async function companyTotals(db: HistoryDB, fromDay: number): Promise<CompanyTotal[]> {
  const rows = await db.days.where(':id').aboveOrEqual(fromDay).toArray();
  // Distinct sites per company over many days: sites are numbered once, and each company
  // gets a bit set over those numbers.
  const siteNo = new Map<string, number>();
  const local = rows.map((r) => r.sites.map((s) => siteNo.get(s) ?? (siteNo.set(s, siteNo.size), siteNo.size - 1)));
  const words = (siteNo.size >>> 5) + 1;
  const totals = new Map<string, Omit<CompanyTotal, 'sites'> & { bits: Uint32Array }>();
  rows.forEach((r, d) => {
    const numbers = local[d]!;
    r.entity.forEach((entity, i) => {
      let t = totals.get(entity);
      if (!t) totals.set(entity, (t = { entity, name: r.name[i]!, category: r.category[i]!, visits: 0, requests: 0, signals: 0, days: 0, bits: new Uint32Array(words) }));
      t.name = r.name[i]!;
      t.visits += r.visits[i]!;
      t.requests += r.requests[i]!;
      t.signals += r.signals[i]!;
      t.days++;
      for (let k = r.off[i]!; k < r.off[i + 1]!; k++) {
        const n = numbers[r.siteIdx[k]!]!;
        t.bits[n >>> 5]! |= 1 << (n & 31);
      }
    });
  });
  return [...totals.values()]
    .map(({ bits, ...t }) => ({ ...t, sites: bits.reduce((n, w) => n + popcount(w), 0) }))
    .sort((a, b) => b.sites - a.sites || b.visits - a.visits || a.name.localeCompare(b.name));
}

function popcount(w: number): number {
  w -= (w >>> 1) & 0x55555555;
  w = (w & 0x33333333) + ((w >>> 2) & 0x33333333);
  return (((w + (w >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Every site with at least one visit, in order: from the days' site lists. */
export async function visitedSites(db: HistoryDB): Promise<string[]> {
  // One getAll rather than a cursor: in Chromium every cursor step is a round trip.
  const sites = new Set((await db.days.toArray()).flatMap((r) => r.sites));
  return [...sites].sort();
}

/**
 * Company name → the sites where the history saw it receive data, newest day first, for
 * the companies with these keys: what an ad network could already know about you. Reads
 * the daily rollups from today backwards and stops once every company has `maxSites`.
 */
export async function sitesOfCompanies(db: HistoryDB, entities: readonly string[], maxSites = 20): Promise<Record<string, string[]>> {
  if (!entities.length) return {};
  const wanted = new Set(entities);
  const out = new Map<string, Set<string>>();
  const full = new Set<string>();
  const read = (r: DayRow) => {
    r.entity.forEach((entity, i) => {
      if (!wanted.has(entity) || full.has(entity)) return;
      const name = r.name[i]!;
      let sites = out.get(name);
      if (!sites) out.set(name, (sites = new Set()));
      for (const s of companySites(r, i)) if (sites.size < maxSites) sites.add(s);
      if (sites.size >= maxSites) full.add(entity);
    });
  };
  await db.days
    .orderBy(':id')
    .reverse()
    .until(() => full.size === wanted.size)
    .each(read);
  return Object.fromEntries([...out].map(([name, sites]) => [name, [...sites]]));
}
