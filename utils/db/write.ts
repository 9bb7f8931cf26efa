import { historyDb, type HistoryDB } from './database';
import type { VisitDraft } from './from-tab';
import { adKey } from './keys';
import { adInputSchema, dayOf, type Ad, type AdInput, type Contact, type Rollup } from './records';
import { applyContact, contributes } from './rollups';

/**
 * Writes visits with their contacts, signals and ads, and updates the daily rollups, in one
 * transaction with bulk puts. Idempotent: a contact already stored adds to its rollup only
 * the difference, so rewriting a visit (a restarted worker, a repeated write) never counts
 * twice. Nothing but IndexedDB is awaited inside the transaction.
 */
export async function writeVisits(db: HistoryDB, batch: readonly VisitDraft[], now: number): Promise<void> {
  // The same visit twice in one batch: its last state only (the first would be counted twice).
  const drafts = [...new Map(batch.map((d) => [d.visit.id, d])).values()];
  if (!drafts.length) return;
  const ids = drafts.flatMap((d) => d.contacts.map((c) => c.id));
  await db.transaction('rw', [db.visits, db.contacts, db.signals, db.ads, db.rollups], async () => {
    const old = await db.contacts.bulkGet(ids);
    const contacts: Contact[] = [];
    let i = 0;
    for (const d of drafts) {
      for (const draft of d.contacts) {
        const before = old[i++];
        const changed = !before || before.requests !== draft.requests || before.signals !== draft.signals;
        contacts.push({ ...draft, firstSeen: before?.firstSeen ?? now, lastSeen: changed ? now : before.lastSeen });
      }
    }
    const rollupIds = [...new Set(contacts.filter(contributes).map((c) => `${c.day}|${c.entity}`))];
    const stored = await db.rollups.bulkGet(rollupIds);
    const rollups = new Map<string, Rollup>();
    rollupIds.forEach((id, k) => {
      const r = stored[k];
      if (r) rollups.set(id, r);
    });
    contacts.forEach((c, k) => {
      if (!contributes(c)) return;
      const key = `${c.day}|${c.entity}`;
      rollups.set(key, applyContact(rollups.get(key), c, old[k]));
    });
    await db.visits.bulkPut(drafts.map((d) => d.visit));
    await db.contacts.bulkPut(contacts);
    await db.signals.bulkPut(drafts.flatMap((d) => d.signals));
    await db.ads.bulkPut(drafts.flatMap((d) => d.ads));
    await db.rollups.bulkPut([...rollups.values()]);
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
