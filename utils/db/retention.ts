import type { HistoryDB } from './database';
import { DAY_MS, dayOf } from './records';

/** The first UTC day kept when `days` days are kept, today included. */
export function retentionCutoff(now: number, days: number): number {
  return dayOf(now) - days + 1;
}

/** Deletes everything of the days before `day`, in one transaction. Whole days go, so their rollups go with them. */
export async function purgeBefore(db: HistoryDB, day: number): Promise<void> {
  await db.transaction('rw', [db.visits, db.ads, db.days], async () => {
    await db.visits.where('time').below(day * DAY_MS).delete();
    await db.ads.where('day').below(day).delete();
    await db.days.where(':id').below(day).delete();
  });
}

/** Enforces the retention period: everything older than `days` days goes. */
export function enforceRetention(db: HistoryDB, days: number, now: number): Promise<void> {
  return purgeBefore(db, retentionCutoff(now, days));
}

/**
 * When the browser refuses to store more: purges the oldest quarter of the days held (at
 * least the oldest day). Returns the first day kept, or undefined when there was nothing.
 */
export async function purgeOldest(db: HistoryDB): Promise<number | undefined> {
  const [oldest, newest] = await Promise.all([db.visits.orderBy('time').first(), db.visits.orderBy('time').last()]);
  if (!oldest || !newest) return undefined;
  const from = dayOf(oldest.time);
  const span = dayOf(newest.time) - from + 1;
  const cutoff = from + Math.max(1, Math.ceil(span / 4));
  await purgeBefore(db, cutoff);
  return cutoff;
}

export function isQuotaError(e: unknown): boolean {
  for (let x = e as { name?: string; inner?: unknown } | undefined, depth = 0; x && depth < 4; x = x.inner as typeof x, depth++) {
    if (x.name === 'QuotaExceededError') return true;
  }
  return false;
}

/**
 * Runs a write; when storage is full, purges the oldest days by policy, reports it through
 * `onPurge` and tries once more.
 */
export async function withQuotaRetry<T>(db: HistoryDB, write: () => Promise<T>, onPurge: (firstDayKept: number) => void | Promise<void>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (!isQuotaError(e)) throw e;
    const kept = await purgeOldest(db);
    if (kept === undefined) throw e;
    await onPurge(kept);
    return write();
  }
}
