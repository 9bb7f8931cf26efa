import { CATEGORY_RANK, type Category } from '../engine/types';
import { rollupKey } from './keys';
import { dayOf, type Rollup } from './records';
import type { StoredVisit } from './stored';

/**
 * The daily rollups of one UTC day, stored as one row: the sites visited that day, and for
 * each third-party company its visits, requests, signals and the sites it was seen on.
 * Exports show it as one rollup record per company and day (`rollupRecords`).
 *
 * The row is columnar: company i is entity[i], name[i] … and its sites are
 * sites[siteIdx[k]] for k in off[i] … off[i+1] - 1, seen on siteHits[k] visits. Typed arrays
 * are copied whole by IndexedDB's structured clone, where an object or a string per entry
 * costs time on every write and read; reading 90 such days for the dashboard takes tens of
 * milliseconds instead of seconds. Counts per site make deletions exact: a deleted visit is
 * subtracted, nothing has to be recomputed.
 */
export interface DayRow {
  day: number;
  /** Sites with at least one visit that day, sorted. */
  sites: string[];
  /** Visits per site. */
  siteVisits: Uint32Array;
  /** Contacts and signals of the day's visits, first parties included: what an export of the day holds. */
  contactCount: number;
  signalCount: number;
  /** Third-party companies, sorted by key. */
  entity: string[];
  name: string[];
  category: Category[];
  visits: Uint32Array;
  requests: Uint32Array;
  signals: Uint32Array;
  off: Uint32Array;
  siteIdx: Uint32Array;
  siteHits: Uint32Array;
}

interface CompanyDay {
  name: string;
  category: Category;
  visits: number;
  requests: number;
  signals: number;
  /** Site → visits of that site on which the company was contacted. */
  sites: Map<string, number>;
}

function better(a: Category, b: Category): Category {
  return CATEGORY_RANK.indexOf(b) < CATEGORY_RANK.indexOf(a) ? b : a;
}

function bump(map: Map<string, number>, key: string, by: number): void {
  const n = (map.get(key) ?? 0) + by;
  if (n > 0) map.set(key, n);
  else map.delete(key);
}

const sorted = <T>(m: Map<string, T>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** A day's rollups being changed: read from its row, visits added or taken away, written back. */
export class DayTally {
  readonly sites = new Map<string, number>();
  readonly companies = new Map<string, CompanyDay>();
  contactCount = 0;
  signalCount = 0;

  constructor(readonly day: number) {}

  static of(day: number, row: DayRow | undefined): DayTally {
    const t = new DayTally(day);
    if (!row) return t;
    row.sites.forEach((s, k) => t.sites.set(s, row.siteVisits[k]!));
    t.contactCount = row.contactCount;
    t.signalCount = row.signalCount;
    row.entity.forEach((entity, i) => {
      const sites = new Map<string, number>();
      for (let k = row.off[i]!; k < row.off[i + 1]!; k++) sites.set(row.sites[row.siteIdx[k]!]!, row.siteHits[k]!);
      t.companies.set(entity, { name: row.name[i]!, category: row.category[i]!, visits: row.visits[i]!, requests: row.requests[i]!, signals: row.signals[i]!, sites });
    });
    return t;
  }

  /**
   * Adds a visit (sign 1) or takes it away (sign -1). Only third parties are rolled up: the
   * first-party entries are the sites themselves. Taking away keeps the name and category,
   * which the visits still counted gave.
   */
  apply(v: StoredVisit, sign: 1 | -1): void {
    bump(this.sites, v.site, sign);
    this.contactCount = Math.max(0, this.contactCount + sign * v.contacts.length);
    this.signalCount = Math.max(0, this.signalCount + sign * v.signals.length);
    for (const c of v.contacts) {
      if (c.party !== 'third') continue;
      let d = this.companies.get(c.entity);
      if (!d) {
        if (sign < 0) continue;
        d = { name: c.name, category: c.category, visits: 0, requests: 0, signals: 0, sites: new Map() };
        this.companies.set(c.entity, d);
      }
      if (sign > 0) {
        d.name = c.name;
        d.category = better(d.category, c.category);
      }
      d.visits += sign;
      d.requests = Math.max(0, d.requests + sign * c.requests);
      d.signals = Math.max(0, d.signals + sign * c.signals);
      bump(d.sites, v.site, sign);
      if (d.visits <= 0) this.companies.delete(c.entity);
    }
  }

  /** The row to store, or undefined when the day holds nothing any more. */
  row(): DayRow | undefined {
    if (!this.sites.size) return undefined;
    const sites = sorted(this.sites);
    const index = new Map(sites.map(([s], k) => [s, k]));
    const companies = sorted(this.companies);
    const off = new Uint32Array(companies.length + 1);
    const siteIdx: number[] = [];
    const siteHits: number[] = [];
    companies.forEach(([, d], i) => {
      for (const [s, n] of sorted(d.sites)) {
        // A company's site is always one of the day's sites; a damaged row may say otherwise.
        const k = index.get(s);
        if (k === undefined) continue;
        siteIdx.push(k);
        siteHits.push(n);
      }
      off[i + 1] = siteIdx.length;
    });
    return {
      day: this.day,
      sites: sites.map(([s]) => s),
      siteVisits: Uint32Array.from(sites, ([, n]) => n),
      contactCount: this.contactCount,
      signalCount: this.signalCount,
      entity: companies.map(([e]) => e),
      name: companies.map(([, d]) => d.name),
      category: companies.map(([, d]) => d.category),
      visits: Uint32Array.from(companies, ([, d]) => d.visits),
      requests: Uint32Array.from(companies, ([, d]) => d.requests),
      signals: Uint32Array.from(companies, ([, d]) => d.signals),
      off,
      siteIdx: Uint32Array.from(siteIdx),
      siteHits: Uint32Array.from(siteHits),
    };
  }
}

/** The sites company i of a day row was seen on, sorted. */
export function companySites(row: DayRow, i: number): string[] {
  const out: string[] = [];
  for (let k = row.off[i]!; k < row.off[i + 1]!; k++) out.push(row.sites[row.siteIdx[k]!]!);
  return out;
}

/** A day row as the export's rollup records: one per company, by key. */
export function rollupRecords(row: DayRow): Rollup[] {
  return row.entity.map((entity, i) => ({
    id: rollupKey(row.day, entity),
    day: row.day,
    entity,
    name: row.name[i]!,
    category: row.category[i]!,
    sites: companySites(row, i),
    visits: row.visits[i]!,
    requests: row.requests[i]!,
    signals: row.signals[i]!,
  }));
}

/** The day rows of a set of visits, computed from nothing: for upgrades and checks. */
export function daysFromVisits(visits: Iterable<StoredVisit>): DayRow[] {
  const tallies = new Map<number, DayTally>();
  for (const v of visits) {
    const day = dayOf(v.time);
    let t = tallies.get(day);
    if (!t) tallies.set(day, (t = new DayTally(day)));
    t.apply(v, 1);
  }
  return [...tallies.values()].flatMap((t) => t.row() ?? []).sort((a, b) => a.day - b.day);
}
