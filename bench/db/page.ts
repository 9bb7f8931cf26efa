// The history store's benchmark page: utils/db running in a real Chromium IndexedDB (not
// fake-indexeddb, not inside the extension). Bundled by bench/db.ts and driven through
// window.bench by playwright-core.
import { HistoryDB } from '../../utils/db/database';
import type { VisitDraft } from '../../utils/db/from-tab';
import { visitKey } from '../../utils/db/keys';
import { companyTotals, recentVisits, sitesOfCompanies, visitedSites } from '../../utils/db/queries';
import { recordCounts } from '../../utils/db/read-records';
import { DAY_MS, dayOf } from '../../utils/db/records';
import { contactRecords, signalRecords, storeVisit, visitRecord } from '../../utils/db/stored';
import { writeVisits } from '../../utils/db/write';
import { exportBlob } from '../../utils/history/export-file';

const ENTITIES = 300;
const SITES = 2000;
const CONTACTS_PER_VISIT = 20;
const DAYS = 90;
const NOW = Date.UTC(2026, 5, 1, 12);

// A small deterministic generator, so every run writes the same history.
let seed = 42;
const rand = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
const pick = (n: number) => Math.floor(rand() ** 2 * n); // skewed: a few companies everywhere

function visit(i: number, total: number): VisitDraft {
  const time = NOW - DAYS * DAY_MS + Math.floor((i / total) * DAYS * DAY_MS);
  const id = visitKey(i % 500, time);
  const site = `site${pick(SITES)}.example`;
  const contacts: VisitDraft['contacts'] = [];
  const signals: VisitDraft['signals'] = [];
  const seen = new Set<number>();
  while (contacts.length < CONTACTS_PER_VISIT) {
    const e = pick(ENTITIES);
    if (seen.has(e)) continue;
    seen.add(e);
    const entity = e < 200 ? `company:Company ${e}` : `site:tracker${e}.net`;
    const withSignal = contacts.length % 4 === 0;
    contacts.push({ entity, name: entity.slice(entity.indexOf(':') + 1), kind: e < 200 ? 'named' : 'unknown', party: 'third', category: e < 200 ? 'advertising' : 'other', requests: 1 + (e % 7), hosts: [`t${e}.example.net`], signals: withSignal ? 1 : 0 });
    if (withSignal) {
      const s = { kind: 'pixel-event' as const, detail: 'PageView', evidence: ['ev'] };
      signals.push({ entity, ...s, provenance: 'observed', count: 1 });
    }
  }
  return { visit: { id, site, path: '/article', time, requests: 60, thirdParty: 40 }, contacts, signals, ads: [] };
}

const db = new HistoryDB('bench-history');

async function ingest(observations: number, batchVisits = 200): Promise<{ observations: number; signals: number; ms: number; perSecond: number }> {
  await db.open();
  const total = observations / CONTACTS_PER_VISIT;
  let ms = 0;
  let signals = 0;
  for (let i = 0; i < total; i += batchVisits) {
    const batch: VisitDraft[] = [];
    for (let j = i; j < Math.min(total, i + batchVisits); j++) batch.push(visit(j, total));
    signals += batch.reduce((n, d) => n + d.signals.length, 0);
    const t0 = performance.now();
    await writeVisits(db, batch, NOW);
    ms += performance.now() - t0;
  }
  return { observations, signals, ms, perSecond: observations / (ms / 1000) };
}

/** Plain IndexedDB, one transaction per batch, relaxed durability: the peers below. */
function openRaw(name: string, stores: Record<string, string[]>): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const r = indexedDB.open(name, 1);
    r.onupgradeneeded = () => {
      for (const [store, indexes] of Object.entries(stores)) {
        const os = r.result.createObjectStore(store, { keyPath: 'id' });
        for (const ix of indexes) os.createIndex(ix, ix.includes('+') ? ix.split('+') : ix);
      }
    };
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

function putAll(idb: IDBDatabase, rows: Record<string, object[]>): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = idb.transaction(Object.keys(rows), 'readwrite', { durability: 'relaxed' });
    for (const [store, list] of Object.entries(rows)) for (const r of list) tx.objectStore(store).put(r);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

/**
 * Peers of the same run, on the same synthetic history, writing with plain IndexedDB and
 * no reads or rollups at all: the rows of store version 3 (a visit with its contacts and
 * signals; a ceiling for writeVisits), and the rows of version 2 (a row per visit, per
 * contact and per signal).
 */
async function peer(layout: 'visit-rows' | 'contact-rows', observations: number, batchVisits = 200): Promise<{ observations: number; ms: number; perSecond: number }> {
  seed = 42;
  const idb = await openRaw(`bench-peer-${layout}`, layout === 'visit-rows' ? { visits: ['time', 'site'] } : { visits: ['time', 'site'], contacts: ['visit', 'day+entity'], signals: ['visit', 'day'] });
  const total = observations / CONTACTS_PER_VISIT;
  let ms = 0;
  for (let i = 0; i < total; i += batchVisits) {
    const rows: Record<string, object[]> = layout === 'visit-rows' ? { visits: [] } : { visits: [], contacts: [], signals: [] };
    for (let j = i; j < Math.min(total, i + batchVisits); j++) {
      const d = visit(j, total);
      const contacts = d.contacts.map((c) => ({ ...c, firstSeen: NOW, lastSeen: NOW }));
      if (layout === 'visit-rows') rows.visits!.push(storeVisit(d.visit, contacts, d.signals));
      else {
        const row = storeVisit(d.visit, contacts, d.signals);
        rows.visits!.push(visitRecord(row));
        rows.contacts!.push(...contactRecords(row));
        rows.signals!.push(...signalRecords(row));
      }
    }
    const t0 = performance.now();
    await putAll(idb, rows);
    ms += performance.now() - t0;
  }
  idb.close();
  return { observations, ms, perSecond: observations / (ms / 1000) };
}

async function queries(runs = 5): Promise<Record<string, number[]>> {
  const fromDay = dayOf(NOW) - DAYS + 1;
  // The popup's "what the ad network could already know": the 20 companies of a page.
  const onAPage = Array.from({ length: 20 }, (_, i) => `company:Company ${i * 7}`);
  const list = [
    ['recent visits (100, with companies)', () => recentVisits(db, 100)],
    ['companies over 90 days (daily rollups)', () => companyTotals(db, fromDay)],
    ['visited sites (for delete one site)', () => visitedSites(db)],
    ['sites of 20 companies (the popup\'s "known")', () => sitesOfCompanies(db, onAPage)],
  ] as const;
  const out: Record<string, number[]> = Object.fromEntries(list.map(([name]) => [name, []]));
  for (let r = 0; r < runs; r++) {
    for (const [name, q] of list) {
      const t0 = performance.now();
      await q();
      out[name]!.push(performance.now() - t0);
    }
  }
  return out;
}

async function exportRun(format: 'ndjson' | 'csv' | 'json'): Promise<{ rows: number; ms: number; bytes: number }> {
  let rows = 0;
  const t0 = performance.now();
  const blob = await exportBlob(db, { format, dropPaths: false }, { extensionVersion: 'bench', now: NOW, onProgress: (d) => (rows = d) });
  return { rows, ms: performance.now() - t0, bytes: blob.size };
}

/** Rows as stored, and records as an export holds them. */
async function counts(): Promise<{ stored: Record<string, number>; records: Record<string, number> }> {
  const stored = Object.fromEntries(await Promise.all(db.tables.map(async (t) => [t.name, await t.count()] as const)));
  return { stored, records: await recordCounts(db) };
}

(window as unknown as { bench: unknown }).bench = { ingest, peer, queries, exportRun, counts };
document.title = 'ready';
