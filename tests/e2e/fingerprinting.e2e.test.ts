import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtensionBrowser } from './harness';

describe('fingerprinting, each technique attributed to the script that used it', () => {
  let b: ExtensionBrowser;
  beforeAll(async () => {
    b = await ExtensionBrowser.launch();
  });
  afterAll(async () => b?.close());

  it('a ticket shop with three fraud-prevention vendors: device properties, WebGL, audio, fonts three ways, OffscreenCanvas', async () => {
    const page = await b.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('https://www.fairground-tickets.com/', { waitUntil: 'load' });
    const tabId = await b.tabId(page);
    const popup = await b.openPopup(tabId);
    await popup.waitForFunction(() => document.querySelectorAll('[data-kind="fingerprint"]').length >= 7, undefined, { timeout: 20_000 });
    const lines = await popup.locator('[data-group="fingerprinting"] [data-technique]').evaluateAll((els) =>
      els.map((e) => `${e.getAttribute('data-company')} ${e.getAttribute('data-technique')}`).sort(),
    );
    expect(lines).toEqual(['Forter fonts', 'PerimeterX audio', 'PerimeterX navigator', 'PerimeterX webgl', 'Riskified canvas', 'Riskified fonts', 'ThreatMetrix fonts']);
    const text = await popup.locator('[data-group="fingerprinting"]').textContent();
    expect(text).toContain('PerimeterX tried to identify your device by reading many properties of your browser and screen (navigator, screen) (https://client.perimeterx.net/PXfair01/main.min.js)');
    expect(text).toContain('Forter tried to identify your device by measuring which fonts you have');
    // The page's own seat map (sampled one pixel at a time), its offline click sound, its
    // layout loop, and the feedback widget copying the page's drawing are no fingerprints.
    expect(text).not.toMatch(/fairground|feedback-widget/);

    // The page's scripts ran as without us: same results, no errors, their stack limit kept,
    // and the wrapped APIs look native.
    expect(errors).toEqual([]);
    const seen = await page.evaluate(() => {
      const w = window as unknown as Record<string, number> & { __pxProps: number; __forterFonts: number; __riskifiedFonts: number; __riskifiedCanvas: number; __tmxFonts: number };
      const ctx = document.createElement('canvas').getContext('2d')!;
      let stack = '';
      Error.stackTraceLimit = 10;
      try {
        ctx.getImageData(0, 0, 0, 0);
      } catch (e) {
        stack = String((e as Error).stack);
      }
      const getter = Object.getOwnPropertyDescriptor(Navigator.prototype, 'hardwareConcurrency')!.get!;
      // A context the page's own code makes is left as it is (only other hosts' contexts are watched).
      const drawn = document.createElement('canvas').getContext('2d')!;
      drawn.fillText('x', 0, 0);
      const afterDraw = [Object.getOwnPropertyNames(drawn).length, drawn.fillText === CanvasRenderingContext2D.prototype.fillText];
      return {
        ran: [w.__pxProps > 20, w.__forterFonts > 100, w.__riskifiedFonts > 0, w.__riskifiedCanvas > 0, w.__tmxFonts >= 0],
        limit: w.__limitAfter,
        native: [
          Function.prototype.toString.call(CanvasRenderingContext2D.prototype.getImageData),
          Function.prototype.toString.call(getter),
          Function.prototype.toString.call(Function.prototype.toString),
        ],
        getterName: getter.name,
        afterDraw,
        stack,
      };
    });
    expect(seen.ran).toEqual([true, true, true, true, true]);
    expect(seen.limit).toBe(0);
    expect(seen.native).toEqual([
      'function getImageData() { [native code] }',
      'function get hardwareConcurrency() { [native code] }',
      'function toString() { [native code] }',
    ]);
    expect(seen.getterName).toBe('get hardwareConcurrency');
    expect(seen.afterDraw).toEqual([0, true]);
    // An error thrown by the native API through our wrapper shows the page's frames, not ours.
    expect(seen.stack).toMatch(/^IndexSizeError: .*\n\s+at /);
    expect(seen.stack).not.toContain('chrome-extension://');
  });

  it('fingerprinting inside an about:blank frame the script made itself: its company, under the frame\'s real origin', async () => {
    const page = await b.context.newPage();
    await page.goto('https://www.ferry-bookings-example.com/', { waitUntil: 'load' });
    // The script used only the blank frame's canvas and navigator: only the probe inside that frame can see it.
    expect(await page.evaluate(() => (window as unknown as { __frameCanvas: number }).__frameCanvas)).toBeGreaterThan(100);
    const tabId = await b.tabId(page);
    const state = await b.waitForState(tabId, (s) => s.page.fingerprinting.length >= 2);
    expect(state.page.fingerprinting.map((f) => [f.company, f.technique, f.origin]).sort()).toEqual([
      ['Riskified', 'canvas', 'https://www.ferry-bookings-example.com'],
      ['Riskified', 'navigator', 'https://www.ferry-bookings-example.com'],
    ]);
    const popup = await b.openPopup(tabId);
    await expect(popup.locator('[data-group="fingerprinting"] [data-company="Riskified"]').count()).resolves.toBe(2);
  });
});
