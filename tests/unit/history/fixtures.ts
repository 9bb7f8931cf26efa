import { HistoryDB } from '@/utils/db/database';
import { TABLES } from '@/utils/db/records';
import type { Signal } from '@/utils/engine/types';
import { newTab, type CompanyOnTab, type TabState } from '@/utils/tabs/state';

let n = 0;
/** A fresh, empty database under a name no other test uses. */
export function freshDb(): HistoryDB {
  return new HistoryDB(`test-history-${process.pid}-${++n}-${Math.random().toString(36).slice(2)}`);
}

export const DAY = 86_400_000;
/** 2026-03-10 12:00 UTC. */
export const T0 = Date.UTC(2026, 2, 10, 12);

type CompanySpec = Partial<CompanyOnTab> & { key: string; signals?: (Signal & { count: number })[] };

/** A tab state as the background builds it, with the given third-party companies. */
export function tabState(tabId: number, url: string, startedAt: number, companies: CompanySpec[] = [], extra: Partial<TabState> = {}): TabState {
  const s = newTab(tabId, url, startedAt);
  for (const c of companies) {
    s.companies[c.key] = {
      name: c.key.replace(/^\w+:/, ''),
      kind: 'named',
      category: 'advertising',
      products: [],
      site: c.key.replace(/^\w+:/, ''),
      requests: 1,
      hosts: [],
      signals: [],
      ...c,
    };
  }
  s.requests = Object.values(s.companies).reduce((k, c) => k + c.requests, 0) + 1;
  s.thirdParty = s.requests - 1;
  return Object.assign(s, extra);
}

export const pixel = (detail = 'PageView', count = 1): Signal & { count: number } => ({ kind: 'pixel-event', evidence: ['ev'], detail, provenance: 'observed', count });
export const hashedEmail = (count = 1): Signal & { count: number } => ({ kind: 'hashed-identity', evidence: ['ud[em]'], fields: ['email'], provenance: 'observed', count });

/** Every row of every table, sorted by key: for comparing whole stores. */
export async function dump(db: HistoryDB): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of TABLES) out[t] = await db.table(t).orderBy(':id').toArray();
  return out;
}
