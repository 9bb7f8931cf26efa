import Dexie, { type EntityTable } from 'dexie';
import { daysFromVisits, type DayRow } from './days';
import type { Ad, Contact, SignalRecord, Visit } from './records';
import { storedContact, storedSignal, storeVisit, type StoredVisit } from './stored';

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
 * Version 2: contacts and signals with their visit's day (and contacts its site), a rollup
 * row per company and day, ad explanations. A row per company per visit was too slow to
 * write and read at scale (README, "History store").
 */
export const V2_STORES = {
  visits: 'id, time, site',
  contacts: 'id, visit, [day+entity]',
  signals: 'id, visit, day',
  ads: 'id, visit, day',
  rollups: 'id, day, entity',
};

/**
 * Version 3 (current): a visit is one row with its contacts and signals inside
 * (`stored.ts`), and each day's rollups are one row (`days.ts`). Contacts, signals and
 * rollups are still what an export holds, as views of these rows.
 */
export const V3_STORES = {
  visits: 'id, time, site',
  ads: 'id, visit, day',
  days: 'day',
  contacts: null,
  signals: null,
  rollups: null,
};

export const DB_VERSION = 3;

function group<T extends { visit: string }>(map: Map<string, T[]>, row: T): void {
  const list = map.get(row.visit);
  if (list) list.push(row);
  else map.set(row.visit, [row]);
}

export class HistoryDB extends Dexie {
  visits!: EntityTable<StoredVisit, 'id'>;
  ads!: EntityTable<Ad, 'id'>;
  days!: EntityTable<DayRow, 'day'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores(V1_STORES);
    this.version(2).stores(V2_STORES);
    // From version 1 or 2: each visit takes in its contacts and signals, and the days are
    // counted from the visits (version 2's rollups came from the same contacts). Contacts
    // and signals whose visit is gone could not be exported or seen, and are dropped.
    this.version(3)
      .stores(V3_STORES)
      .upgrade(async (tx) => {
        const contacts = new Map<string, Contact[]>();
        const signals = new Map<string, SignalRecord[]>();
        await tx.table('contacts').each((c: Contact) => group(contacts, c));
        await tx.table('signals').each((s: SignalRecord) => group(signals, s));
        const visits: StoredVisit[] = [];
        await tx.table('visits').each((v: Visit) => visits.push(storeVisit(v, (contacts.get(v.id) ?? []).map(storedContact), (signals.get(v.id) ?? []).map(storedSignal))));
        await tx.table('visits').bulkPut(visits);
        await tx.table('days').bulkPut(daysFromVisits(visits));
      });
  }
}

let shared: HistoryDB | undefined;

/** The one database of this context, opened on first use. */
export function historyDb(): HistoryDB {
  shared ??= new HistoryDB();
  return shared;
}
