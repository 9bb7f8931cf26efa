import { contactKey, signalKey } from './keys';
import { dayOf, type Contact, type SignalRecord, type Visit } from './records';

/**
 * How a visit is stored: one row holding the companies it contacted and the signals they
 * received. The exported records (visit, contact, signal) are views of this row; their keys
 * and the fields they share with the visit (visit, day, site) are derived, never stored.
 *
 * Why one row: in Chromium every IndexedDB row costs about the same, however small, so a
 * row per company per visit made ingest twenty times slower than a row per visit
 * (README, "History store").
 */
export type StoredContact = Omit<Contact, 'id' | 'visit' | 'day' | 'site'>;
export type StoredSignal = Omit<SignalRecord, 'id' | 'visit' | 'day'>;

export interface StoredVisit extends Visit {
  /** By entity key. */
  contacts: StoredContact[];
  /** By entity key, then signal key. */
  signals: StoredSignal[];
}

const byKey = <T>(key: (x: T) => string) => (a: T, b: T) => {
  const ka = key(a);
  const kb = key(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

/** A visit row with its contacts and signals. Later entries with the same key win, as puts would. */
export function storeVisit(visit: Visit, contacts: Iterable<StoredContact>, signals: Iterable<StoredSignal>): StoredVisit {
  const cs = new Map<string, StoredContact>();
  for (const c of contacts) cs.set(c.entity, c);
  const ss = new Map<string, StoredSignal>();
  for (const s of signals) ss.set(signalKey(visit.id, s.entity, s), s);
  const { contacts: _c, signals: _s, ...plain } = visit as StoredVisit;
  return {
    ...plain,
    contacts: [...cs.values()].sort(byKey((c) => c.entity)),
    signals: [...ss.entries()].sort(byKey(([k]) => k)).map(([, s]) => s),
  };
}

/** A contact record as it is kept inside its visit (also a version 1 row, which had no day or site). */
export function storedContact(c: Omit<Contact, 'day' | 'site'> & Partial<Contact>): StoredContact {
  const { id: _i, visit: _v, day: _d, site: _s, ...rest } = c;
  return rest;
}

export function storedSignal(s: Omit<SignalRecord, 'day'> & Partial<SignalRecord>): StoredSignal {
  const { id: _i, visit: _v, day: _d, ...rest } = s;
  return rest;
}

/** The visit record of a stored visit: without its contacts and signals. */
export function visitRecord(row: StoredVisit): Visit {
  const { contacts: _c, signals: _s, ...visit } = row;
  return visit;
}

export function contactRecords(row: StoredVisit): Contact[] {
  const day = dayOf(row.time);
  return row.contacts.map((c) => ({ id: contactKey(row.id, c.entity), visit: row.id, day, site: row.site, ...c }));
}

export function signalRecords(row: StoredVisit): SignalRecord[] {
  const day = dayOf(row.time);
  return row.signals.map((s) => ({ id: signalKey(row.id, s.entity, s), visit: row.id, day, ...s }));
}
