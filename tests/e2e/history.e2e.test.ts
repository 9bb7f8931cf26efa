import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtensionBrowser } from './harness';

const PAGES = ['https://www.moreau2026.org/donate.html?email=someone%40example.org', 'https://www.gardening-weekly.org/', 'https://www.lindenbakery.org/'];

interface Row {
  id?: string;
  day?: number;
  site?: string;
  entity?: string[];
  contacts?: { entity: string }[];
  signals?: { kind: string }[];
}
type Dump = Record<string, Row[]>;

/** Every row of the history database, read with plain IndexedDB from an extension page. */
function dump(page: Page): Promise<Dump> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('targetlens-history');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const out: Record<string, unknown[]> = {};
    for (const name of Array.from(db.objectStoreNames)) {
      out[name] = await new Promise((resolve) => {
        const r = db.transaction(name).objectStore(name).getAll();
        r.onsuccess = () => resolve(r.result);
      });
    }
    db.close();
    return out as Dump;
  });
}

async function waitFor<T>(what: () => Promise<T>, ok: (v: T) => boolean, label: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await what();
  while (!ok(last)) {
    if (Date.now() > deadline) throw new Error(`${label}: never happened; last ${JSON.stringify(last).slice(0, 1500)}`);
    await new Promise((r) => setTimeout(r, 200));
    last = await what();
  }
  return last;
}

describe('local history: browsing fills the store; export, delete everything, import gives it back', () => {
  let b: ExtensionBrowser;
  let dashboard: Page;
  let before: Dump;
  const dir = mkdtempSync(join(tmpdir(), 'targetlens-export-'));

  beforeAll(async () => {
    b = await ExtensionBrowser.launch();
    for (const url of PAGES) {
      const page = await b.context.newPage();
      const mark = b.server.mark();
      await page.goto(url, { waitUntil: 'load' });
      await b.waitForAgreement(await b.tabId(page), mark);
      // Closing the tab writes its visit at once.
      await page.close();
    }
    dashboard = await b.context.newPage();
    await dashboard.goto(`chrome-extension://${b.extensionId}/dashboard.html`);
    await dashboard.waitForSelector('main[data-ready]');
  });
  afterAll(async () => {
    await b?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('browsing fixture pages fills the store, without query strings, and the dashboard shows it', async () => {
    before = await waitFor(() => dump(dashboard), (d) => ['moreau2026.org', 'gardening-weekly.org', 'lindenbakery.org'].every((s) => d.visits?.some((v) => v.site === s)), 'visits written');
    expect(JSON.stringify(before)).not.toContain('someone');
    const donate = before.visits!.find((v) => v.site === 'moreau2026.org') as unknown as { path: string; political?: string };
    expect(donate.path).toBe('/donate.html');
    // A visit holds its contacts and signals; each day its rollups.
    const metaContacts = before.visits!.flatMap((v) => v.contacts!).filter((c) => c.entity === 'company:Meta');
    expect(metaContacts.length).toBeGreaterThanOrEqual(1);
    expect(before.visits!.flatMap((v) => v.signals!).some((s) => s.kind === 'hashed-identity')).toBe(true);
    expect(before.days!.some((d) => d.entity!.includes('company:Meta'))).toBe(true);
    // The dashboard follows the store (liveQuery): the visit and its companies are listed.
    const row = dashboard.locator('.visit[data-site="moreau2026.org"]');
    await row.first().waitFor();
    await expect(row.first().locator('.visit-companies').textContent()).resolves.toContain('Meta');
    await expect(dashboard.locator('table.companies tr[data-entity="company:Meta"]').count()).resolves.toBe(1);
  });

  it('export NDJSON → delete everything → import gives identical data; importing again adds nothing', async () => {
    await dashboard.check('input[name="format"][value="ndjson"]');
    const [download] = await Promise.all([dashboard.waitForEvent('download'), dashboard.click('button[name="export"]')]);
    const file = join(dir, 'export.ndjson');
    await download.saveAs(file);
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('{"format":"targetlens-export","version":1,')).toBe(true);
    const progress = dashboard.locator('.progress');
    await expect(progress.getAttribute('data-done')).resolves.toBe(await progress.getAttribute('data-total'));

    await dashboard.click('button[name="deleteAll"]');
    await dashboard.click('button[name="confirmDelete"]');
    const empty = await waitFor(() => dump(dashboard), (d) => Object.values(d).every((rows) => rows.length === 0), 'everything deleted');
    expect(Object.values(empty).flat()).toEqual([]);
    await dashboard.locator('#recent .empty').waitFor();

    await dashboard.setInputFiles('input[name="import"]', file);
    await expect(dashboard.locator('.import-done').getAttribute('data-added')).resolves.toBe(String(before.visits!.length));
    const key = (r: Row) => r.id ?? String(r.day);
    const sort = (d: Dump) => Object.fromEntries(Object.entries(d).map(([k, rows]) => [k, [...rows].sort((a, b) => (key(a) < key(b) ? -1 : 1))]));
    expect(sort(await dump(dashboard))).toEqual(sort(before));

    await dashboard.setInputFiles('input[name="import"]', { name: 'again.ndjson', mimeType: 'application/x-ndjson', buffer: Buffer.from(text) });
    await dashboard.locator('.import-done[data-added="0"]').waitFor();
    expect(sort(await dump(dashboard))).toEqual(sort(before));
  });

  it('a bad file is refused with its first problem named, and the store is unchanged', async () => {
    const stored = await dump(dashboard);
    const bad = readFileSync(join(import.meta.dirname, '../fixtures/bad-exports/unknown-type.ndjson'));
    await dashboard.setInputFiles('input[name="import"]', { name: 'bad.ndjson', mimeType: 'application/x-ndjson', buffer: bad });
    const error = dashboard.locator('.import-error');
    await expect(error.getAttribute('data-problem')).resolves.toBe('unknown-type');
    await expect(error.textContent()).resolves.toContain('line 3: type "cookie"');
    await expect(error.textContent()).resolves.toContain('Nothing was imported.');
    expect(await dump(dashboard)).toEqual(stored);
  });

  it('a paused site is not recorded; deleting one site removes only it', async () => {
    const row = dashboard.locator('.visit[data-site="lindenbakery.org"] button.pause');
    await row.click();
    await dashboard.locator('[data-paused="lindenbakery.org"]').waitFor();
    const page = await b.context.newPage();
    const mark = b.server.mark();
    await page.goto('https://www.lindenbakery.org/?again=1', { waitUntil: 'load' });
    await b.waitForAgreement(await b.tabId(page), mark);
    await page.close();
    await dashboard.selectOption('select[name="deleteSite"]', 'gardening-weekly.org');
    await dashboard.click('button[name="deleteSiteButton"]');
    await dashboard.click('button[name="confirmDelete"]');
    const after = await waitFor(() => dump(dashboard), (d) => !d.visits!.some((v) => v.site === 'gardening-weekly.org'), 'site deleted');
    expect(after.visits!.filter((v) => v.site === 'lindenbakery.org')).toHaveLength(1);
    expect(after.visits!.some((v) => v.site === 'moreau2026.org')).toBe(true);
    expect(JSON.stringify(after)).not.toContain('gardening-weekly.org');
  });
});
