import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtensionBrowser } from './harness';

describe('a hostile page attacking the probe bridge', () => {
  let b: ExtensionBrowser;
  beforeAll(async () => {
    b = await ExtensionBrowser.launch();
  });
  afterAll(async () => b?.close());

  it('forged, huge, flooding and HTML-carrying reports: nothing runs, the popup answers, storage stays bounded', async () => {
    const dialogs: string[] = [];
    b.context.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const other = await b.context.newPage();
    await other.goto('https://www.lindenbakery.org/', { waitUntil: 'load' });

    const page = await b.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('https://www.hostile-example.org/', { waitUntil: 'load' });
    await expect(page.title()).resolves.toBe('hostile done');
    const tabId = await b.tabId(page);
    const state = await b.waitForState(tabId, (s) => s.page.replay.length > 0 && s.page.campaign.length > 0 && s.page.identity.length > 0);
    // The page took links to the probe before the reader could: the reader still parsed the
    // pixel's setup, and only the names of the fields were kept.
    await expect(page.evaluate(() => (window as unknown as { __links: unknown[] }).__links.length)).resolves.toBe(2);
    expect(state.page.identity).toEqual([expect.objectContaining({ platform: 'meta', tag: '424242', fields: ['em'] })]);
    expect(JSON.stringify(state)).not.toContain('someone@example.org');

    const popup = await b.openPopup(tabId);
    popup.on('dialog', (d) => void d.dismiss());
    const recording = popup.locator('[data-group="recording"]');
    await expect(recording.textContent()).resolves.toContain('<img src=x onerror=alert(1)> can record your clicks');
    await expect(recording.locator('img').count()).resolves.toBe(0);
    await expect(popup.locator('[data-group="campaign"]').textContent()).resolves.toContain('(<b>bold</b>)');
    await expect(popup.locator('b').count()).resolves.toBe(0);
    // Declared by the page, and shown as such.
    await expect(popup.locator('[data-group="campaign"] [data-provenance]').getAttribute('data-provenance')).resolves.toBe('declared');

    // Bounded: at most 10 replay vendors, no 10 MB strings, no 100,000 ID providers.
    const saved = (await b.savedState(tabId))!;
    expect(saved.page.replay.length).toBeLessThanOrEqual(10);
    expect(saved.page.eids).toEqual([]);
    expect(JSON.stringify(saved).length).toBeLessThan(64 * 1024);
    expect(state.page.replay.map((r) => r.vendor)).not.toContain('object detail');

    // The page's own scripts ran undisturbed by the probe's traps, and nothing executed.
    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
    // Only its own tab was touched.
    const otherState = (await b.savedState(await b.tabId(other)))!;
    expect(otherState.page.replay).toEqual([]);
  });

  it('a sustained flood through the top frame and 60 blank frames, and a partner frame forging consent: the top frame\'s consent stands, storage stays bounded, the popup answers', async () => {
    const page = await b.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('https://www.hostile-example.org/flood.html', { waitUntil: 'load' });
    await expect(page.title()).resolves.toBe('flooding');
    const tabId = await b.tabId(page);
    // Frames multiply what a page can send: the tab as a whole is limited, and says so.
    const state = await b.waitForState(tabId, (s) => !!s.page.consent && (s.page.frameConsent?.length ?? 0) > 0 && (s.page.dropped ?? 0) > 1000);
    expect(state.page.consent).toMatchObject({ vendors: 812, createAdProfile: false, origin: 'https://www.hostile-example.org' });
    expect(state.page.frameConsent).toEqual([expect.objectContaining({ origin: 'https://ads.hostile-partner.example', vendors: 3, createAdProfile: true })]);
    expect(state.page.gdprApplies).not.toBe(false);

    // While the flood goes on, the popup opens and shows what it should.
    for (let round = 0; round < 2; round++) {
      const popup = await b.openPopup(tabId);
      const consent = popup.locator('[data-group="consent"]').first();
      await expect(consent.locator('[data-kind="consent"]').textContent()).resolves.toContain('812 companies may use your data. You refused ad profiles');
      await expect(consent.locator('[data-kind="frame-consent"] [data-origin]').getAttribute('data-origin')).resolves.toBe('https://ads.hostile-partner.example');
      await expect(popup.locator('[data-kind="probe-dropped"]').textContent()).resolves.toContain('were dropped unread');
      await popup.close();
    }
    const sent = await page.evaluate(() => (window as unknown as { __sent: number }).__sent);
    expect(sent).toBeGreaterThan(5000);
    const saved = (await b.savedState(tabId))!;
    expect(saved.page.keylogging.length).toBeLessThanOrEqual(10);
    expect(saved.page.replay.length).toBeLessThanOrEqual(10);
    expect(JSON.stringify(saved).length).toBeLessThan(64 * 1024);
    expect(errors).toEqual([]);
    await page.close();
  });
});
