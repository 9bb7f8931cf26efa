import { afterAll, describe, expect, it } from 'vitest';
import { ExtensionBrowser } from './harness';

// The popup speaks the browser's language; every string comes from _locales.
const CASES = [
  { lang: 'de', heading: 'Politische Technologie', hashed: 'E-Mail-Adresse', observed: 'beobachtet' },
  { lang: 'fr', heading: 'Technologie politique', hashed: 'adresse e-mail', observed: 'observé' },
  { lang: 'nl', heading: 'Politieke technologie', hashed: 'e-mailadres', observed: 'waargenomen' },
];

describe('the popup in German, French and Dutch', () => {
  let b: ExtensionBrowser | undefined;
  afterAll(async () => b?.close());

  for (const c of CASES) {
    it(c.lang, async () => {
      b = await ExtensionBrowser.launch({ lang: c.lang });
      const page = await b.context.newPage();
      await page.goto(`https://www.moreau2026.org/donate.html?lang=${c.lang}`, { waitUntil: 'load' });
      const tabId = await b.tabId(page);
      await b.waitForState(tabId, (s) => Object.keys(s.companies).length >= 4);
      const popup = await b.openPopup(tabId);
      await expect(popup.locator('[data-group="political"] h2').textContent()).resolves.toBe(c.heading);
      const line = popup.locator('[data-company="Meta"] [data-kind="hashed-identity"]');
      await expect(line.textContent()).resolves.toContain(c.hashed);
      await expect(line.locator('[data-provenance]').textContent()).resolves.toBe(c.observed);
      // No English left behind in the main summary.
      await expect(popup.locator('.summary').textContent()).resolves.not.toContain('Companies');
      await b.close();
      b = undefined;
    });
  }
});
