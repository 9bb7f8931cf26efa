import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DB_VERSION, HistoryDB, V1_STORES } from '@/utils/db/database';
import { RECORD_SCHEMAS, TABLES } from '@/utils/db/records';

const V1 = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/db/v1.json'), 'utf8')) as Record<'visits' | 'contacts' | 'signals', { id: string }[]>;

/** Writes the fixture rows into a database at version 1, as the first Targetlens with history did. */
async function v1Database(name: string): Promise<void> {
  const old = new Dexie(name);
  old.version(1).stores(V1_STORES);
  await old.open();
  for (const t of ['visits', 'contacts', 'signals'] as const) await old.table(t).bulkAdd(V1[t]);
  expect(old.verno).toBe(1);
  old.close();
}

describe('schema upgrades', () => {
  it(`a version 1 database upgrades to version ${DB_VERSION} with zero rows lost`, async () => {
    const name = `upgrade-v1-${Math.random()}`;
    await v1Database(name);
    const db = new HistoryDB(name);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    for (const t of ['visits', 'contacts', 'signals'] as const) {
      const rows = await db.table(t).orderBy(':id').toArray();
      expect(rows.map((r) => r.id)).toEqual(V1[t].map((r) => r.id).sort());
      // Every field of every row survives; the upgrade only adds.
      for (const before of V1[t]) expect(rows.find((r) => r.id === before.id)).toMatchObject(before);
    }
    // Days come from the visit's time, contacts gain their visit's site.
    expect(await db.contacts.get('1773230400000-3|company:Google')).toMatchObject({ day: 20523, site: 'trailgear-shop.com' });
    expect(await db.signals.get('1773144000000-1|company:Meta|3tmzs0')).toMatchObject({ day: 20522 });
    // Rollups are built from the contacts; the page's own entry is not rolled up.
    expect(await db.rollups.orderBy(':id').toArray()).toEqual([
      { id: '20522|company:Meta', day: 20522, entity: 'company:Meta', name: 'Meta', category: 'advertising', sites: ['lindenbakery.org', 'moreau2026.org'], visits: 2, requests: 4, signals: 2 },
      { id: '20522|vendor:actblue', day: 20522, entity: 'vendor:actblue', name: 'ActBlue', category: 'political', sites: ['moreau2026.org'], visits: 1, requests: 2, signals: 0 },
      { id: '20523|company:Google', day: 20523, entity: 'company:Google', name: 'Google', category: 'advertising', sites: ['trailgear-shop.com'], visits: 1, requests: 5, signals: 1 },
    ]);
    // Every upgraded row is a valid current record (so it exports and imports).
    for (const t of TABLES) for (const r of await db.table(t).toArray()) expect(RECORD_SCHEMAS[t].safeParse(r).success, `${t} ${r.id}`).toBe(true);
    // The new indexes work on upgraded rows.
    expect(await db.contacts.where('[day+entity]').equals([20522, 'company:Meta']).count()).toBe(2);
    await db.delete();
  });

  it('a current database opens unchanged', async () => {
    const db = new HistoryDB(`upgrade-v2-${Math.random()}`);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    expect(db.tables.map((t) => t.name).sort()).toEqual([...TABLES].sort());
    await db.delete();
  });
});
