// The history store's benchmark page: utils/db running in a real Chromium IndexedDB (not
// fake-indexeddb, not inside the extension). Bundled by bench/db.ts and driven through
// window.bench by playwright-core.
import { HistoryDB } from '../../utils/db/database';
import type { VisitDraft } from '../../utils/db/from-tab';
import { contactKey, signalKey, visitKey } from '../../utils/db/keys';
import { companyTotals, recentVisits, visitedSites } from '../../utils/db/queries';
import { DAY_MS, dayOf, type Contact, type SignalRecord } from '../../utils/db/records';
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
  const day = dayOf(time);
  const contacts: VisitDraft['contacts'] = [];
  const signals: SignalRecord[] = [];
  const seen = new Set<number>();
  while (contacts.length < CONTACTS_PER_VISIT) {
    const e = pick(ENTITIES);
    if (seen.has(e)) continue;
    seen.add(e);
    const entity = e < 200 ? `company:Company ${e}` : `site:tracker${e}.net`;
    const withSignal = contacts.length % 4 === 0;
    contacts.push({ id: contactKey(id, entity), visit: id, day, site, entity, name: entity.slice(entity.indexOf(':') + 1), kind: e < 200 ? 'named' : 'unknown', party: 'third', category: e < 200 ? 'advertising' : 'other', requests: 1 + (e % 7), hosts: [`t${e}.example.net`], signals: withSignal ? 1 : 0 } satisfies Omit<Contact, 'firstSeen' | 'lastSeen'>);
    if (withSignal) {
      const s = { kind: 'pixel-event' as const, detail: 'PageView', evidence: ['ev'] };
      signals.push({ id: signalKey(id, entity, s), visit: id, day, entity, ...s, provenance: 'observed', count: 1 });
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

async function queries(runs = 5): Promise<Record<string, number[]>> {
  const fromDay = dayOf(NOW) - DAYS + 1;
  const oneCompany = () => db.contacts.where('[day+entity]').between([dayOf(NOW) - 6, 'company:Company 3'], [dayOf(NOW), 'company:Company 3'], true, true).count();
  const out: Record<string, number[]> = { 'recent visits (100, with companies)': [], 'companies over 90 days (rollups)': [], 'visited sites (for delete one site)': [], 'one company, last 7 days (contacts)': [] };
  for (let r = 0; r < runs; r++) {
    for (const [name, q] of [
      ['recent visits (100, with companies)', () => recentVisits(db, 100)],
      ['companies over 90 days (rollups)', () => companyTotals(db, fromDay)],
      ['visited sites (for delete one site)', () => visitedSites(db)],
      ['one company, last 7 days (contacts)', oneCompany],
    ] as const) {
      const t0 = performance.now();
      await (q as () => Promise<unknown>)();
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

async function counts(): Promise<Record<string, number>> {
  return Object.fromEntries(await Promise.all(db.tables.map(async (t) => [t.name, await t.count()] as const)));
}

(window as unknown as { bench: unknown }).bench = { ingest, queries, exportRun, counts };
document.title = 'ready';
