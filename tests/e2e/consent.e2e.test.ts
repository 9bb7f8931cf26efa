import { GVL, TCModel, TCString } from '@iabtechlabtcf/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testVendorList } from '../fixtures/consent/vendor-list';
import { ExtensionBrowser } from './harness';

describe('consent signals without a TCF API', () => {
  let b: ExtensionBrowser;
  beforeAll(async () => {
    b = await ExtensionBrowser.launch();
  });
  afterAll(async () => b?.close());

  it('the euconsent-v2 cookie, when no CMP answers: decoded, and used for the mismatch', async () => {
    const m = new TCModel(new GVL(testVendorList(900)));
    m.cmpId = 28;
    m.cmpVersion = 1;
    m.publisherCountryCode = 'AT';
    m.purposeConsents.set([1]);
    m.vendorConsents.set(Array.from({ length: 240 }, (_, i) => i + 1));
    m.specialFeatureOptins.set([2]);
    await b.context.addCookies([{ name: 'euconsent-v2', value: TCString.encode(m), domain: 'www.dorfblatt-example.at', path: '/', secure: true, sameSite: 'Lax' }]);
    const page = await b.context.newPage();
    await page.goto('https://www.dorfblatt-example.at/', { waitUntil: 'load' });
    const popup = await b.openPopup(await b.tabId(page));
    await popup.waitForSelector('[data-kind="consent"]', { timeout: 20_000 });
    const line = await popup.locator('[data-group="consent"] [data-kind="consent"]').textContent();
    expect(line).toContain('240 companies may use your data');
    expect(line).toContain('You refused ad profiles (TCF purposes 3 and 4)');
    expect(line).toContain('You allowed them to scan your device to identify it');
    expect(line).toContain('CMP 28');
    await popup.waitForSelector('[data-kind="consent-mismatch-evidence"] [data-company="Meta"]', { timeout: 20_000 });
  });

  it('IAB GPP: section ids shown by name, US signals apart from the EU TCF section', async () => {
    const page = await b.context.newPage();
    await page.goto('https://www.valley-daily-example.com/', { waitUntil: 'load' });
    const popup = await b.openPopup(await b.tabId(page));
    await popup.waitForSelector('[data-kind="gpp"]', { timeout: 20_000 });
    const consent = popup.locator('[data-group="consent"]').first();
    await expect(consent.locator('[data-kind="gpp"]').textContent()).resolves.toMatch(/^US privacy signals present: usnat, usca\./);
    await expect(consent.locator('[data-kind="gpp-other"]').textContent()).resolves.toMatch(/^Other consent signals in the page’s IAB GPP string: tcfeuv2\./);
    await expect(consent.locator('[data-kind="gpp"] [data-provenance]').getAttribute('data-provenance')).resolves.toBe('declared');
  });
});
