import type { HistoryDB } from './database';
import { rollupRecords, type DayRow } from './days';
import { TABLES, type RecordOf, type TableName } from './records';
import { contactRecords, signalRecords, visitRecord, type StoredVisit } from './stored';

/** Rows of a table in key order, a page at a time, each page read in its own short transaction. */
async function* rowPages<R>(db: HistoryDB, table: 'visits' | 'ads' | 'days', size: number): AsyncGenerator<R[]> {
  let last: string | number | undefined;
  for (;;) {
    const t = db.table<R, string | number>(table);
    const rows = last === undefined ? await t.orderBy(':id').limit(size).toArray() : await t.where(':id').above(last).limit(size).toArray();
    if (!rows.length) return;
    yield rows;
    if (rows.length < size) return;
    const end = rows[rows.length - 1] as { id?: string; day?: number };
    last = table === 'days' ? end.day : end.id;
  }
}

/**
 * The records of one table as an export holds them, read page by page from the stored rows
 * so that memory stays flat: visits, contacts and signals from the visit rows (in visit
 * order), rollups from the day rows (by day, then company).
 */
export async function* recordPages<T extends TableName>(db: HistoryDB, table: T, size = 2000): AsyncGenerator<RecordOf[T][]> {
  switch (table) {
    case 'visits':
    case 'contacts':
    case 'signals': {
      const view: (v: StoredVisit) => object[] = table === 'visits' ? (v) => [visitRecord(v)] : table === 'contacts' ? contactRecords : signalRecords;
      // A visit holds a few dozen contacts: fewer visits a page keep pages about `size` records.
      const visits = table === 'visits' ? size : Math.max(1, Math.ceil(size / 20));
      for await (const rows of rowPages<StoredVisit>(db, 'visits', visits)) yield rows.flatMap(view) as RecordOf[T][];
      return;
    }
    case 'ads':
      yield* rowPages<RecordOf[T]>(db, 'ads', size);
      return;
    case 'rollups':
      // A day row holds a few hundred rollups.
      for await (const rows of rowPages<DayRow>(db, 'days', Math.max(1, Math.ceil(size / 200)))) yield rows.flatMap(rollupRecords) as RecordOf[T][];
      return;
  }
}

/** How many records each table of an export of the store holds, without reading the visits. */
export async function recordCounts(db: HistoryDB): Promise<Record<TableName, number>> {
  const [visits, ads, days] = await Promise.all([db.visits.count(), db.ads.count(), db.days.toArray()]);
  return {
    visits,
    contacts: days.reduce((n, d) => n + d.contactCount, 0),
    signals: days.reduce((n, d) => n + d.signalCount, 0),
    ads,
    rollups: days.reduce((n, d) => n + d.entity.length, 0),
  };
}

/** Every record of the store by table, sorted by key: for tests and small stores. */
export async function allRecords(db: HistoryDB): Promise<{ [T in TableName]: RecordOf[T][] }> {
  const out = {} as { [T in TableName]: RecordOf[T][] };
  for (const table of TABLES) {
    const rows: { id: string }[] = [];
    for await (const page of recordPages(db, table)) rows.push(...page);
    (out as Record<string, unknown[]>)[table] = rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  return out;
}
