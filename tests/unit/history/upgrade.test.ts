import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DB_VERSION, HistoryDB, V1_STORES, V2_STORES, V3_STORES } from '@/utils/db/database';
import { daysFromVisits } from '@/utils/db/days';
import { allRecords } from '@/utils/db/read-records';
import { RECORD_SCHEMAS, TABLES } from '@/utils/db/records';

type Rows = Record<string, { id: string }[]>;
const fixture = (v: number) => JSON.parse(readFileSync(join(import.meta.dirname, `../../fixtures/db/v${v}.json`), 'utf8')) as Rows & { version: number };
const V1 = fixture(1);
const V2 = fixture(2);

/** Writes fixture rows into a database at an earlier version, as that Targetlens did. */
async function oldDatabase(name: string, version: 1 | 2, rows: Rows): Promise<void> {
  const stores = version === 1 ? V1_STORES : V2_STORES;
  const old = new Dexie(name);
  old.version(version).stores(stores);
  await old.open();
  for (const t of Object.keys(stores)) await old.table(t).bulkAdd(rows[t]!);
  expect(old.verno).toBe(version);
  old.close();
}

const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));

describe('schema upgrades', () => {
  it(`a version 1 database upgrades to version ${DB_VERSION} with zero rows lost`, async () => {
    const name = `upgrade-v1-${Math.random()}`;
    await oldDatabase(name, 1, V1);
    const db = new HistoryDB(name);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    const now = await allRecords(db);
    for (const t of ['visits', 'contacts', 'signals'] as const) {
      expect(now[t].map((r) => r.id)).toEqual(byId(V1[t]!).map((r) => r.id));
      // Every field of every row survives; the upgrade only adds.
      for (const before of V1[t]!) expect(now[t].find((r) => r.id === before.id)).toMatchObject(before);
    }
    // Days come from the visit's time, contacts gain their visit's site.
    expect(now.contacts.find((c) => c.id === '1773230400000-3|company:Google')).toMatchObject({ day: 20523, site: 'trailgear-shop.com' });
    expect(now.signals.find((s) => s.id === '1773144000000-1|company:Meta|3tmzs0')).toMatchObject({ day: 20522 });
    // Rollups are counted from the contacts; the page's own entry is not rolled up.
    expect(now.rollups).toEqual([
      { id: '20522|company:Meta', day: 20522, entity: 'company:Meta', name: 'Meta', category: 'advertising', sites: ['lindenbakery.org', 'moreau2026.org'], visits: 2, requests: 4, signals: 2 },
      { id: '20522|vendor:actblue', day: 20522, entity: 'vendor:actblue', name: 'ActBlue', category: 'political', sites: ['moreau2026.org'], visits: 1, requests: 2, signals: 0 },
      { id: '20523|company:Google', day: 20523, entity: 'company:Google', name: 'Google', category: 'advertising', sites: ['trailgear-shop.com'], visits: 1, requests: 5, signals: 1 },
    ]);
    // Every upgraded record is a valid current record (so it exports and imports).
    for (const t of TABLES) for (const r of now[t]) expect(RECORD_SCHEMAS[t].safeParse(r).success, `${t} ${r.id}`).toBe(true);
    await db.delete();
  });

  it(`a version 2 database upgrades to version ${DB_VERSION}: every record, rollups included, is what it was`, async () => {
    const name = `upgrade-v2-${Math.random()}`;
    await oldDatabase(name, 2, V2);
    const db = new HistoryDB(name);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    const now = await allRecords(db);
    for (const t of TABLES) expect(now[t], t).toEqual(byId(V2[t]!));
    // The old tables are gone; the days agree with the visits.
    expect(db.tables.map((t) => t.name).sort()).toEqual(['ads', 'days', 'visits']);
    expect(await db.days.toArray()).toEqual(daysFromVisits(await db.visits.toArray()));
    // The indexes of the new layout work on upgraded rows.
    expect(await db.visits.where('site').equals('lindenbakery.org').count()).toBe(1);
    expect(await db.days.where(':id').aboveOrEqual(20523).count()).toBe(1);
    await db.delete();
  });

  it('a current database opens unchanged', async () => {
    const db = new HistoryDB(`upgrade-v3-${Math.random()}`);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    expect(db.tables.map((t) => t.name).sort()).toEqual(Object.entries(V3_STORES).filter(([, v]) => v !== null).map(([k]) => k).sort());
    await db.delete();
  });
});
