import { historyDb, type HistoryDB } from './database';
import { DayTally } from './days';
import type { VisitDraft } from './from-tab';
import { adKey } from './keys';
import { adInputSchema, dayOf, type Ad, type AdInput } from './records';
import { storeVisit, type StoredContact, type StoredVisit } from './stored';

/** The days' rollups after visits were taken away and added; days left empty are deleted. */
async function updateDays(db: HistoryDB, removed: readonly StoredVisit[], added: readonly StoredVisit[]): Promise<void> {
  const days = [...new Set([...removed, ...added].map((v) => dayOf(v.time)))];
  if (!days.length) return;
  const rows = await db.days.bulkGet(days);
  const tallies = new Map(days.map((d, i) => [d, DayTally.of(d, rows[i])]));
  for (const v of removed) tallies.get(dayOf(v.time))!.apply(v, -1);
  for (const v of added) tallies.get(dayOf(v.time))!.apply(v, 1);
  const puts = [...tallies.values()].map((t) => t.row());
  await db.days.bulkPut(puts.filter((r) => r !== undefined));
  await db.days.bulkDelete(days.filter((_, i) => puts[i] === undefined));
}

/**
 * Stores visit rows in place of `old` (what was stored under the same keys, read by the
 * caller in the same transaction), and moves the daily rollups by the difference: writing
 * the same row twice changes nothing. Must run in a transaction over visits and days.
 */
export async function putVisitRows(db: HistoryDB, rows: readonly StoredVisit[], old: readonly (StoredVisit | undefined)[]): Promise<void> {
  await updateDays(db, old.filter((v) => v !== undefined), rows);
  await db.visits.bulkPut([...rows]);
}

/** Deletes visit rows by key and takes them out of the rollups. Must run in a transaction over visits and days. */
export async function removeVisitRows(db: HistoryDB, keys: readonly string[]): Promise<StoredVisit[]> {
  const old = (await db.visits.bulkGet([...keys])).filter((v) => v !== undefined);
  await updateDays(db, old, []);
  await db.visits.bulkDelete(old.map((v) => v.id));
  return old;
}

/**
 * What is stored under these visit keys, in their order. Asks for the keys in their range
 * first: most visits of a batch are new, and looking up a missing row costs as much as
 * reading one.
 */
export async function storedVisits(db: HistoryDB, ids: readonly string[]): Promise<(StoredVisit | undefined)[]> {
  if (!ids.length) return [];
  const sorted = [...ids].sort();
  const present = new Set(await db.visits.where(':id').between(sorted[0]!, sorted[sorted.length - 1]!, true, true).primaryKeys());
  const found = await db.visits.bulkGet(ids.filter((id) => present.has(id)));
  const byId = new Map(found.filter((v) => v !== undefined).map((v) => [v.id, v]));
  return ids.map((id) => byId.get(id));
}

/** A draft as a row, keeping when each company was first seen, and last seen changing. */
function merge(d: VisitDraft, before: StoredVisit | undefined, now: number): StoredVisit {
  const was = new Map(before?.contacts.map((c) => [c.entity, c]));
  const contacts: StoredContact[] = d.contacts.map((c) => {
    const b = was.get(c.entity);
    const changed = !b || b.requests !== c.requests || b.signals !== c.signals;
    return { ...c, firstSeen: b?.firstSeen ?? now, lastSeen: changed ? now : b.lastSeen };
  });
  return storeVisit(d.visit, contacts, d.signals);
}

/**
 * Writes visits with their contacts, signals and ads, and updates the daily rollups, in one
 * transaction. Idempotent: a rewritten visit replaces its row and moves the rollups only
 * by what changed, so a restarted worker or a repeated write never counts twice. Nothing
 * but IndexedDB is awaited inside the transaction.
 */
export async function writeVisits(db: HistoryDB, batch: readonly VisitDraft[], now: number): Promise<void> {
  // The same visit twice in one batch: its last state only.
  const drafts = [...new Map(batch.map((d) => [d.visit.id, d])).values()];
  if (!drafts.length) return;
  await db.transaction('rw', [db.visits, db.days, db.ads], async () => {
    const old = await storedVisits(db, drafts.map((d) => d.visit.id));
    await putVisitRows(db, drafts.map((d, i) => merge(d, old[i], now)), old);
    const ads = drafts.flatMap((d) => d.ads);
    if (ads.length) await db.ads.bulkPut(ads);
  });
}

/**
 * The ads of a visit, with why each was shown (written by the political lens). Replaces
 * a slot's earlier explanation. Throws when the input is malformed or the visit unknown.
 */
export async function recordAds(visitKey: string, ads: readonly AdInput[], db: HistoryDB = historyDb()): Promise<void> {
  const parsed = ads.map((a) => adInputSchema.parse(a));
  await db.transaction('rw', [db.visits, db.ads], async () => {
    const visit = await db.visits.get(visitKey);
    if (!visit) throw new Error(`no visit ${visitKey}`);
    const day = dayOf(visit.time);
    const rows: Ad[] = parsed.map((a) => ({ id: adKey(visitKey, a.slot), visit: visitKey, day, ...a }));
    await db.ads.bulkPut(rows);
  });
}
