import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtensionBrowser } from './harness';

const SITES = ['https://www.gardening-weekly.org/', 'https://www.cycling-club.org/', 'https://www.chess-corner.org/'];

describe('trackers no source can name are shown honestly as unnamed', () => {
  let b: ExtensionBrowser;
  beforeAll(async () => {
    b = await ExtensionBrowser.launch();
  });
  afterAll(async () => b?.close());

  async function visit(url: string) {
    const page = await b.context.newPage();
    const mark = b.server.mark();
    await page.goto(url, { waitUntil: 'load' });
    const tabId = await b.tabId(page);
    await b.waitForAgreement(tabId, mark);
    return { tabId, popup: await b.openPopup(tabId) };
  }

  it('a listed domain is an unnamed tracker from the first visit; an unknown one becomes one on the third site', async () => {
    const first = await visit(SITES[0]!);
    const listed = first.popup.locator('[data-group="tracker"] [data-company="adup-tech.com"]');
    await expect(listed.getAttribute('data-status')).resolves.toBe('listed');
    await expect(listed.locator('.status').textContent()).resolves.toContain('AdGuard’s filter lists mark its domain as advertising');
    await expect(listed.locator('[data-provenance]').first().getAttribute('data-provenance')).resolves.toBe('inferred');
    // Seen once, the pixel exchange is only a company we do not know, that set a cookie.
    const unknown = first.popup.locator('[data-company="pixel-exchange-example.net"]');
    await expect(unknown.getAttribute('data-status')).resolves.toBe('unknown');
    await expect(unknown.locator('[data-kind="third-party-cookie"]').textContent()).resolves.toContain('uid');

    await visit(SITES[1]!);
    const third = await visit(SITES[2]!);
    const learned = third.popup.locator('[data-group="tracker"] [data-company="pixel-exchange-example.net"]');
    await expect(learned.getAttribute('data-status')).resolves.toBe('learned');
    await expect(learned.locator('.status').textContent()).resolves.toContain('on 3 different sites you visited');
    await expect(third.popup.locator('[data-group="tracker"] h2').textContent()).resolves.toBe('Unnamed trackers');
    await expect(b.badge(third.tabId)).resolves.toBe('2');
  });
});
