import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtensionBrowser } from './harness';

const PAGE = 'https://www.moreau2026.org/donate.html?visit=restart';

describe('the service worker stops, as Chrome stops it after 30 s idle', () => {
  let b: ExtensionBrowser;
  beforeAll(async () => {
    b = await ExtensionBrowser.launch();
  });
  afterAll(async () => b?.close());

  it('reopening the popup shows the same companies, and the page is still watched', async () => {
    const page = await b.context.newPage();
    const mark = b.server.mark();
    await page.goto(PAGE, { waitUntil: 'load' });
    const tabId = await b.tabId(page);
    // Settled: every request the server answered is counted, so nothing late moves the count below.
    const { state: settled, served } = await b.waitForAgreement(tabId, mark);
    expect(settled.requests).toBe(served.length);
    const before = await b.openPopup(tabId);
    const namesBefore = (await before.locator('.company-name').allTextContents()).sort();
    const summaryBefore = await before.locator('.summary').textContent();
    await before.close();
    expect(namesBefore).toEqual(['ActBlue', 'Google', 'Meta', 'NationBuilder']);

    // A mark in the worker's memory: a restarted worker does not have it.
    await (await b.worker()).evaluate(() => Object.assign(globalThis, { targetlensMark: true }));
    await b.stopServiceWorker();

    const after = await b.openPopup(tabId);
    await expect((await b.worker()).evaluate(() => 'targetlensMark' in globalThis)).resolves.toBe(false);
    expect((await after.locator('.company-name').allTextContents()).sort()).toEqual(namesBefore);
    await expect(after.locator('.summary').textContent()).resolves.toBe(summaryBefore);

    // The restarted worker keeps counting on the restored state.
    expect((await b.savedState(tabId))!.requests).toBe(served.length);
    await page.evaluate(() => new Promise((r) => { const i = new Image(); i.onload = i.onerror = r; i.src = 'https://bat.bing.com/action/0?ti=5555&evt=pageLoad'; }));
    const { state, served: servedAfter } = await b.waitForAgreement(tabId, mark);
    expect(servedAfter.length).toBe(served.length + 1);
    expect(state.requests).toBe(servedAfter.length);
    expect(state.companies['company:Microsoft']?.requests).toBe(1);
    expect(Object.keys(state.companies)).toEqual(expect.arrayContaining(['company:Meta', 'company:Google', 'vendor:actblue', 'vendor:nationbuilder']));
  });

  it('a page loaded while the stopped worker wakes up is counted in full, as the server saw it', async () => {
    await b.stopServiceWorker();
    const page = await b.context.newPage();
    const mark = b.server.mark();
    await page.goto('https://www.moreau2026.org/donate.html?visit=cold', { waitUntil: 'load' });
    const tabId = await b.tabId(page);
    const { state, served } = await b.waitForAgreement(tabId, mark);
    const expected: Record<string, number> = {};
    for (const r of served) expected[r.host] = (expected[r.host] ?? 0) + 1;
    expect(Object.fromEntries(Object.entries(state.hosts).map(([h, v]) => [h, v.requests]))).toEqual(expected);
    expect(Object.keys(state.companies)).toEqual(expect.arrayContaining(['company:Meta', 'company:Google', 'vendor:actblue', 'vendor:nationbuilder']));
  });
});
