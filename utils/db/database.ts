import Dexie, { type EntityTable } from 'dexie';
import { contributes, rollupFromContacts } from './rollups';
import { dayOf, type Ad, type Contact, type Rollup, type SignalRecord, type Visit } from './records';

export const DB_NAME = 'targetlens-history';

/**
 * Version 1: the store as first written. Visits, contacts and signals; contacts and signals
 * had no day, and there were no rollups or ads. Kept so that its databases upgrade.
 */
export const V1_STORES = {
  visits: 'id, time, site',
  contacts: 'id, visit, entity',
  signals: 'id, visit',
};

/**
 * Version 2 (current): contacts and signals carry their visit's UTC day (and contacts its
 * site), so that retention and daily rollups need no join; rollups per company and day;
 * ad explanations.
 */
export const V2_STORES = {
  visits: 'id, time, site',
  contacts: 'id, visit, [day+entity]',
  signals: 'id, visit, day',
  ads: 'id, visit, day',
  rollups: 'id, day, entity',
};

export const DB_VERSION = 2;

export class HistoryDB extends Dexie {
  visits!: EntityTable<Visit, 'id'>;
  contacts!: EntityTable<Contact, 'id'>;
  signals!: EntityTable<SignalRecord, 'id'>;
  ads!: EntityTable<Ad, 'id'>;
  rollups!: EntityTable<Rollup, 'id'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores(V1_STORES);
    this.version(2)
      .stores(V2_STORES)
      .upgrade(async (tx) => {
        const byVisit = new Map<string, { day: number; site: string }>();
        await tx.table('visits').each((v: Visit) => byVisit.set(v.id, { day: dayOf(v.time), site: v.site }));
        const groups = new Map<string, Contact[]>();
        await tx
          .table('contacts')
          .toCollection()
          .modify((c: Contact) => {
            const v = byVisit.get(c.visit);
            c.day = v?.day ?? dayOf(c.firstSeen);
            c.site = v?.site ?? 'unknown';
            if (!contributes(c)) return;
            const key = `${c.day}|${c.entity}`;
            const list = groups.get(key);
            if (list) list.push(c);
            else groups.set(key, [c]);
          });
        await tx
          .table('signals')
          .toCollection()
          .modify((s: SignalRecord) => {
            s.day = byVisit.get(s.visit)?.day ?? 0;
          });
        const rollups: Rollup[] = [];
        for (const list of groups.values()) {
          const r = rollupFromContacts(list);
          if (r) rollups.push(r);
        }
        await tx.table('rollups').bulkPut(rollups);
      });
  }
}

let shared: HistoryDB | undefined;

/** The one database of this context, opened on first use. */
export function historyDb(): HistoryDB {
  shared ??= new HistoryDB();
  return shared;
}
