import { describe, expect, it } from 'vitest';
import { classifyRequest } from '@/utils/engine';
import { adViews, type AdView } from '@/utils/ads/explain';
import { emptyAds, recordAdFrame, recordAdLink, recordSlots } from '@/utils/ads/state';
import { recordSightings } from '@/utils/ads/sightings';
import { newTab, recordRequest, type TabState } from '@/utils/tabs/state';
import { recordFinding } from '@/utils/tabs/page-findings';
import type { ProbeFinding } from '@/utils/probe-schema';

const PAGE = 'https://www.tageblatt-example.de/politik/landtagswahl.html';
const ORIGIN = 'https://www.tageblatt-example.de';
const TOKEN = '0b7f5a52-3c1e-4f2a-9d3b-6c8e1f2a3b4c';
const classify = (url: string) => classifyRequest({ url, documentUrl: PAGE });

function page(findings: ProbeFinding[], requests: string[] = []): TabState {
  const s = newTab(1, PAGE, 0);
  for (const url of [PAGE, ...requests]) recordRequest(s, 0, url, classify(url));
  for (const f of findings) recordFinding(s.page, f, ORIGIN, classify);
  s.ads = emptyAds();
  return s;
}

const gptSlot: ProbeFinding = {
  kind: 'gpt-slot', slot: '/217/tageblatt/top', elementId: 'div-gpt-ad-top', targetingKeys: ['hb_bidder', 'hb_adid'], pageKeys: ['ressort'],
  advertiserId: 5039281, campaignId: 3311208417, creativeId: 138412278901,
};
const auction: ProbeFinding = { kind: 'auction', slot: 'div-gpt-ad-top', bidders: ['openx', 'appnexus'] };
const bid: ProbeFinding = { kind: 'bid', slot: 'div-gpt-ad-top', bidder: 'openx', advertiserDomains: ['citizensforx.org'], dsa: { behalf: 'Citizens for X', paid: 'Citizens for X PAC' } };
const eids: ProbeFinding = { kind: 'eids', providers: [{ source: 'liveramp.com', atype: 3 }, { source: 'pubcid.org', atype: 1 }] };
const slot = { key: 'div-gpt-ad-top', kind: 'gpt' as const, elementId: 'div-gpt-ad-top', size: [300, 250] as [number, number], frameHosts: ['tpc.googlesyndication.com'], text: '', links: [] };

const keys = (v: AdView | undefined, section?: string) => (v?.lines ?? []).filter((l) => !section || l.section === section).map((l) => l.key);

describe('"Why did I see this ad?"', () => {
  it('explains an auctioned political ad from its slot, its frame, the bids and the page', () => {
    const s = page([gptSlot, auction, bid, eids], ['https://rtb.openx.net/openrtbb/prebidjs', 'https://securepubads.g.doubleclick.net/tag/js/gpt.js']);
    recordSlots(s.ads!, [slot]);
    recordAdLink(s.ads!, TOKEN, 'div-gpt-ad-top'); // the link may arrive before the frame's text
    recordAdFrame(s.ads!, TOKEN, 'https://s0.2mdn.net', 'Politische Anzeige\nFür eine grünere Stadt: Wählen Sie am 8. März!\nPaid for by Citizens for X. Transparenzbekanntmachung', [
      { href: 'https://citizensforx.org/transparenz', text: 'Transparenzbekanntmachung' },
    ]);
    const [ad] = adViews(s, { classify, sightings: { Google: ['tageblatt-example.de', 'moreau2026.org'], OpenX: ['tageblatt-example.de'] } });
    expect(ad).toMatchObject({ key: 'div-gpt-ad-top', political: true, sponsor: 'Citizens for X', noticeUrl: 'https://citizensforx.org/transparenz', advertiserDomains: ['citizensforx.org'] });
    expect(ad!.labels).toEqual([{ text: expect.stringMatching(/^Politische Anzeige$/i), language: 'de' }]);
    expect(keys(ad, 'bought')).toEqual(['adBoughtGpt', 'adServedBy', 'adAuction', 'adWinner', 'adFrameFrom']);
    expect(ad!.lines.find((l) => l.key === 'adWinner')?.subs).toEqual(['OpenX']);
    expect(ad!.lines.find((l) => l.key === 'adAuction')?.subs).toEqual(['openx, appnexus']);
    expect(keys(ad, 'paid')).toEqual(expect.arrayContaining(['adAdvertiser', 'adDsa', 'adSponsor', 'adPoliticalLabel', 'adNotice']));
    expect(keys(ad, 'paid')).not.toContain('adNoSponsor');
    expect(ad!.lines.find((l) => l.key === 'adTargetingKeys')?.subs).toEqual(['ressort, hb_bidder, hb_adid']);
    expect(ad!.lines.find((l) => l.key === 'adIdentityPerson')?.subs).toEqual(['liveramp.com, pubcid.org', 'liveramp.com']);
    expect(keys(ad, 'told')).toContain('adConsentNone');
    const known = ad!.lines.filter((l) => l.section === 'known');
    expect(known).toEqual(
      expect.arrayContaining([
        { section: 'known', key: 'adSeenElsewhere', subs: ['Google', '1', 'moreau2026.org'], provenance: 'observed' },
        { section: 'known', key: 'adSeenNowhere', subs: ['OpenX'], provenance: 'observed' },
      ]),
    );
    expect(keys(ad, 'rules')).toEqual(['adRulesComplete', 'adRulesSpecialData', 'adRulesUs']);
    // Every line says how we know it.
    expect(ad!.lines.every((l) => ['observed', 'declared', 'inferred'].includes(l.provenance))).toBe(true);
  });

  it('names what a political ad lacks, and does not call an unlabelled ad political', () => {
    const s = page([gptSlot]);
    recordSlots(s.ads!, [slot, { ...slot, key: 'side', elementId: 'side', frameHosts: [] }]);
    recordAdFrame(s.ads!, TOKEN, 'https://s0.2mdn.net', 'Vote Smith. Paid for by Smith for Council.', []);
    recordAdLink(s.ads!, TOKEN, 'side');
    const views = adViews(s, { classify, sightings: {} });
    const side = views.find((v) => v.key === 'side')!;
    expect(side.political).toBe(true);
    expect(side.lines.find((l) => l.key === 'adRulesMissing')?.subs).toEqual(['adMissingLabel', 'adMissingNotice']);
    const top = views.find((v) => v.key === 'div-gpt-ad-top')!;
    expect(top.political).toBe(false);
    expect(keys(top, 'paid')).toEqual(['adNoSponsor']);
    expect(keys(top, 'rules')).toEqual([]);
    // Political first.
    expect(views[0]!.key).toBe('side');
  });

  it('keeps iframes only when an ad company serves them or they say they are ads', () => {
    const s = page([]);
    recordSlots(s.ads!, [
      { key: 'video', kind: 'iframe', size: [640, 360], frameHosts: ['www.youtube-nocookie.com'], text: '', links: [] },
      { key: 'dbl', kind: 'iframe', size: [300, 250], frameHosts: ['googleads.g.doubleclick.net'], text: '', links: [] },
      { key: 'native-0', kind: 'native', size: [300, 120], frameHosts: [], text: 'Sponsored\nSponsored Winter boots, 20% off', links: [] },
    ]);
    const views = adViews(s, { classify, sightings: {} });
    expect(views.map((v) => v.key).sort()).toEqual(['dbl', 'native-0']);
    expect(views.find((v) => v.key === 'dbl')!.lines.find((l) => l.key === 'adFrameFrom')).toMatchObject({ subs: ['googleads.g.doubleclick.net', 'Google'], provenance: 'observed' });
    expect(keys(views.find((v) => v.key === 'native-0'), 'bought')).toEqual(['adNativeLabel']);
  });

  it('includes slots that the ad libraries named but the page scan did not find', () => {
    const s = page([gptSlot, bid]);
    const views = adViews(s, { classify, sightings: {} });
    expect(views.map((v) => v.key)).toEqual(['div-gpt-ad-top']);
    expect(views[0]!.advertiserDomains).toEqual(['citizensforx.org']);
  });
});

describe('session sightings', () => {
  it('records each third-party company once per site, bounded, and idempotently', () => {
    const sightings = {};
    const s = page([], ['https://www.facebook.com/tr/?id=1&ev=PageView']);
    expect(recordSightings(sightings, s)).toBe(true);
    expect(recordSightings(sightings, s)).toBe(false);
    expect(sightings).toEqual({ Meta: ['tageblatt-example.de'] });
  });
});

describe('ad state', () => {
  it('keeps at most 30 frames, and a link once', () => {
    const ads = emptyAds();
    for (let i = 0; i < 40; i++) recordAdFrame(ads, `${i}`, 'https://a.example', 'x', []);
    expect(Object.keys(ads.frames)).toHaveLength(30);
    expect(recordAdLink(ads, 't', 'a')).toBe(true);
    expect(recordAdLink(ads, 't', 'b')).toBe(false);
  });
});
