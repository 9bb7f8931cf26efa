import type { HistoryDB } from './database';
import { recomputeRollups } from './rollups';

/** Deletes the whole history. */
export async function deleteEverything(db: HistoryDB): Promise<void> {
  await db.transaction('rw', [db.visits, db.contacts, db.signals, db.ads, db.rollups], async () => {
  await Promise.all([db.visits.clear(), db.contacts.clear(), db.signals.clear(), db.ads.clear(), db.rollups.clear()]);
  });
}

/** Deletes every visit to one site, with everything recorded on it, and corrects the rollups. */
export async function deleteSite(db: HistoryDB, site: string): Promise<number> {
  return db.transaction('rw', [db.visits, db.contacts, db.signals, db.ads, db.rollups], async () => {
    const visits = await db.visits.where('site').equals(site).primaryKeys();
    await deleteVisitRows(db, visits);
    return visits.length;
  });
}

/** Deletes visits by key, with their contacts, signals and ads, and corrects the rollups. */
export async function deleteVisits(db: HistoryDB, visits: string[]): Promise<void> {
  await db.transaction('rw', [db.visits, db.contacts, db.signals, db.ads, db.rollups], () => deleteVisitRows(db, visits));
}

async function deleteVisitRows(db: HistoryDB, visits: string[]): Promise<void> {
  if (!visits.length) return;
  const contacts = await db.contacts.where('visit').anyOf(visits).toArray();
  await db.contacts.bulkDelete(contacts.map((c) => c.id));
  await db.signals.where('visit').anyOf(visits).delete();
  await db.ads.where('visit').anyOf(visits).delete();
  await db.visits.bulkDelete(visits);
  await recomputeRollups(db.contacts, db.rollups, contacts.map((c) => [c.day, c.entity] as const));
}
