import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtensionBrowser } from './harness';

describe('session replay and key logging', () => {
  let b: ExtensionBrowser;
  beforeAll(async () => {
    b = await ExtensionBrowser.launch();
  });
  afterAll(async () => b?.close());

  it('a booking form with five replay snippets: their vendors, and every way their scripts take what you type', async () => {
    const page = await b.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('https://www.holiday-rentals-example.com/booking.html', { waitUntil: 'load' });
    const tabId = await b.tabId(page);
    await page.waitForSelector('#chat-text');
    await page.type('#name', 'Ada Lovelace');
    await page.type('#email', 'ada@example.org');
    await page.type('#requests', 'Ground floor, please');
    await page.type('#chat-text', 'Is there parking?');
    // Smartlook's recorder reads the fields on its own timer: wait until it has.
    await page.waitForFunction(() => (window as unknown as { __slSnapshot?: number }).__slSnapshot! >= 27);
    await page.click('#book');
    await expect(page.title()).resolves.toBe('booked');

    const popup = await b.openPopup(tabId);
    await popup.waitForFunction(() => document.querySelectorAll('[data-kind="keylogging"]').length >= 5 && document.querySelectorAll('[data-kind="replay"]').length >= 5, undefined, { timeout: 20_000 });
    const replay = await popup.locator('[data-group="recording"] [data-kind="replay"]').allTextContents();
    for (const vendor of ['Microsoft Clarity', 'LogRocket', 'Smartlook', 'Mouseflow', 'Yandex Metrica Webvisor']) {
      expect(replay.some((r) => r.startsWith(`${vendor} can record your clicks`)), vendor).toBe(true);
    }
    const keys = await popup.locator('[data-group="recording"] [data-event]').evaluateAll((els) =>
      els.map((e) => `${e.getAttribute('data-company')} ${e.getAttribute('data-event')}`).sort(),
    );
    expect(keys).toEqual(
      expect.arrayContaining([
        'Microsoft onkeydown', // document.onkeydown = …
        'logrocket.io input', // a listener on the div around the fields…
        'logrocket.io value', // …that reads what was typed
        'Smartsupp.com keyup', // Smartlook, on a container whose field was added after load
        'Smartsupp.com value', // reading the fields' values on a timer
        'Mouseflow oninput', // textarea.oninput = …
      ]),
    );
    // Mouseflow also read a field when the form was submitted: that is the submission, not key logging.
    expect(keys).not.toContain('Mouseflow value');
    // The site's own validation listens and reads too: not reported.
    expect(keys.join(' ')).not.toContain('holiday-rentals');
    const text = await popup.locator('[data-group="recording"]').textContent();
    expect(text).toContain('A script from Smartsupp.com reads what you type into fields (their value), before you send anything.');
    expect(text).not.toContain('Ada');
    // What the probe reports crosses a bridge the page can forge: declared by the page.
    await expect(popup.locator('[data-group="recording"] [data-kind="keylogging"] [data-provenance]').first().getAttribute('data-provenance')).resolves.toBe('declared');
    expect(errors).toEqual([]);
    // What the vendors' own scripts computed is what they compute without us.
    const ran = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      return [w.__clarityKeys, w.__lrTyped, w.__mfTyped, w.__mfSubmitted, w.__slChat, w.__booked];
    });
    expect(ran).toEqual([expect.any(Number), 'ada@example.org'.length, true, 'ada@example.org'.length, true, 'Ada Lovelace']);
  });

  it('Yandex Metrica without Webvisor is analytics, not session replay', async () => {
    const page = await b.context.newPage();
    await page.goto('https://www.holiday-rentals-example.com/about.html', { waitUntil: 'load' });
    const tabId = await b.tabId(page);
    // Hotjar's snippet is read in the same pass as Metrica's init parameters.
    const state = await b.waitForState(tabId, (s) => s.page.replay.some((r) => r.vendor === 'Hotjar'));
    expect(state.page.replay.map((r) => r.vendor)).toEqual(['Hotjar']);
    expect(await page.evaluate(() => (window as unknown as { __ymCounters: number }).__ymCounters)).toBe(1);
  });
});
