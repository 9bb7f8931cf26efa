import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ExtensionBrowser } from './harness';

describe('what pages reveal from inside: consent, identity matching, fingerprinting, recording', () => {
  let b: ExtensionBrowser;
  beforeAll(async () => {
    b = await ExtensionBrowser.launch();
  });
  afterAll(async () => b?.close());

  async function open(url: string, ready: (p: Page) => Promise<unknown>): Promise<Page> {
    const page = await b.context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    const tabId = await b.tabId(page);
    const popup = await b.openPopup(tabId);
    await ready(popup);
    return popup;
  }

  it('a news page whose CMP records refused ad profiles, with a Meta pixel matching identities anyway', async () => {
    const popup = await open('https://www.stadtanzeiger-example.de/politik/wahl.html', (p) =>
      p.waitForSelector('[data-kind="consent"]', { timeout: 20_000 }),
    );
    const consent = popup.locator('[data-group="consent"]');
    const line = await consent.locator('[data-kind="consent"]').textContent();
    expect(line).toContain('812 companies may use your data');
    expect(line).toContain('You refused ad profiles (TCF purposes 3 and 4)');
    expect(line).toContain('You refused to let them scan your device to identify it (TCF special feature 2)');
    expect(line).toContain('CMP 7');
    await expect(consent.locator('[data-kind="consent"] [data-provenance]').getAttribute('data-provenance')).resolves.toBe('declared');

    await popup.waitForSelector('[data-kind="consent-mismatch"]');
    const mismatch = consent.locator('[data-kind="consent-mismatch"]');
    await expect(mismatch.textContent()).resolves.toContain('You refused ad profiles, yet Meta still received data that can identify you');
    await expect(mismatch.locator('[data-provenance]').getAttribute('data-provenance')).resolves.toBe('inferred');
    // The evidence names the signals, by the names they were sent under.
    const evidence = consent.locator('[data-kind="consent-mismatch-evidence"]');
    await expect(evidence.locator('[data-signal="hashed-identity"]').textContent()).resolves.toBe(
      'Meta received a hashed copy of your e-mail address, phone number (ud[em], ud[ph]) after you refused ad profiles.',
    );
    await expect(evidence.locator('[data-provenance]').first().getAttribute('data-provenance')).resolves.toBe('inferred');

    const identity = await popup.locator('[data-group="identity"] [data-kind="identity-config"]').textContent();
    expect(identity).toContain('The page set up Meta’s tag 998877665544332 to receive your e-mail address, phone number');
  });

  it('a checkout page: canvas and audio fingerprinting by ThreatMetrix, two replay scripts, a key logger', async () => {
    const popup = await open('https://www.trailgear-shop.com/checkout.html', (p) =>
      p.waitForFunction(() => document.querySelectorAll('[data-kind="fingerprint"], [data-kind="replay"], [data-kind="keylogging"]').length >= 6, undefined, { timeout: 20_000 }),
    );
    const fp = await popup.locator('[data-group="fingerprinting"] [data-kind="fingerprint"]').allTextContents();
    expect(fp).toEqual(
      expect.arrayContaining([
        expect.stringContaining('ThreatMetrix tried to identify your device by drawing and reading back a hidden image (canvas) (https://h.online-metrix.net/fp/tags.js)'),
        expect.stringContaining('ThreatMetrix tried to identify your device by processing a silent sound (audio)'),
        // From inside the payment provider's cross-origin frame.
        expect.stringContaining('iovation tried to identify your device by drawing and reading back a hidden image (canvas) (https://mpsnare.iesnare.com/snare.js)'),
      ]),
    );
    // The shop's own small canvas is not fingerprinting.
    expect(fp.join('\n')).not.toContain('trailgear');
    const recording = await popup.locator('[data-group="recording"]').textContent();
    expect(recording).toContain('Hotjar can record your clicks, scrolling and typing on this page');
    expect(recording).toContain('FullStory can record');
    expect(recording).toContain('A script from Hotjar listens to what you type into this page (input)');
  });
  it('an advocacy page with an EveryAction form and an Action Network widget: both platforms named from the markup', async () => {
    const popup = await open('https://www.river-alliance-example.org/', (p) => p.waitForFunction(() => document.querySelectorAll('[data-group="campaign"] [data-kind="campaign"]').length >= 2, undefined, { timeout: 20_000 }));
    const lines = await popup.locator('[data-group="campaign"] [data-kind="campaign"]').allTextContents();
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringContaining('This page is built with EveryAction (ngp-form)'),
        expect.stringContaining('This page is built with Action Network (can-form-area)'),
      ]),
    );
    await expect(popup.locator('[data-group="campaign"] [data-provenance]').first().getAttribute('data-provenance')).resolves.toBe('declared');
  });
});

describe('an ad auction run by the real Prebid.js', () => {
  let b: ExtensionBrowser;
  beforeAll(async () => {
    b = await ExtensionBrowser.launch();
  });
  afterAll(async () => b?.close());

  it('lists the identity providers, person-based ones marked, and the winning advertiser of the slot', async () => {
    const page = await b.context.newPage();
    await page.goto('https://www.tageblatt-example.de/politik/', { waitUntil: 'load' });
    await page.waitForFunction(() => (window as unknown as { pbjs: { getAllWinningBids(): unknown[] } }).pbjs.getAllWinningBids?.().length > 0, undefined, { timeout: 20_000 });
    const popup = await b.openPopup(await b.tabId(page));
    await popup.waitForSelector('[data-kind="bid"]', { timeout: 20_000 });
    const auctions = popup.locator('[data-group="auctions"]');
    const eids = auctions.locator('.eid');
    await expect(eids.allTextContents()).resolves.toEqual(
      expect.arrayContaining(['liveramp.com (person-based: the same ID for you on every device)', expect.stringContaining('uidapi.com (person-based'), 'pubcid.org', 'id5-sync.com']),
    );
    await expect(auctions.locator('.eid[data-person-based="true"]').count()).resolves.toBeGreaterThanOrEqual(2);
    await expect(auctions.locator('.eid', { hasText: 'pubcid.org' }).getAttribute('data-person-based')).resolves.toBe('false');
    const bid = await auctions.locator('[data-kind="bid"] [data-slot="ad-top"]').textContent();
    expect(bid).toContain('Ad slot ad-top: won by openx for citizensforx.org.');
    expect(bid).toContain('Shown on behalf of Citizens for X, paid by Citizens for X PAC.');
  });
});
