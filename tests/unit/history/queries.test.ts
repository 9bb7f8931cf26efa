import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HistoryDB } from '@/utils/db/database';
import { DayTally } from '@/utils/db/days';
import { deleteSite } from '@/utils/db/delete';
import { visitDraft } from '@/utils/db/from-tab';
import { companyTotals, recentVisits, sitesOfCompanies, visitedSites } from '@/utils/db/queries';
import { allRecords, recordCounts } from '@/utils/db/read-records';
import { dayOf } from '@/utils/db/records';
import { storeVisit } from '@/utils/db/stored';
import { writeVisits } from '@/utils/db/write';
import { DAY, fill, freshDb, pixel, T0, tabState } from './fixtures';

const D0 = dayOf(T0);

/** A visit of `url` at `time` contacting these companies (key → requests). */
const visit = (tab: number, url: string, time: number, companies: Record<string, number>) =>
  visitDraft(tabState(tab, url, time, Object.entries(companies).map(([key, requests]) => ({ key, requests, signals: key === 'company:Meta' ? [pixel()] : [] }))), { pathMode: 'path' })!;

describe('dashboard queries over the stored days', () => {
  let db: HistoryDB;
  beforeEach(() => {
    db = freshDb();
  });
  afterEach(async () => db.delete());

  it('company totals count distinct sites across days, from the given day on', async () => {
    await writeVisits(db, [
      visit(1, 'https://a-news.org/', T0, { 'company:Meta': 2, 'company:Google': 1 }),
      visit(2, 'https://a-news.org/x', T0 + DAY, { 'company:Meta': 1 }),
      visit(3, 'https://b-shop.com/', T0 + DAY, { 'company:Meta': 4 }),
      visit(4, 'https://c-blog.net/', T0 + 2 * DAY, { 'company:Google': 1 }),
    ], T0);
    expect(await companyTotals(db, D0)).toEqual([
      { entity: 'company:Meta', name: 'Meta', category: 'advertising', sites: 2, visits: 3, requests: 7, signals: 3, days: 2 },
      { entity: 'company:Google', name: 'Google', category: 'advertising', sites: 2, visits: 2, requests: 2, signals: 0, days: 2 },
    ]);
    // From the next day on, a-news.org's first visit no longer counts.
    expect((await companyTotals(db, D0 + 1)).map((t) => [t.entity, t.sites, t.visits])).toEqual([
      ['company:Meta', 2, 2],
      ['company:Google', 1, 1],
    ]);
  });

  it('counts distinct sites exactly past the width of one bit-set word', async () => {
    // 70 sites over three days, each seen twice: 70 distinct, not 140.
    const drafts = [];
    for (let i = 0; i < 140; i++) drafts.push(visit(i, `https://site${i % 70}.org/`, T0 + (i % 3) * DAY + i * 1000, { 'company:Meta': 1 }));
    await writeVisits(db, drafts, T0);
    const [meta] = await companyTotals(db, D0);
    expect(meta).toMatchObject({ sites: 70, visits: 140, days: 3 });
  });

  it('recent visits come newest first with their third parties, most requests first', async () => {
    await fill(db);
    const recent = await recentVisits(db, 2);
    expect(recent.map((r) => r.visit.site)).toEqual(['trailgear-shop.com', 'lindenbakery.org']);
    // The page's own click id is a first-party contact: not a company it talked to.
    expect(recent[0]!.companies.map((c) => c.entity)).toEqual(['company:Google']);
    expect(recent[1]!.companies.map((c) => c.name)).toEqual(['Meta', 'pixel-exchange-example.net']);
  });

  it('visited sites follow the days, and a deleted site is gone from them', async () => {
    await fill(db);
    expect(await visitedSites(db)).toEqual(['lindenbakery.org', 'moreau2026.org', 'trailgear-shop.com']);
    await deleteSite(db, 'moreau2026.org');
    expect(await visitedSites(db)).toEqual(['lindenbakery.org', 'trailgear-shop.com']);
  });

  it('the sites of companies come newest day first, at most maxSites each, and only for the companies asked', async () => {
    await writeVisits(db, [
      visit(1, 'https://old-site.org/', T0, { 'company:Meta': 1, 'company:Google': 1 }),
      visit(2, 'https://mid-site.org/', T0 + DAY, { 'company:Meta': 1 }),
      visit(3, 'https://new-site.org/', T0 + 2 * DAY, { 'company:Meta': 1 }),
    ], T0);
    expect(await sitesOfCompanies(db, ['company:Meta'])).toEqual({ Meta: ['new-site.org', 'mid-site.org', 'old-site.org'] });
    expect(await sitesOfCompanies(db, ['company:Meta'], 2)).toEqual({ Meta: ['new-site.org', 'mid-site.org'] });
    expect(await sitesOfCompanies(db, ['company:Google', 'company:Nobody'])).toEqual({ Google: ['old-site.org'] });
  });

  it('the record counts an export announces are the records it holds', async () => {
    await fill(db);
    const records = await allRecords(db);
    const counts = await recordCounts(db);
    for (const [table, rows] of Object.entries(records)) expect(counts[table as keyof typeof counts], table).toBe(rows.length);
  });

  it('a day tally that gains and loses the same visits is empty again', () => {
    const rows = [visit(1, 'https://a-news.org/', T0, { 'company:Meta': 2 }), visit(2, 'https://b-shop.com/', T0 + 1000, { 'company:Meta': 1, 'company:Google': 3 })].map((d) => storeVisit(d.visit, d.contacts.map((c) => ({ ...c, firstSeen: T0, lastSeen: T0 })), d.signals));
    const t = new DayTally(D0);
    for (const r of rows) t.apply(r, 1);
    const row = t.row()!;
    expect(row.sites).toEqual(['a-news.org', 'b-shop.com']);
    expect(row.entity).toEqual(['company:Google', 'company:Meta']);
    const again = DayTally.of(D0, row);
    expect(again.row()).toEqual(row);
    again.apply(rows[0]!, -1);
    expect(again.row()).toMatchObject({ sites: ['b-shop.com'], entity: ['company:Google', 'company:Meta'] });
    again.apply(rows[1]!, -1);
    expect(again.row()).toBeUndefined();
  });
});
