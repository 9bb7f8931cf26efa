import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HistoryDB } from '@/utils/db/database';
import { deleteEverything, deleteSite, deleteVisits } from '@/utils/db/delete';
import { visitDraft } from '@/utils/db/from-tab';
import { daysFromVisits } from '@/utils/db/days';
import { recordAds, writeVisits } from '@/utils/db/write';
import { dump, freshDb, hashedEmail, pixel, T0, tabState } from './fixtures';

const draft = (s: Parameters<typeof visitDraft>[0], pathMode: 'domain' | 'path' | 'full' = 'path') => visitDraft(s, { pathMode, title: 'A page' })!;

describe('writing visits', () => {
  let db: HistoryDB;
  beforeEach(() => {
    db = freshDb();
  });
  afterEach(async () => db.delete());

  it('stores the visit, its contacts and signals, with the path but never the query', async () => {
    const s = tabState(3, 'https://www.moreau2026.org/donate?email=a@b.c#x', T0, [{ key: 'company:Meta', requests: 4, hosts: ['connect.facebook.net'], signals: [pixel(), hashedEmail()] }]);
    await writeVisits(db, [draft(s)], T0 + 1000);
    const [visit] = await db.visits.toArray();
    expect(visit).toMatchObject({ site: 'moreau2026.org', path: '/donate', title: 'A page', time: T0 });
    expect(visit!.url).toBeUndefined();
    expect(JSON.stringify(await dump(db))).not.toContain('a@b.c');
    const { contacts, signals } = await dump(db);
    expect(contacts).toEqual([expect.objectContaining({ entity: 'company:Meta', party: 'third', requests: 4, signals: 2, firstSeen: T0 + 1000, lastSeen: T0 + 1000, day: 20522, site: 'moreau2026.org' })]);
    expect(signals).toHaveLength(2);
    // One row: the visit holds its contacts and signals.
    expect(visit!.contacts).toHaveLength(1);
    expect(visit!.signals).toHaveLength(2);
  });

  it('keeps only the site in domain mode and the whole URL in full mode', async () => {
    const url = 'https://www.moreau2026.org/donate?ref=x';
    await writeVisits(db, [draft(tabState(1, url, T0), 'domain')], T0);
    await writeVisits(db, [draft(tabState(2, url, T0), 'full')], T0);
    const [domain, full] = await db.visits.orderBy('id').toArray();
    expect(domain!.path).toBeUndefined();
    expect(domain!.url).toBeUndefined();
    expect(full).toMatchObject({ path: '/donate', url });
  });

  it('skips pages that are not web pages', () => {
    expect(visitDraft(tabState(1, 'chrome://newtab/', T0), { pathMode: 'path' })).toBeUndefined();
  });

  it('writing the same visit again, or a grown visit, never counts twice', async () => {
    const s = tabState(3, 'https://www.moreau2026.org/', T0, [{ key: 'company:Meta', requests: 2 }, { key: 'company:Google', requests: 1 }]);
    await writeVisits(db, [draft(s)], T0);
    await writeVisits(db, [draft(s)], T0 + 5000);
    const rollup = async (id: string) => (await dump(db)).rollups!.find((r) => (r as { id: string }).id === id);
    let meta = await rollup('20522|company:Meta');
    expect(meta).toMatchObject({ visits: 1, requests: 2, sites: ['moreau2026.org'] });
    // The page goes on making requests: the rewrite replaces the contact, the rollup follows.
    s.companies['company:Meta']!.requests = 7;
    s.companies['company:Meta']!.signals.push(pixel());
    await writeVisits(db, [draft(s), draft(s)], T0 + 9000);
    meta = await rollup('20522|company:Meta');
    expect(meta).toMatchObject({ visits: 1, requests: 7, signals: 1 });
    const { contacts } = await dump(db);
    expect(contacts!.find((c) => (c as { id: string }).id === `${Math.floor(T0)}-3|company:Meta`)).toMatchObject({ firstSeen: T0, lastSeen: T0 + 9000 });
    expect(contacts).toHaveLength(2);
    expect(await db.visits.count()).toBe(1);
  });

  it('incremental rollups equal rollups counted afresh from the visits', async () => {
    const sites = ['https://a-news.org/', 'https://b-shop.com/x', 'https://a-news.org/y'];
    for (let i = 0; i < 9; i++) {
      const s = tabState(i, sites[i % 3]!, T0 + i * 3_600_000, [{ key: 'company:Meta', requests: i + 1, signals: i % 2 ? [pixel()] : [] }, { key: `site:tracker${i % 2}.net`, kind: 'unknown', category: 'other', requests: 1 }]);
      await writeVisits(db, [draft(s)], T0);
      if (i % 3 === 0) await writeVisits(db, [draft(s)], T0); // repeated writes
    }
    const incremental = (await dump(db)).rollups as { entity: string; day: number }[];
    expect(incremental.find((r) => r.entity === 'company:Meta' && r.day === 20522)).toMatchObject({ sites: ['a-news.org', 'b-shop.com'], visits: 9 });
    // Delete two visits and write one back: still what counting afresh gives.
    await deleteVisits(db, [`${Math.floor(T0)}-0`, `${Math.floor(T0 + 4 * 3_600_000)}-4`]);
    const s4 = tabState(4, sites[1]!, T0 + 4 * 3_600_000, [{ key: 'company:Meta', requests: 5 }]);
    await writeVisits(db, [draft(s4)], T0);
    expect(await db.days.toArray()).toEqual(daysFromVisits(await db.visits.toArray()));
    expect((await dump(db)).rollups!.find((r) => (r as { entity: string }).entity === 'company:Meta')).toMatchObject({ visits: 8, sites: ['a-news.org', 'b-shop.com'] });
  });

  it('the page itself (click ids in its URL) is a first-party contact and not rolled up', async () => {
    const s = tabState(1, 'https://shop.example.com/?gclid=x', T0, [{ key: 'site:example.com', kind: 'unknown', category: 'other', signals: [{ kind: 'click-id', evidence: ['gclid'], provenance: 'observed', count: 1 }] }]);
    await writeVisits(db, [draft(s)], T0);
    const { contacts, rollups } = await dump(db);
    expect(contacts).toEqual([expect.objectContaining({ party: 'first' })]);
    expect(rollups).toEqual([]);
    // The day still lists the site, for "delete this site".
    expect((await db.days.toArray())[0]!.sites).toEqual(['example.com']);
  });

  it('deleting one site removes its visits, contacts, signals and ads and corrects the rollups', async () => {
    const a = tabState(1, 'https://a-news.org/', T0, [{ key: 'company:Meta', requests: 2, signals: [pixel()] }]);
    const b = tabState(2, 'https://b-shop.com/', T0 + 1000, [{ key: 'company:Meta', requests: 3 }]);
    await writeVisits(db, [draft(a), draft(b)], T0);
    await recordAds(draft(a).visit.id, [{ slot: 'top', labels: [], advertiserDomains: ['moreau2026.org'], explanation: [{ text: 'x', provenance: 'declared' }] }], db);
    expect(await deleteSite(db, 'a-news.org')).toBe(1);
    const rest = await dump(db);
    expect(JSON.stringify(rest)).not.toContain('a-news.org');
    expect(rest.ads).toEqual([]);
    expect(rest.signals).toEqual([]);
    expect(rest.rollups).toEqual([expect.objectContaining({ entity: 'company:Meta', sites: ['b-shop.com'], visits: 1, requests: 3 })]);
    expect((await db.days.toArray()).flatMap((d) => d.sites)).toEqual(['b-shop.com']);
    await deleteEverything(db);
    expect(Object.values(await dump(db)).flat()).toEqual([]);
  });

  it('recordAds validates its input and needs a known visit', async () => {
    await expect(recordAds('nope', [], db)).rejects.toThrow('no visit');
    const a = draft(tabState(1, 'https://a-news.org/', T0));
    await writeVisits(db, [a], T0);
    await expect(recordAds(a.visit.id, [{ slot: '', labels: [], advertiserDomains: [], explanation: [] }], db)).rejects.toThrow();
    await recordAds(a.visit.id, [{ slot: 'top', sponsor: 'Moreau 2026', labels: ['political'], advertiserDomains: [], explanation: [{ text: 'Paid for by Moreau 2026', provenance: 'declared' }] }], db);
    expect(await db.ads.get(`${a.visit.id}|top`)).toMatchObject({ day: 20522, sponsor: 'Moreau 2026' });
  });
});
