import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ExtensionBrowser } from './harness';

const PAGE = 'https://www.moreau2026.org/donate.html';

describe('a campaign donation page with Meta, Google, ActBlue and NationBuilder', () => {
  let b: ExtensionBrowser;
  let tabId: number;
  let popup: Page;
  let mark: number;

  beforeAll(async () => {
    b = await ExtensionBrowser.launch();
    const page = await b.context.newPage();
    mark = b.server.mark();
    await page.goto(PAGE, { waitUntil: 'load' });
    tabId = await b.tabId(page);
    await b.waitForState(tabId, (s) => s.url === PAGE && Object.keys(s.companies).length >= 4);
    popup = await b.openPopup(tabId);
  });
  afterAll(async () => b?.close());

  it('names Meta, Google, ActBlue and NationBuilder in the popup', async () => {
    for (const name of ['Meta', 'Google', 'ActBlue', 'NationBuilder']) {
      await expect(popup.locator(`[data-company="${name}"]`).count()).resolves.toBe(1);
    }
  });

  it('shows ActBlue and NationBuilder under political technology', async () => {
    const group = popup.locator('[data-group="political"]');
    await expect(group.locator('h2').textContent()).resolves.toBe('Political technology');
    const names = await group.locator('.company-name').allTextContents();
    expect(names.sort()).toEqual(['ActBlue', 'NationBuilder']);
  });

  it('says that a hashed e-mail address went to Meta and to Google, as observed', async () => {
    for (const name of ['Meta', 'Google']) {
      const line = popup.locator(`[data-company="${name}"] [data-kind="hashed-identity"]`);
      await expect(line.count()).resolves.toBe(1);
      const text = await line.textContent();
      expect(text).toContain('e-mail address');
      expect(text).toContain(`was sent to ${name}`);
      await expect(line.locator('[data-provenance]').getAttribute('data-provenance')).resolves.toBe('observed');
    }
    // The hash itself is never shown.
    await expect(popup.locator('body').textContent()).resolves.not.toMatch(/[0-9a-f]{64}/);
  });

  it('shows the Meta pixel event and the Google third-party cookie', async () => {
    const meta = await popup.locator('[data-company="Meta"] [data-kind="pixel-event"]').allTextContents();
    expect(meta.join('\n')).toContain('Donate #1234567890123456');
    await expect(popup.locator('[data-company="Google"] [data-kind="third-party-cookie"]').textContent()).resolves.toContain('IDE');
  });

  it('badge counts the same companies as the popup summary', async () => {
    const count = await popup.locator('.summary').getAttribute('data-count');
    expect(Number(count)).toBe(4);
    await expect(b.badge(tabId)).resolves.toBe(count);
  });

  it('recognises the campaign platforms from the page itself, as declared by the page', async () => {
    await popup.reload();
    await popup.waitForSelector('[data-group="campaign"] [data-kind="campaign"]', { timeout: 20_000 });
    const lines = await popup.locator('[data-group="campaign"] [data-kind="campaign"]').allTextContents();
    expect(lines.join('\n')).toContain('This page is built with NationBuilder');
    expect(lines.join('\n')).toContain('This page is built with ActBlue');
  });

  it("agrees, host by host, with the fixture server's request log", async () => {
    const { state, served } = await b.waitForAgreement(tabId, mark);
    const expected: Record<string, number> = {};
    for (const r of served) expected[r.host] = (expected[r.host] ?? 0) + 1;
    const recorded = Object.fromEntries(Object.entries(state.hosts).map(([h, v]) => [h, v.requests]));
    expect(recorded).toEqual(expected);
    expect(Object.keys(expected)).toEqual(
      expect.arrayContaining(['www.moreau2026.org', 'www.facebook.com', 'googleads.g.doubleclick.net', 'www.google.com', 'secure.actblue.com', 'assets.nationbuilder.com']),
    );
  });

  // Runs last: it loads a second page, which the server-log comparison above must not see.
  it('a visit that arrived from an ad shows the click identifier on the page itself', async () => {
    const page = await b.context.newPage();
    await page.goto('https://www.moreau2026.org/donate.html?gclid=Cj0KCQiAfixture', { waitUntil: 'load' });
    const adPopup = await b.openPopup(await b.tabId(page));
    const line = adPopup.locator('[data-group="page"] [data-kind="click-id"]');
    await expect(line.textContent()).resolves.toContain('You arrived here from an ad: the address carries an ad-click identifier (gclid) from Google.');
    await page.close();
  });
});
