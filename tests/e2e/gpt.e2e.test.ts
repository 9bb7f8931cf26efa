import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtensionBrowser } from './harness';

describe('Google Publisher Tag slots', () => {
  let b: ExtensionBrowser;
  beforeAll(async () => {
    b = await ExtensionBrowser.launch();
  });
  afterAll(async () => b?.close());

  it('setConfig targeting, a backfill ad with only source-agnostic ids, and a slot filled when the reader asks for more', async () => {
    const page = await b.context.newPage();
    await page.goto('https://www.morning-ledger-example.com/', { waitUntil: 'load' });
    const tabId = await b.tabId(page);
    const slot = (s: { page: { slots: { elementId: string; advertiserId?: number }[] } }, id: string) => s.page.slots.find((x) => x.elementId === id);
    await b.waitForState(tabId, (s) => !!slot(s, 'div-top')?.advertiserId && !!slot(s, 'div-side')?.advertiserId);

    await page.click('#more');
    await page.waitForSelector('#div-more iframe');
    await b.waitForState(tabId, (s) => !!slot(s, 'div-more')?.advertiserId);

    const popup = await b.openPopup(tabId);
    const line = (id: string) => popup.locator(`[data-group="auctions"] [data-kind="gpt-slot"] [data-slot="${id}"]`);
    await expect(line('div-side').getAttribute('data-creative')).resolves.toBe('138400000777');
    await expect(line('div-side').textContent()).resolves.toContain('Google ad slot /6355419/ledger/backfill: advertiser 4410099, campaign 3300000099, creative 138400000777.');
    // Page-level keys from googletag.setConfig, slot-level ones from slot.setConfig.
    await expect(line('div-top').getAttribute('data-keys')).resolves.toBe('section permutive');
    await expect(line('div-more').getAttribute('data-keys')).resolves.toBe('section permutive pos');
    await expect(line('div-more').textContent()).resolves.toContain('creative 138400000002');
    await expect(line('div-more').textContent()).resolves.toContain('Key-values sent with it: section, permutive, pos.');
  });
});
