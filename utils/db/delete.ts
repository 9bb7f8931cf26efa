import type { HistoryDB } from './database';
import { removeVisitRows } from './write';

/** Deletes the whole history. */
export async function deleteEverything(db: HistoryDB): Promise<void> {
  await db.transaction('rw', [db.visits, db.ads, db.days], async () => {
    await Promise.all([db.visits.clear(), db.ads.clear(), db.days.clear()]);
  });
}

/** Deletes every visit to one site, with everything recorded on it, and corrects the rollups. */
export async function deleteSite(db: HistoryDB, site: string): Promise<number> {
  return db.transaction('rw', [db.visits, db.ads, db.days], async () => {
    const visits = (await db.visits.where('site').equals(site).primaryKeys()) as string[];
    await deleteVisitRows(db, visits);
    return visits.length;
  });
}

/** Deletes visits by key, with their contacts, signals and ads, and corrects the rollups. */
export async function deleteVisits(db: HistoryDB, visits: string[]): Promise<void> {
  await db.transaction('rw', [db.visits, db.ads, db.days], () => deleteVisitRows(db, visits));
}

async function deleteVisitRows(db: HistoryDB, visits: string[]): Promise<void> {
  if (!visits.length) return;
  await removeVisitRows(db, visits);
  await db.ads.where('visit').anyOf(visits).delete();
}
