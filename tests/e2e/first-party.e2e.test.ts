import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtensionBrowser } from './harness';

describe('pages without third parties', () => {
  let b: ExtensionBrowser;
  beforeAll(async () => {
    b = await ExtensionBrowser.launch();
  });
  afterAll(async () => b?.close());

  it('a page with only first-party requests shows no companies and no badge', async () => {
    const page = await b.context.newPage();
    const mark = b.server.mark();
    await page.goto('https://www.lindenbakery.org/', { waitUntil: 'load' });
    await page.waitForFunction(() => performance.getEntriesByType('resource').length >= 4);
    const tabId = await b.tabId(page);
    const { state, served } = await b.waitForAgreement(tabId, mark);
    expect(state.requests).toBe(served.length);
    expect(new Set(served.map((r) => r.host))).toEqual(new Set(['www.lindenbakery.org', 'static.lindenbakery.org']));
    expect(state.thirdParty).toBe(0);

    const popup = await b.openPopup(tabId);
    await expect(popup.locator('.summary').textContent()).resolves.toBe('No company that could profile you was contacted by this page.');
    await expect(popup.locator('[data-company]').count()).resolves.toBe(0);
    await expect(popup.locator('.requests').textContent()).resolves.toBe(`Requests: ${served.length}, of which 0 went to other companies.`);
    await expect(b.badge(tabId)).resolves.toBe('');
  });

  it('YouTube and gstatic on a Google page are the owner\'s own, not third parties', async () => {
    const page = await b.context.newPage();
    const mark = b.server.mark();
    await page.goto('https://www.google.com/targetlens-fixture/same-owner.html', { waitUntil: 'load' });
    const tabId = await b.tabId(page);
    const { state, served } = await b.waitForAgreement(tabId, mark);
    expect(state.requests).toBe(served.length);
    expect(served.map((r) => r.host)).toEqual(expect.arrayContaining(['www.gstatic.com', 'i.ytimg.com', 'www.youtube.com']));
    expect(state.thirdParty).toBe(0);
    expect(state.hosts['www.youtube.com']?.party).toBe('first');

    const popup = await b.openPopup(tabId);
    await expect(popup.locator('[data-company]').count()).resolves.toBe(0);
    await expect(b.badge(tabId)).resolves.toBe('');
  });
});
