import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { LATE_SCANS_MS } from '../../utils/observe/ad-text';
import { ExtensionBrowser } from './harness';

const ARTICLE = 'https://www.tageblatt-example.de/politik/landtagswahl.html';

describe('political lens: political pages, political ads, "Why did I see this ad?"', () => {
  let b: ExtensionBrowser;
  beforeAll(async () => {
    b = await ExtensionBrowser.launch();
  });
  afterAll(async () => b?.close());

  async function popupFor(url: string, ready: (p: Page) => Promise<unknown>): Promise<{ page: Page; popup: Page }> {
    const page = await b.context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    const popup = await b.openPopup(await b.tabId(page));
    await ready(popup);
    return { page, popup };
  }

  it('a party campaign page on NationBuilder with a Meta pixel is a campaign page, and says why', async () => {
    const { popup } = await popupFor('https://www.anna-berger.de/', (p) => p.waitForSelector('[data-group="political-page"]', { timeout: 20_000 }));
    const banner = popup.locator('[data-group="political-page"]');
    await expect(banner.getAttribute('data-label')).resolves.toBe('campaign');
    const text = await banner.textContent();
    expect(text).toContain('Political campaign page');
    expect(text).toContain('The page runs political technology: NationBuilder');
    expect(text).toMatch(/Words that decided it: .*(Landtagswahl|Kandidatin|Spenden|SPD)/);
    await expect(banner.locator('[data-kind="political-political-tech"] [data-provenance]').getAttribute('data-provenance')).resolves.toBe('observed');
    // The pixel is still listed among the companies.
    await expect(popup.locator('.company-name').allTextContents()).resolves.toEqual(expect.arrayContaining(['Meta', 'NationBuilder']));
  });

  it('a news article with a political ad in a cross-origin frame: the ad, its sponsor, its label and the full explanation', async () => {
    // Earlier in the session: a campaign site that sends data to Google.
    const earlier = await b.context.newPage();
    await earlier.goto('https://www.moreau2026.org/donate.html', { waitUntil: 'load' });
    await b.waitForState(await b.tabId(earlier), (s) => !!s.companies['company:Google']);

    const { page, popup } = await popupFor(ARTICLE, (p) =>
      p.waitForFunction(() => document.querySelector('.ad-political [data-kind="adPoliticalLabel"]') && document.querySelector('.ad-political [data-kind="adServedBy"]') && document.querySelector('.ad-political [data-kind="adWinner"]'), undefined, { timeout: 30_000 }),
    );
    const banner = popup.locator('[data-group="political-page"]');
    await expect(banner.getAttribute('data-label')).resolves.toBe('political-news');
    // Each deciding word once, though the article repeats it in title, headings and text.
    const wordsLine = (await banner.locator('[data-kind="political-words"] .signal-text').textContent()) ?? '';
    const words = /^Words that decided it: (.*)\.$/.exec(wordsLine)?.[1]?.split(', ') ?? [];
    expect(words).toEqual(expect.arrayContaining(['Landtagswahl', 'CDU', 'SPD']));
    expect(new Set(words).size).toBe(words.length);

    const ad = popup.locator('.ad-political');
    await expect(ad.count()).resolves.toBe(1);
    await expect(ad.getAttribute('data-slot')).resolves.toBe('div-gpt-ad-top');
    await expect(ad.locator('.ad-sponsor').textContent()).resolves.toBe('Paid for by: Citizens for X');
    await expect(ad.locator('.ad-label').textContent()).resolves.toBe('Label: “Politische Anzeige” (German)');

    const section = async (name: string) => (await ad.locator(`[data-section="${name}"] li`).allTextContents()).join('\n');
    const bought = await section('bought');
    expect(bought).toContain('Sold through Google Ad Manager, ad unit /21700001/tageblatt/politik/top.');
    expect(bought).toContain('Google Ad Manager filled it: advertiser #5039281, order #3311208417, creative #138412278901.');
    expect(bought).toContain('An auction ran in your browser (Prebid.js). Bidders asked: openx, appnexus.');
    // AppNexus was asked, and answered with no bid (the fixture server's 204).
    expect(bought).toContain('Bidders that answered with a bid: openx.');
    expect(bought).toContain('OpenX won the auction.');
    const paid = await section('paid');
    expect(paid).toContain('The winning bid names the advertiser: citizensforx.org.');
    expect(paid).toContain('on behalf of Citizens for X, paid by Citizens for X PAC');
    expect(paid).toContain('The ad says who paid: Citizens for X');
    expect(paid).toContain('Transparency notice: https://citizensforx.org/transparenz');
    const told = await section('told');
    expect(told).toMatch(/targeting keys to the ad server: .*ressort.*permutive.*hb_bidder/);
    expect(told).toContain('Person-based, the same on all your devices: liveramp.com');
    expect(told).toContain('812 companies may use your data; you refused ad profiles.');
    // The page's GPT key-values: segment names shown, and the one that suggests political targeting flagged.
    expect(told).toContain('Values the page sent with them that look like audience or topic segments: ressort: politik; permutive: wahl-interessiert, umwelt.');
    expect(told).toContain('Some of these names suggest targeting on political opinions or other special categories of data: wahl-interessiert (politics).');
    await expect(ad.locator('[data-kind="adTargetingSensitive"] [data-provenance]').getAttribute('data-provenance')).resolves.toBe('inferred');
    // The winning bid's DSA user parameters.
    expect(told).toContain('The bid declares (DSA) that openx.com used: profiling (a profile of you), basic advertising data (the page, your device, your rough location).');
    const known = await section('known');
    expect(known).toContain('Other sites you visited where Google also received data (1): moreau2026.org.');
    expect(known).toContain('We have not seen OpenX on any other site you visited.');
    const rules = await section('rules');
    expect(rules).toContain('We assume EU rules apply here: the ad carries an EU-style political-ad label or transparency notice.');
    expect(rules).toContain('On this ad we found a statement that it is a political ad, a sponsor’s name and a link to a transparency notice. These are among the items Art. 11 requires;');
    expect(rules).toMatch(/Under the TTPA \(Art\. 18\), .*collected from you.*explicit consent separately for political advertising.*no profiling uses special categories.*at least one year under the voting age.*What we saw here that targeting can use: targeting keys that do not describe the page or the auction \(permutive\), identifiers for you, a declared profile of you \(DSA\), the ad network’s data from other sites you visited\./);
    // A German page with an EU label: the US disclaimer rule is not the one to cite.
    expect(rules).not.toContain('FEC');

    // Every line says how we know it.
    const provenances = await ad.locator('[data-section] li [data-provenance]').evaluateAll((els) => els.map((e) => e.getAttribute('data-provenance')));
    expect(provenances.length).toBe(await ad.locator('[data-section] li').count());
    expect(new Set(provenances)).toEqual(new Set(['declared', 'observed', 'inferred']));
    await expect(ad.locator('[data-kind="adSponsor"] [data-provenance]').getAttribute('data-provenance')).resolves.toBe('declared');

    // The house ad in the other slot is an ad, not a political one.
    const house = popup.locator('.ad[data-slot="div-gpt-ad-side"]');
    await expect(house.getAttribute('data-political')).resolves.toBe('false');
    await expect(house.locator('[data-kind="adNoSponsor"]').count()).resolves.toBe(1);
    // The "Anzeige" over the side slot labels that slot: the article around both is not a second, native ad.
    await expect(popup.locator('.ad[data-slot-kind="native"]').count()).resolves.toBe(0);

    // Pointing at the explanation outlines the slot on the page; leaving removes the outline.
    await ad.hover();
    const box = await page.waitForFunction(() => {
      const o = document.querySelector('[data-targetlens-outline]');
      return o && JSON.stringify([o.getBoundingClientRect().toJSON(), document.getElementById('div-gpt-ad-top')!.getBoundingClientRect().toJSON()]);
    });
    const [outline, slot] = JSON.parse((await box.jsonValue()) as string) as DOMRect[];
    expect(Math.abs(outline!.left - (slot!.left - 4))).toBeLessThan(1);
    expect(Math.abs(outline!.width - (slot!.width + 8))).toBeLessThan(1);
    await popup.mouse.move(1, 1);
    await popup.locator('h1').hover();
    await page.waitForFunction(() => !document.querySelector('[data-targetlens-outline]'));
  });

  it('what the ad network could already know comes from the history once the earlier tab is closed and the worker restarted', async () => {
    // The campaign site's tab closes: its visit goes to the history.
    for (const p of b.context.pages().filter((x) => x.url().includes('moreau2026.org'))) await p.close();
    const dashboard = await b.context.newPage();
    await dashboard.goto(`chrome-extension://${b.extensionId}/dashboard.html`);
    await dashboard.waitForFunction(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('targetlens-history');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      // A day row: company i's sites are sites[siteIdx[k]] for k in off[i] … off[i+1] - 1.
      const days = await new Promise<{ sites: string[]; name: string[]; off: Uint32Array; siteIdx: Uint32Array }[]>((resolve) => {
        const r = db.transaction('days').objectStore('days').getAll();
        r.onsuccess = () => resolve(r.result);
      });
      db.close();
      return days.some((d) => {
        const i = d.name.indexOf('Google');
        return i >= 0 && Array.from(d.siteIdx.subarray(d.off[i], d.off[i + 1]), (k) => d.sites[k]).includes('moreau2026.org');
      });
    }, undefined, { timeout: 20_000, polling: 250 });
    await dashboard.close();
    // This session forgets it: the session's sightings are cleared and the worker restarts.
    const worker = await b.worker();
    await worker.evaluate(() => chrome.storage.session.remove('sightings'));
    await b.stopServiceWorker();

    const page = await b.context.newPage();
    await page.goto(`${ARTICLE}?again=1`, { waitUntil: 'load' });
    const tabId = await b.tabId(page);
    const session = (await (await b.worker()).evaluate(async () => (await chrome.storage.session.get('sightings')).sightings)) as Record<string, string[]> | undefined;
    expect(session?.Google ?? []).not.toContain('moreau2026.org');
    const popup = await b.openPopup(tabId);
    const known = popup.locator('.ad-political [data-section="known"]');
    await known.locator('[data-kind="adSeenElsewhere"]').first().waitFor({ timeout: 30_000 });
    await expect(known.textContent()).resolves.toContain('Other sites you visited where Google also received data (1): moreau2026.org.');
    await page.close();
    await popup.close();
  });

  it('a recipe blog with ordinary ads, and an article that names a party once, are not campaign pages', async () => {
    const { page: blog, popup } = await popupFor('https://www.kitchen-diary.org/lentil-soup.html', (p) => p.waitForSelector('[data-group="ads"] .ad', { timeout: 20_000 }));
    await expect(popup.locator('[data-group="political-page"]').count()).resolves.toBe(0);
    // Not political, said quietly: the score, the threshold it missed, and the strongest word.
    const quiet = popup.locator('[data-group="political-none"]');
    await expect(quiet.locator('.signal-text').textContent()).resolves.toMatch(/^Not a political page: score 0\.[0-4]\d, below the threshold of 0\.50\. Strongest words: minister['’]s\.$/);
    await expect(quiet.locator('[data-provenance]').getAttribute('data-provenance')).resolves.toBe('inferred');
    const ads = popup.locator('[data-group="ads"] .ad');
    await expect(ads.evaluateAll((els) => els.map((e) => e.getAttribute('data-political')))).resolves.toEqual(expect.arrayContaining(['false']));
    await expect(popup.locator('.ad-political').count()).resolves.toBe(0);
    const all = (await ads.allTextContents()).join('\n');
    expect(all).toContain('Sold through Google AdSense.');
    expect(all).toContain('The page marks it as “Sponsored”.');
    await expect(popup.locator('.ad[data-slot="footer-ad"]').count()).resolves.toBe(0);
    // The slot at the bottom is filled only once the reader scrolls to it; it is found then,
    // not by the scans that follow the load: the scroll comes after the last of them.
    await blog.waitForTimeout(LATE_SCANS_MS.at(-1)! + 2500);
    await blog.bringToFront();
    await blog.mouse.wheel(0, 4000);
    await b.waitForState(await b.tabId(blog), (s) => !!s.ads?.slots.some((x) => x.key === 'footer-ad'));
    await popup.reload();
    await popup.locator('.ad[data-slot="footer-ad"]').waitFor();

    const page = await b.context.newPage();
    await page.goto('https://www.city-courier.co.uk/transport/new-tram-line.html', { waitUntil: 'load' });
    const tabId = await b.tabId(page);
    // Judged on its text, once the page has sent it.
    await b.waitForState(tabId, (s) => !!s.pageText?.title);
    const article = await b.openPopup(tabId);
    await expect(article.locator('[data-label="campaign"]').count()).resolves.toBe(0);
    await expect(article.locator('[data-group="political-page"]').count()).resolves.toBe(0);

    // "Labour" is also a word; SPD is only a party. Named once in a local report, it is still not political.
    const spd = await b.context.newPage();
    await spd.goto('https://www.weser-kurier-example.de/region/neue-fahrradbruecke.html', { waitUntil: 'load' });
    const spdTab = await b.tabId(spd);
    await b.waitForState(spdTab, (s) => !!s.pageText?.title);
    const spdPopup = await b.openPopup(spdTab);
    await expect(spdPopup.locator('[data-group="political-page"]').count()).resolves.toBe(0);
    await expect(spdPopup.locator('[data-group="political-none"] .signal-text').textContent()).resolves.toMatch(/^Not a political page: score 0\.[0-4]\d, below the threshold of 0\.50\. Strongest words: SPD\.$/);
  });

  it('the history keeps each page\'s political label, and the political ad with its sponsor and explanation', async () => {
    // Closing a tab writes its visit at once.
    for (const p of b.context.pages()) await p.close();
    const dashboard = await b.context.newPage();
    await dashboard.goto(`chrome-extension://${b.extensionId}/dashboard.html`);
    await dashboard.waitForSelector('main[data-ready]');
    const campaign = dashboard.locator('.visit[data-site="anna-berger.de"] .tag');
    await campaign.first().waitFor();
    await expect(campaign.first().textContent()).resolves.toBe('Campaign page');
    await expect(dashboard.locator('.visit[data-site="tageblatt-example.de"] .tag').first().textContent()).resolves.toBe('Political news');
    await expect(dashboard.locator('.visit[data-site="kitchen-diary.org"] .tag').count()).resolves.toBe(0);

    const ads = (await dashboard.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('targetlens-history');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const rows = await new Promise<unknown[]>((resolve) => {
        const r = db.transaction('ads').objectStore('ads').getAll();
        r.onsuccess = () => resolve(r.result);
      });
      db.close();
      return rows;
    })) as { slot: string; sponsor?: string; political?: boolean; labels: string[]; advertiserDomains: string[]; explanation: { section: string; kind: string; text: string; provenance: string }[] }[];
    const political = ads.filter((a) => a.political);
    // The article was read twice (the second time with the history as the only source).
    expect(political.length).toBeGreaterThanOrEqual(1);
    expect(new Set(political.map((a) => a.slot))).toEqual(new Set(['div-gpt-ad-top']));
    expect(political[0]).toMatchObject({ sponsor: 'Citizens for X', labels: ['Politische Anzeige (de)'], advertiserDomains: ['citizensforx.org'] });
    const lines = political[0]!.explanation;
    expect(lines.find((l) => l.kind === 'adWinner')).toEqual({ section: 'bought', kind: 'adWinner', text: 'OpenX won the auction.', provenance: 'declared' });
    expect(new Set(lines.map((l) => l.section))).toEqual(new Set(['bought', 'paid', 'told', 'known', 'rules']));
  });
});
