import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { knownSightings } from '@/entrypoints/background/lens';
import type { HistoryDB } from '@/utils/db/database';
import { visitDraft, type LensReading } from '@/utils/db/from-tab';
import { sitesOfCompanies } from '@/utils/db/queries';
import { writeVisits } from '@/utils/db/write';
import { DAY, freshDb, pixel, T0, tabState } from './fixtures';

const ad: LensReading['ads'][number] = {
  slot: 'div-gpt-ad-top',
  sponsor: 'Citizens for X',
  labels: ['Politische Anzeige (de)'],
  advertiserDomains: ['citizensforx.org'],
  political: true,
  explanation: [
    { section: 'bought', kind: 'adWinner', text: 'OpenX won the auction.', provenance: 'declared' },
    { section: 'paid', kind: 'adSponsor', text: 'The ad says who paid: Citizens for X.', provenance: 'declared' },
  ],
};

describe('the political lens in the history', () => {
  let db: HistoryDB;
  beforeEach(() => {
    fakeBrowser.reset();
    db = freshDb();
  });
  afterEach(async () => db.delete());

  it('keeps the page\'s political label and its ads with their explanation, once however often written', async () => {
    const s = tabState(4, 'https://www.tageblatt-example.de/politik/landtagswahl.html', T0, [{ key: 'company:OpenX', requests: 2 }]);
    const lens: LensReading = { political: 'political-news', ads: [ad] };
    for (let i = 0; i < 3; i++) await writeVisits(db, [visitDraft(s, { pathMode: 'path', lens })!], T0 + i);
    const [visit] = await db.visits.toArray();
    expect(visit?.political).toBe('political-news');
    const ads = await db.ads.toArray();
    expect(ads).toHaveLength(1);
    expect(ads[0]).toMatchObject({ visit: visit!.id, slot: 'div-gpt-ad-top', sponsor: 'Citizens for X', political: true });
    expect(ads[0]!.explanation.map((l) => l.kind)).toEqual(['adWinner', 'adSponsor']);
  });

  it('a page the lens finds not political has no label, even with campaign technology seen before the lens spoke', async () => {
    const s = tabState(5, 'https://www.kitchen-diary.org/lentil-soup.html', T0, [], { page: { ...tabState(0, 'https://x.org/', 0).page, campaign: [{ platform: 'nationbuilder', evidence: 'NB', origin: 'https://www.kitchen-diary.org' }] } });
    expect(visitDraft(s, { pathMode: 'path', lens: { political: null, ads: [] } })!.visit.political).toBeUndefined();
    // Without the lens (older callers), a recognised campaign platform still marks the visit.
    expect(visitDraft(s, { pathMode: 'path' })!.visit.political).toBe('campaign');
  });

  it('tells where an ad company received data before: the history\'s sites, newest first, joined with this session\'s', async () => {
    const visits = [
      tabState(1, 'https://www.moreau2026.org/donate', T0, [{ key: 'company:Google', requests: 3, signals: [pixel()] }]),
      tabState(2, 'https://www.lindenbakery.org/', T0 + DAY, [{ key: 'company:Google', requests: 1 }, { key: 'company:Meta', requests: 1 }]),
      tabState(3, 'https://www.trailgear-shop.com/', T0 + 2 * DAY, [{ key: 'company:Meta', requests: 1 }]),
    ];
    await writeVisits(db, visits.map((s) => visitDraft(s, { pathMode: 'path' })!), T0);
    expect(await sitesOfCompanies(db, ['company:Google'])).toEqual({ Google: ['lindenbakery.org', 'moreau2026.org'] });
    expect(await sitesOfCompanies(db, [])).toEqual({});

    const now = tabState(9, 'https://www.tageblatt-example.de/', T0 + 3 * DAY, [{ key: 'company:Google', requests: 1 }, { key: 'company:OpenX', requests: 1 }]);
    const known = await knownSightings(db, { Google: ['anna-berger.de'], Criteo: ['example.org'] }, now);
    expect(known.Google).toEqual(['anna-berger.de', 'lindenbakery.org', 'moreau2026.org']);
    expect(known.Criteo).toEqual(['example.org']);
    // Meta is not on this page: its history is not read.
    expect(known.Meta).toBeUndefined();
  });

  it('a history that cannot be read leaves the session\'s sightings', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const broken = { days: { orderBy: () => { throw new Error('closed'); } } } as unknown as HistoryDB;
    const now = tabState(9, 'https://www.tageblatt-example.de/', T0, [{ key: 'company:Google', requests: 1 }]);
    await expect(knownSightings(broken, { Google: ['a.org'] }, now)).resolves.toEqual({ Google: ['a.org'] });
  });
});
