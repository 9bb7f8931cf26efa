import { HistoryDB } from '@/utils/db/database';
import { visitDraft } from '@/utils/db/from-tab';
import { allRecords } from '@/utils/db/read-records';
import { recordAds, writeVisits } from '@/utils/db/write';
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

/** Every record of every table, as an export holds them, sorted by key: for comparing whole stores. */
export async function dump(db: HistoryDB): Promise<Record<string, unknown[]>> {
  return allRecords(db);
}

/** A small history: three sites over two days, named and unnamed companies, a click id, an ad. */
export async function fill(db: HistoryDB): Promise<void> {
  const states = [
    tabState(1, 'https://www.moreau2026.org/donate?email=x', T0, [
      { key: 'company:Meta', requests: 3, hosts: ['connect.facebook.net', 'www.facebook.com'], signals: [pixel('Donate'), hashedEmail()] },
      { key: 'vendor:actblue', name: 'ActBlue', category: 'political', requests: 2, signals: [] },
    ], { page: { ...tabState(0, 'https://x.org/', 0).page, campaign: [{ platform: 'NationBuilder', evidence: 'x', origin: 'https://www.moreau2026.org' }] } }),
    tabState(2, 'https://www.lindenbakery.org/bread, "rye"', T0 + 3_600_000, [
      { key: 'site:pixel-exchange-example.net', kind: 'unknown', category: 'other', requests: 1, signals: [{ kind: 'third-party-cookie', evidence: ['uid'], provenance: 'observed', count: 1 }] },
      { key: 'company:Meta', requests: 1 },
    ]),
    tabState(3, 'https://shop.trailgear-shop.com/?gclid=1', T0 + DAY, [
      { key: 'site:trailgear-shop.com', kind: 'unknown', category: 'other', requests: 0, signals: [{ kind: 'click-id', evidence: ['gclid'], provenance: 'observed', count: 1 }] },
      { key: 'company:Google', requests: 5, signals: [pixel('conversion', 2)] },
    ]),
  ];
  const drafts = states.map((s, i) => visitDraft(s, { pathMode: i === 2 ? 'full' : 'path', title: `Title ${i}` })!);
  await writeVisits(db, drafts, T0);
  await recordAds(drafts[1]!.visit.id, [{ slot: 'div-gpt-top', sponsor: 'Moreau 2026', labels: ['political'], advertiserDomains: ['moreau2026.org'], explanation: [{ text: 'Paid for by "Moreau 2026", a campaign', provenance: 'declared' }] }], db);
}

