import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HistoryDB } from '@/utils/db/database';
import { visitDraft } from '@/utils/db/from-tab';
import { enforceRetention, isQuotaError, purgeOldest, retentionCutoff, withQuotaRetry } from '@/utils/db/retention';
import { recordAds, writeVisits } from '@/utils/db/write';
import { DAY, dump, freshDb, pixel, T0, tabState } from './fixtures';

/** One visit a day for `days` days from T0, each with Meta and a pixel, and an ad. */
async function daily(db: HistoryDB, days: number): Promise<void> {
  for (let d = 0; d < days; d++) {
    const draft = visitDraft(tabState(d, `https://site${d}.org/`, T0 + d * DAY, [{ key: 'company:Meta', requests: 1, signals: [pixel()] }]), { pathMode: 'path' })!;
    await writeVisits(db, [draft], T0 + d * DAY);
    await recordAds(draft.visit.id, [{ slot: 's', labels: [], advertiserDomains: [], explanation: [] }], db);
  }
}

describe('retention', () => {
  let db: HistoryDB;
  beforeEach(() => {
    db = freshDb();
  });
  afterEach(async () => db.delete());

  it('keeps the last N days, today included, by the clock it is given', () => {
    expect(retentionCutoff(T0, 1)).toBe(20522);
    expect(retentionCutoff(T0, 90)).toBe(20522 - 89);
  });

  it('with a fake clock: day 100 with 90 days kept purges days 0 to 10 in every table', async () => {
    await daily(db, 101);
    const now = T0 + 100 * DAY; // a fake clock, 100 days after the first visit
    await enforceRetention(db, 90, now);
    const left = await dump(db);
    const firstDay = 20522 + 11;
    expect(left.visits).toHaveLength(90);
    expect(Math.min(...(left.visits as { time: number }[]).map((v) => v.time))).toBe(T0 + 11 * DAY);
    for (const t of ['contacts', 'signals', 'ads', 'rollups'] as const) {
      expect(left[t], t).toHaveLength(90);
      expect(Math.min(...(left[t] as { day: number }[]).map((r) => r.day)), t).toBe(firstDay);
    }
    // Run again at the same time: nothing more goes. A day later, one more day goes.
    await enforceRetention(db, 90, now);
    expect(await db.visits.count()).toBe(90);
    await enforceRetention(db, 90, now + DAY);
    expect(await db.visits.count()).toBe(89);
  });

  it('on a full disk, purges the oldest quarter of the days held and retries once', async () => {
    await daily(db, 8);
    expect(await purgeOldest(db)).toBe(20522 + 2);
    expect(await db.visits.count()).toBe(6);
    const quota = Object.assign(new Error('full'), { name: 'QuotaExceededError' });
    expect(isQuotaError({ name: 'AbortError', inner: quota })).toBe(true);
    expect(isQuotaError(new Error('other'))).toBe(false);
    let calls = 0;
    const purged: number[] = [];
    const result = await withQuotaRetry(db, async () => (++calls === 1 ? Promise.reject(quota) : 'written'), (day) => void purged.push(day));
    expect(result).toBe('written');
    expect(calls).toBe(2);
    expect(purged).toEqual([20522 + 4]);
    expect(await db.visits.count()).toBe(4);
    // Other errors are not swallowed, and nothing is purged for them.
    await expect(withQuotaRetry(db, () => Promise.reject(new Error('other')), () => undefined)).rejects.toThrow('other');
    expect(await db.visits.count()).toBe(4);
  });
});
