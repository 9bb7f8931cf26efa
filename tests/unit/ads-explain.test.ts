import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyRequest } from '@/utils/engine';
import { adViews, type AdLine, type AdView, type LineSub } from '@/utils/ads/explain';
import { sensitiveKind } from '@/utils/ads/segments';
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

// The English messages, filled in as the browser's i18n does ($1 … $9 through the placeholders).
const EN = JSON.parse(readFileSync(join(import.meta.dirname, '../../public/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
function message(key: string, subs: string[]): string {
  const m = EN[key];
  if (!m) throw new Error(`no message ${key}`);
  return m.message.replace(/\$([A-Z_]+)\$/g, (_, name: string) => {
    const n = Number(m.placeholders![name.toLowerCase()]!.content.slice(1));
    return subs[n - 1] ?? '';
  });
}
const sub = (x: LineSub): string => (typeof x === 'string' ? x : 'msg' in x ? message(x.msg, (x.subs ?? []).map(sub)) : 'list' in x ? x.list.map(sub).join(', ') : x.lang);
const text = (l: AdLine | undefined) => (l ? message(l.key, l.subs.map(sub)) : '');
const lineOf = (v: AdView | undefined, key: string) => v?.lines.find((l) => l.key === key);

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
    expect(ad!.labels).toEqual([{ text: expect.stringMatching(/^Politische Anzeige$/i), language: 'de', rule: 'eu' }]);
    expect(keys(ad, 'bought')).toEqual(['adBoughtGpt', 'adServedBy', 'adAuction', 'adWinner', 'adFrameFrom']);
    expect(ad!.lines.find((l) => l.key === 'adWinner')?.subs).toEqual(['OpenX']);
    expect(text(lineOf(ad, 'adAuction'))).toBe('An auction ran in your browser (Prebid.js). Bidders asked: openx, appnexus.');
    expect(keys(ad, 'paid')).toEqual(expect.arrayContaining(['adAdvertiser', 'adDsa', 'adSponsor', 'adPoliticalLabel', 'adNotice']));
    expect(keys(ad, 'paid')).not.toContain('adNoSponsor');
    expect(text(lineOf(ad, 'adTargetingKeys'))).toBe('The page sent these targeting keys to the ad server: ressort, hb_bidder, hb_adid.');
    expect(text(lineOf(ad, 'adIdentityPerson'))).toContain('Person-based, the same on all your devices: liveramp.com.');
    expect(keys(ad, 'told')).toContain('adConsentNone');
    const known = ad!.lines.filter((l) => l.section === 'known');
    expect(known).toEqual(
      expect.arrayContaining([
        { section: 'known', key: 'adSeenElsewhere', subs: ['Google', '1', 'moreau2026.org'], provenance: 'observed' },
        { section: 'known', key: 'adSeenNowhere', subs: ['OpenX'], provenance: 'observed' },
      ]),
    );
    // A German page and an EU label: EU rules; the label, the sponsor and the notice link were all found.
    expect(keys(ad, 'rules')).toEqual(['adRulesWhereEu', 'adRulesTtpaAll', 'adRulesTargeting']);
    expect(text(lineOf(ad, 'adRulesWhereEu'))).toBe('We assume EU rules apply here: the ad carries an EU-style political-ad label or transparency notice.');
    // Art. 11 in full: what we found is some of it, and the rest we say we cannot check.
    const art11 = text(lineOf(ad, 'adRulesTtpaAll'));
    for (const item of ['say that it is a political ad', 'who its sponsor is', 'or say clearly where it can easily be found', 'the election, referendum, or legislative or regulatory process it is linked to', 'targeting or ad-delivery techniques were used']) {
      expect(art11).toContain(item);
    }
    expect(art11).toContain('On this ad we found a statement that it is a political ad, a sponsor’s name and a link to a transparency notice. These are among the items Art. 11 requires;');
    expect(art11).toContain('the linked election or process, the statement about targeting, and whether the format meets the rules, we cannot check.');
    expect(art11).not.toContain('all three');
    // Art. 18, next to the signals it is about, with its conditions.
    const art18 = text(lineOf(ad, 'adRulesTargeting'));
    // hb_bidder, hb_adid (the auction's) and ressort (the page's section) are not about the reader: no "targeting keys" signal.
    expect(art18).toContain('What we saw here that targeting can use: identifiers for you, the ad network’s data from other sites you visited.');
    for (const condition of ['collected from you', 'explicit consent separately for political advertising', 'no profiling uses special categories', 'one year under the voting age']) expect(art18).toContain(condition);
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
    // A .de page: EU rules; a sponsor was named, no EU label and no notice link.
    expect(text(lineOf(side, 'adRulesWhereEu'))).toContain('the page’s address ends in .de');
    expect(text(lineOf(side, 'adRulesTtpaSome'))).toMatch(/On this ad we found: a sponsor’s name\. We did not find: a statement that it is a political ad, a link to a transparency notice\./);
    // The US disclaimer line is for US rules only.
    expect(keys(side, 'rules')).not.toContain('adRulesUs');
    // No targeting signal next to this ad: no Art. 18 line.
    expect(keys(side, 'rules')).not.toContain('adRulesTargeting');
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

describe('what the rules say, and where', () => {
  const usPage = (lang = 'en-US') => {
    const url = 'https://www.valley-times-example.com/news/race.html';
    const s = newTab(1, url, 0);
    recordRequest(s, 0, url, classifyRequest({ url, documentUrl: url }));
    s.pageText = { url, lang, title: 'x', headings: [], meta: {}, schemaTypes: [], text: '' };
    s.ads = emptyAds();
    return s;
  };

  it('on a US page with a "Paid for by": US rules, stated as what they cover, and no EU "missing" line', () => {
    const s = usPage();
    recordSlots(s.ads!, [{ key: 'box', kind: 'native', size: [300, 250], frameHosts: [], text: 'Sponsored\nRe-elect Mayor Diaz\nPaid for by Diaz for Mayor', links: [] }]);
    const [ad] = adViews(s, { classify, sightings: {} });
    expect(ad!.political).toBe(true);
    expect(keys(ad, 'rules')).toEqual(['adRulesWhereUs', 'adRulesUs']);
    expect(text(lineOf(ad, 'adRulesWhereUs'))).toContain('the ad carries a US-style disclaimer (“Paid for by Diaz for Mayor”) and the page is not on an EU domain');
    const us = text(lineOf(ad, 'adRulesUs'));
    expect(us).toContain('on certain political communications');
    expect(us).toContain('depends on who paid and on the medium');
    expect(us).toContain('This ad carries one: “Paid for by Diaz for Mayor”.');
  });

  it('does not count an ad-choices link as a transparency notice; under EU rules, "Political ad" is the label', () => {
    // TTPA Art. 11(1)(a) asks for a statement that the ad is political, in any words: an Irish or Maltese ad may say "Political ad".
    const s = page([]);
    recordSlots(s.ads!, [
      { key: 'box', kind: 'native', size: [300, 250], frameHosts: [], text: 'Political ad\nVote Smith', links: [{ href: 'https://adssettings.example/why', text: 'Why am I seeing this ad?' }] },
    ]);
    const [ad] = adViews(s, { classify, sightings: {} });
    expect(ad!.political).toBe(true);
    expect(ad!.noticeUrl).toBeUndefined();
    expect(ad!.labels).toEqual([{ text: 'Political ad', language: 'en', rule: 'us' }]);
    expect(text(lineOf(ad, 'adPoliticalLabel'))).toBe('Labelled as a political ad: “Political ad” (en).');
    expect(keys(ad, 'paid')).not.toContain('adUsLabel');
    expect(text(lineOf(ad, 'adChoicesLink'))).toBe('The ad links to “Why am I seeing this ad?”, its ad network’s page about why you see ads.');
    expect(keys(ad, 'rules')).toEqual(['adRulesWhereEu', 'adRulesTtpaSome', 'adRulesAdChoices']);
    const some = text(lineOf(ad, 'adRulesTtpaSome'));
    expect(some).toContain('On this ad we found: a statement that it is a political ad. We did not find: a sponsor’s name, a link to a transparency notice.');
    // A notice may be given as a pointer to where it is published, which we may not recognise.
    expect(some).toContain('such as a note saying where the notice can be found');
    expect(keys(ad, 'paid')).not.toContain('adNotice');
  });

  it('counts any political-ad label under EU rules, and says it found the label, sponsor and notice only when all three are there', () => {
    const cases: [string, { href: string; text: string }[], string][] = [
      ['Politische Anzeige\nWählen Sie Grün', [{ href: 'https://x.example/t', text: 'Transparenzbekanntmachung' }], 'adRulesTtpaSome'],
      ['Politische Anzeige\nAuftraggeber: Grüne Liste Talheim', [], 'adRulesTtpaSome'],
      ['Paid for by Grüne Liste Talheim', [{ href: 'https://x.example/t', text: 'Transparency notice' }], 'adRulesTtpaSome'],
      ['Auftraggeber: Grüne Liste Talheim\nPolitical ad', [{ href: 'https://x.example/t', text: 'Transparency notice' }], 'adRulesTtpaAll'],
      ['Politische Anzeige\nAuftraggeber: Grüne Liste Talheim', [{ href: 'https://x.example/t', text: 'Transparenzbekanntmachung' }], 'adRulesTtpaAll'],
    ];
    for (const [t, links, expected] of cases) {
      const s = page([]);
      recordSlots(s.ads!, [{ key: 'box', kind: 'native', size: [300, 250], frameHosts: [], text: t, links }]);
      const [ad] = adViews(s, { classify, sightings: {} });
      expect(keys(ad, 'rules').filter((k) => k.startsWith('adRulesTtpa')), t).toEqual([expected]);
    }
  });

  it('reads "Political advertisement" next to a "Paid for by" on a US page as a US ad', () => {
    for (const t of ['Political advertisement\nPaid for by Smith for Congress', 'Political advertisement Paid for by Smith for Congress', 'Political advertisement · Paid for by Smith for Congress']) {
      for (const lang of ['en-US', 'en', '']) {
        const s = usPage(lang);
        recordSlots(s.ads!, [{ key: 'box', kind: 'native', size: [300, 250], frameHosts: [], text: t, links: [] }]);
        const [ad] = adViews(s, { classify, sightings: {} });
        expect(ad!.sponsor, t).toBe('Smith for Congress');
        expect(keys(ad, 'rules'), `${t} (${lang})`).toEqual(['adRulesWhereUs', 'adRulesUs']);
        expect(text(lineOf(ad, 'adRulesWhereUs'))).toContain('the ad carries a US-style disclaimer (“Paid for by Smith for Congress”)');
      }
    }
    // The same words on an EU country's domain, or on a page tagged with an EU country, are under EU rules.
    const s = page([]);
    recordSlots(s.ads!, [{ key: 'box', kind: 'native', size: [300, 250], frameHosts: [], text: 'Political advertisement\nPaid for by Smith for Congress', links: [] }]);
    expect(keys(adViews(s, { classify, sightings: {} })[0], 'rules')[0]).toBe('adRulesWhereEu');
    const irish = usPage('en-IE');
    recordSlots(irish.ads!, [{ key: 'box', kind: 'native', size: [300, 250], frameHosts: [], text: 'Political advertisement\nPaid for by Smith for Dáil', links: [] }]);
    const [ie] = adViews(irish, { classify, sightings: {} });
    expect(text(lineOf(ie, 'adRulesWhereEu'))).toBe('We assume EU rules apply here: the page declares its language as en-IE.');
    // Without a US disclaimer, the English EU label decides on a generic domain.
    const plain = usPage('en');
    recordSlots(plain.ads!, [{ key: 'box', kind: 'native', size: [300, 250], frameHosts: [], text: 'Political advertisement\nSponsor: Smith for Congress', links: [] }]);
    expect(text(lineOf(adViews(plain, { classify, sightings: {} })[0], 'adRulesWhereEu'))).toBe('We assume EU rules apply here: the ad carries an EU-style political-ad label or transparency notice.');
    // A page tagged with a country outside the EU: we cannot tell.
    const swiss = usPage('de-CH');
    recordSlots(swiss.ads!, [{ key: 'box', kind: 'native', size: [300, 250], frameHosts: [], text: 'Political advertisement\nSponsor: Smith for Congress', links: [] }]);
    expect(keys(adViews(swiss, { classify, sightings: {} })[0], 'rules')[0]).toBe('adRulesWhereUnknown');
  });

  it('under US rules, US wording is named as such', () => {
    const s = usPage('en-US');
    recordSlots(s.ads!, [{ key: 'box', kind: 'native', size: [300, 250], frameHosts: [], text: 'Pol ad\nPaid for by Diaz for Mayor', links: [] }]);
    const [ad] = adViews(s, { classify, sightings: {} });
    expect(text(lineOf(ad, 'adUsLabel'))).toBe('Labelled as a political ad, in the wording US rules use: “Pol ad” (en).');
  });

  it('infers the rules from the page language when the ad says nothing of where it is from', () => {
    // A sponsor line in Dutch, no label and no notice: only the page's language (nl) can decide.
    const s = usPage('nl');
    recordSlots(s.ads!, [{ key: 'box', kind: 'native', size: [300, 250], frameHosts: [], text: 'Betaald door GroenLinks Utrecht', links: [] }]);
    const [nl] = adViews(s, { classify, sightings: {} });
    expect(nl!.political).toBe(true);
    expect(keys(nl, 'rules')[0]).toBe('adRulesWhereEu');
    expect(lineOf(nl, 'adRulesWhereEu')!.subs).toEqual([{ msg: 'adWhyLang', subs: ['nl'] }]);
    expect(text(lineOf(nl, 'adRulesWhereEu'))).toBe('We assume EU rules apply here: the page declares its language as nl.');
    // The same ad on a page in English says nothing of where it is from.
    const en = usPage('en');
    recordSlots(en.ads!, [{ key: 'box', kind: 'native', size: [300, 250], frameHosts: [], text: 'Betaald door GroenLinks Utrecht', links: [] }]);
    expect(keys(adViews(en, { classify, sightings: {} })[0], 'rules')[0]).toBe('adRulesWhereUnknown');
    const unknown = usPage('en');
    const bidOnly: ProbeFinding = { kind: 'bid', slot: 'box', bidder: 'openx', advertiserDomains: ['kamalaharris.com'] };
    recordFinding(unknown.page, bidOnly, 'https://www.valley-times-example.com', classify);
    const [ad] = adViews(unknown, { classify, sightings: {} });
    // A known campaign's domain as the advertiser marks the ad political, as an inference.
    expect(ad!.political).toBe(true);
    expect(lineOf(ad, 'adAdvertiserParty')).toMatchObject({ provenance: 'inferred' });
    expect(text(lineOf(ad, 'adAdvertiserParty'))).toBe('kamalaharris.com is the official site of Kamala Harris for President (2024), so we take this for a political ad.');
    expect(keys(ad, 'rules')[0]).toBe('adRulesWhereUnknown');
  });
});

describe('what the bids and the page declare', () => {
  it('bidders asked and bidders that bid, DSA user parameters, segment values and what their names suggest', () => {
    const slotWithValues: ProbeFinding = { ...gptSlot, values: { permutive: ['wahl-interessiert', 'umwelt'], ressort: ['politik'] } } as ProbeFinding;
    const answered: ProbeFinding = { kind: 'auction', slot: 'div-gpt-ad-top', bidders: ['openx'], answered: ['openx'] };
    const dsaBid: ProbeFinding = { ...bid, dsa: { behalf: 'Citizens for X', paid: 'Citizens for X PAC', transparency: [{ domain: 'openx.com', params: [1, 2] }], adrender: 0 } } as ProbeFinding;
    const s = page([slotWithValues, auction, answered, dsaBid]);
    recordSlots(s.ads!, [slot]);
    const [ad] = adViews(s, { classify, sightings: {} });
    expect(text(lineOf(ad, 'adAuction'))).toContain('Bidders asked: openx, appnexus.');
    expect(text(lineOf(ad, 'adAuctionAnswered'))).toBe('Bidders that answered with a bid: openx.');
    expect(lineOf(ad, 'adDsaParams')).toMatchObject({ section: 'told', provenance: 'declared' });
    expect(text(lineOf(ad, 'adDsaParams'))).toBe('The bid declares (DSA) that openx.com used: profiling (a profile of you), basic advertising data (the page, your device, your rough location).');
    expect(text(lineOf(ad, 'adTargetingValues'))).toBe('Values the page sent with them that look like audience or topic segments: permutive: wahl-interessiert, umwelt; ressort: politik.');
    expect(lineOf(ad, 'adTargetingSensitive')).toMatchObject({ provenance: 'inferred' });
    // The page's own section (ressort: politik) describes the page, not the reader.
    expect(text(lineOf(ad, 'adTargetingSensitive'))).toBe('Some of these names suggest targeting on political opinions or other special categories of data: wahl-interessiert (politics).');
    // The advertiser's domain is not one we know; the ad is not political for the DSA fields alone.
    expect(ad!.political).toBe(false);
    const none = page([{ kind: 'auction', slot: 'div-gpt-ad-top', bidders: ['openx'], answered: [] }]);
    recordSlots(none.ads!, [slot]);
    expect(keys(adViews(none, { classify, sightings: {} })[0], 'bought')).toContain('adAuctionNoBids');
  });

  it('merges the bidders that answered into the auction a slot asked, idempotently', () => {
    const s = page([auction]);
    const add = (answered: string[]) => recordFinding(s.page, { kind: 'auction', slot: 'div-gpt-ad-top', bidders: [], answered }, ORIGIN, classify);
    expect(add([])).toBe(true); // no bid yet is news
    expect(add([])).toBe(false);
    expect(add(['openx'])).toBe(true);
    expect(add(['openx'])).toBe(false);
    expect(s.page.auctions).toEqual([{ slot: 'div-gpt-ad-top', bidders: ['openx', 'appnexus'], answered: ['openx'], origin: ORIGIN }]);
  });

  it('reads every segment key the probe reports for sensitive names, though it lists only the first six', () => {
    const values: Record<string, string[]> = {};
    for (let i = 0; i < 8; i++) values[`ctx${i}`] = ['sport'];
    values.audience = ['likely_voters', 'gardening'];
    values.dmp = ['religion-christ'];
    const s = page([{ ...gptSlot, values } as ProbeFinding]);
    recordSlots(s.ads!, [slot]);
    const [ad] = adViews(s, { classify, sightings: {} });
    // Shown: six keys and how many more there are.
    expect(text(lineOf(ad, 'adTargetingValuesMore'))).toBe(
      'Values the page sent with them that look like audience or topic segments: ctx0: sport; ctx1: sport; ctx2: sport; ctx3: sport; ctx4: sport; ctx5: sport (and values for 4 more keys).',
    );
    // Flagged: the keys past the sixth too.
    expect(text(lineOf(ad, 'adTargetingSensitive'))).toBe(
      'Some of these names suggest targeting on political opinions or other special categories of data: likely_voters (politics), religion-christ (religion).',
    );
  });

  it('counts only targeting keys that can be about the reader as a targeting signal under Art. 18', () => {
    const explain = (targetingKeys: string[], pageKeys: string[]) => {
      const s = page([{ ...gptSlot, targetingKeys, pageKeys } as ProbeFinding, eids, auction]);
      recordSlots(s.ads!, [{ ...slot, text: 'Politische Anzeige\nAuftraggeber: Bürgerliste', frameHosts: [] }]);
      return adViews(s, { classify, sightings: {} })[0]!;
    };
    // Header bidding (hb_*, amzn*), the slot's position and the page's section: listed as sent, not a signal.
    const plumbing = explain(['hb_bidder', 'hb_pb', 'amznbid', 'pos', 'refresh'], ['ressort', 'kw', 'pagetype']);
    expect(text(lineOf(plumbing, 'adTargetingKeys'))).toBe('The page sent these targeting keys to the ad server: ressort, kw, pagetype, hb_bidder, hb_pb, amznbid, pos, refresh.');
    expect(text(lineOf(plumbing, 'adRulesTargeting'))).toContain('What we saw here that targeting can use: identifiers for you.');
    // An audience key is one.
    const audience = explain(['hb_bidder', 'pos'], ['ressort', 'permutive']);
    expect(text(lineOf(audience, 'adRulesTargeting'))).toContain('What we saw here that targeting can use: targeting keys that do not describe the page or the auction (permutive), identifiers for you.');
  });

  it('does not present the bidders that answered as those asked, when the page did not say who was asked', () => {
    // requestBids({ adUnits }) leaves pbjs.adUnits empty: only getBidResponses tells us anything.
    const s = page([{ kind: 'auction', slot: 'div-gpt-ad-top', bidders: [], answered: ['openx'] }]);
    recordSlots(s.ads!, [slot]);
    const [ad] = adViews(s, { classify, sightings: {} });
    expect(keys(ad, 'bought')).toEqual(expect.arrayContaining(['adAuctionRan', 'adAuctionAnswered']));
    expect(keys(ad, 'bought')).not.toContain('adAuction');
    expect(text(lineOf(ad, 'adAuctionRan'))).toBe('An auction ran in your browser (Prebid.js); we could not see which bidders it asked.');
    expect(text(lineOf(ad, 'adAuctionAnswered'))).toBe('Bidders that answered with a bid: openx.');
    const none = page([{ kind: 'auction', slot: 'div-gpt-ad-top', bidders: [], answered: [] }]);
    recordSlots(none.ads!, [slot]);
    const [quiet] = adViews(none, { classify, sightings: {} });
    expect(keys(quiet, 'bought')).toEqual(expect.arrayContaining(['adAuctionRan', 'adAuctionNoBids']));
    expect(text(lineOf(quiet, 'adAuctionNoBids'))).toBe('No bidder answered with a bid.');
  });

  it('marks an ad political when its advertiser is political ad tech or a partisan donation platform, not a campaign CRM or data firm', () => {
    const advertiser = (domain: string) => {
      const s = page([{ ...bid, advertiserDomains: [domain], dsa: undefined } as ProbeFinding]);
      return adViews(s, { classify, sightings: {} })[0]!;
    };
    const dsp = advertiser('ads.dspolitical.com');
    expect(dsp.political).toBe(true);
    expect(text(lineOf(dsp, 'adAdvertiserPoliticalTech'))).toBe('dspolitical.com belongs to DSPolitical, political ad technology, so we take this for a political ad.');
    const actblue = advertiser('secure.actblue.com');
    expect(actblue.political).toBe(true);
    expect(keys(actblue, 'paid')).not.toContain('adAdvertiserPoliticalTech');
    expect(text(lineOf(actblue, 'adAdvertiserPartisanDonations'))).toBe('actblue.com belongs to ActBlue, a donation platform for one side’s campaigns and causes only, so we take this for a political ad.');
    // Software and data vendors that advertise their own product: an ordinary ad.
    for (const d of ['nationbuilder.com', 'l2-data.com', 'targetsmart.com', 'salsalabs.com', 'everyaction.com', 'qomon.com', 'anedot.com', 'mobilize.us']) {
      const ad = advertiser(d);
      expect(ad.political, d).toBe(false);
      expect(keys(ad, 'paid').filter((k) => k.startsWith('adAdvertiserP')), d).toEqual([]);
      expect(keys(ad, 'rules'), d).toEqual([]);
    }
  });

  it('reads segment names for political and special-category words in four languages', () => {
    for (const [v, kind] of [
      ['wahl-interessiert', 'politics'], ['politikinteressiert', 'politics'], ['likely_voters', 'politics'], ['LikelyVoters', 'politics'], ['electeurs-indecis', 'politics'],
      ['verkiezingen', 'politics'], ['swing voters', 'politics'], ['bundestagswahl', 'politics'], ['Wechselwähler', 'politics'], ['zwevende kiezers', 'politics'],
      ['politique', 'politics'], ['political-news', 'politics'], ['stemgedrag', 'politics'], ['republicans', 'politics'], ['parteimitglied', 'politics'],
      ['health_conscious', 'health'], ['schwanger', 'health'], ['diabetes', 'health'], ['grossesse', 'health'], ['kanker', 'health'], ['fertility-treatment', 'health'],
      ['religion-christ', 'religion'], ['catholiques', 'religion'], ['muslim', 'religion'], ['kerkgangers', 'religion'], ['evangelische-kirche', 'religion'],
      ['lgbtq-friendly', 'sexuality'], ['homosexuell', 'sexuality'], ['lesbienne', 'sexuality'],
      ['ethnic-minorities', 'ethnicity'], ['hispanic', 'ethnicity'], ['migrationshintergrund', 'ethnicity'], ['allochtonen', 'ethnicity'],
      ['vakbond', 'union'], ['trade union members', 'union'], ['gewerkschaftsmitglied', 'union'], ['syndicats', 'union'],
    ] as const) {
      expect(sensitiveKind(v), v).toBe(kind);
    }
  });

  it('does not read ordinary segment names that merely begin or end like a sensitive word', () => {
    // Written as a list of real interest and shopping segments, not from the patterns.
    const decoys = [
      // English
      'electronics', 'consumer-electronics', 'electric-cars', 'electricians', 'christmas_shoppers', 'ChristmasShoppers', 'christopher', 'migraine', 'fertilizer',
      'fertiliser', 'stem', 'stem-education', 'polite', 'politeness', 'party-supplies', 'progressive-rock', 'conservatory', 'links', 'affiliate-links', 'race-fans',
      'european-union', 'credit-union', 'healthy-snacks', 'travel-guide-books', 'big-data',
      'gaming', 'origin-coffee', 'trans-atlantic-flights', 'golf-handicap', 'teaching-aids', 'progressive-insurance', 'conservative-investors', 'system', 'autos', 'sport', 'i360_AGE_18_TO_29',
      // German
      'auswahl', 'wahlweise', 'produktauswahl', 'wählerisch', 'stempel', 'gewichte-stemmen', 'rechtsschutz', 'linksverkehr', 'partyzubehör', 'herkunft-regional',
      'elektronik', 'kirmes', 'umwelt', 'holz-spielzeug', 'christbaumschmuck', 'Wahlpflichtfach',
      // French
      'politesse', 'électroménager', 'électricité', 'origine-france', 'meubles', 'syndic-copropriete', 'santons', 'christophe',
      // Dutch
      'stem', 'stempels', 'kerstshoppers', 'kerstinkopen', 'elektronica', 'elektrische-autos', 'kunstmest', 'feestartikelen', 'linksaf', 'partij-schaak',
    ];
    for (const v of decoys) expect(sensitiveKind(v), v).toBeUndefined();
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
