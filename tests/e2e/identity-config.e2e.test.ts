import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TabState } from '../../utils/tabs/state';
import { ExtensionBrowser } from './harness';

describe('identity matching set up in the page, by the ad platforms\' own page APIs', () => {
  let b: ExtensionBrowser;
  beforeAll(async () => {
    b = await ExtensionBrowser.launch();
  });
  afterAll(async () => b?.close());

  it('an order confirmation with TikTok, Snap, Criteo, UET, LinkedIn and X: tags, and fields handed over after the libraries replaced their queues', async () => {
    const page = await b.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('https://www.trailgear-shop.com/thanks.html', { waitUntil: 'load' });
    const tabId = await b.tabId(page);
    const tag = (s: TabState, platform: string) => s.page.identity.find((i) => i.platform === platform)?.tag;
    // Every library has loaded and taken over its queue by now (their requests are in the log).
    await b.waitForState(tabId, (s) => ['x', 'snap', 'tiktok', 'criteo', 'linkedin', 'microsoft'].every((p) => tag(s, p)));
    for (const host of ['analytics.tiktok.com', 'tr.snapchat.com', 'sslwidget.criteo.com', 'bat.bing.com', 'px.ads.linkedin.com', 'analytics.twitter.com']) {
      expect(b.server.log.some((r) => r.host === host), host).toBe(true);
    }
    // The customer creates an account: every platform gets the hashed contact details through its live function.
    await page.click('#account');
    await expect(page.title()).resolves.toBe('account created');
    await b.waitForState(tabId, (s) => s.page.identity.filter((i) => i.fields.length > 0).length >= 5);

    const popup = await b.openPopup(tabId);
    await popup.waitForSelector('[data-group="identity"] [data-platform="microsoft"][data-fields="em ph"]', { timeout: 20_000 });
    const rows = await popup.locator('[data-group="identity"] [data-platform]').evaluateAll((els) =>
      els.map((e) => [e.getAttribute('data-platform'), e.getAttribute('data-tag'), e.getAttribute('data-fields')]),
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        ['tiktok', 'CTRAIL0001', 'email phone_number'],
        ['snap', 'a1b2c3d4-0000-4000-8000-trailgear001', 'user_email'],
        ['criteo', '4242', 'email'],
        ['microsoft', '187001234', 'em ph'],
        ['x', 'o1x2y', 'email_address'],
        ['linkedin', '5551234', ''],
      ]),
    );
    const text = await popup.locator('[data-group="identity"]').textContent();
    expect(text).toContain('The page set up Microsoft’s tag 187001234 to receive your e-mail address, phone number.');
    expect(text).toContain('The page set up LinkedIn’s tag 5551234.');
    // Field names, never their values.
    expect(text).not.toContain('3f2a0c2e1b5d');
    expect(await popup.locator('[data-group="identity"] [data-provenance]').first().getAttribute('data-provenance')).toBe('declared');
    expect(errors).toEqual([]);
    // Before the snippets ran, the properties waiting for them were not listed; once
    // assigned, twq is an ordinary data property whose source is the page's own function.
    const seen = await page.evaluate(() => {
      const w = window as unknown as { __beforeSnippets: unknown; __afterTwq: unknown };
      return { before: w.__beforeSnippets, after: w.__afterTwq };
    });
    expect(seen).toEqual({ before: { keys: [], forIn: false, value: 'undefined' }, after: { data: true, enumerable: true, writable: true, source: true } });
  });
});
