import { describe, expect, it } from 'vitest';
import { criteoFindings, identityFromCall, identityFromQueues, uetFindings, webvisorEnabled } from '@/utils/probe/identity-parse';
import { auctionFindings, bidFindings, bidResponseFindings, dsaOfBid, eidsFinding, gppFinding, gptSlotFinding, segmentValues, tcfFinding } from '@/utils/probe/parse';
import { probeFindingSchema } from '@/utils/probe-schema';

const HASH = 'c'.repeat(64);
const throwing = new Proxy({}, { get: () => { throw new Error('hostile'); }, ownKeys: () => { throw new Error('hostile'); } });

describe('identity matching configured by the page', () => {
  it('reads field names from pixel calls, never values', () => {
    const f = identityFromCall('fbq', ['init', '1234', { em: HASH, ph: HASH, external_id: 'u1' }]);
    expect(f).toEqual({ kind: 'identity-config', platform: 'meta', tag: '1234', fields: ['em', 'ph', 'external_id'] });
    expect(JSON.stringify(f)).not.toContain(HASH);
    expect(identityFromCall('snaptr', ['init', 'abc', { user_email: HASH }])?.fields).toEqual(['user_email']);
    expect(identityFromCall('twq', ['config', 'o1x2'])).toMatchObject({ platform: 'x', tag: 'o1x2' });
    expect(identityFromCall('fbq', ['track', 'PageView'])).toBeUndefined();
  });
  it('reads the queues of gtag, TikTok, Criteo, UET and LinkedIn', () => {
    const args = (...a: unknown[]) => a;
    const ttq = Object.assign([['identify', { email: HASH, phone_number: HASH }], ['page']], { _i: { CTIKTOK123: [] } });
    const lintrk = Object.assign(() => undefined, { q: [['track', { conversion_id: 42 }], ['setUserData', { email: HASH }]] });
    const found = identityFromQueues({
      dataLayer: [args('js', new Date()), args('config', 'AW-123'), args('set', 'user_data', { sha256_email_address: HASH, address: {} }), { event: 'gtm.js' }],
      ttq,
      criteo_q: [{ event: 'setAccount', account: 4242 }, { event: 'setEmail', email: HASH, hash_method: 'sha256' }],
      // UET's own syntax: 'set' and its object are two elements of the queue.
      uetq: ['set', { pid: { em: HASH, ph: HASH } }, 'pageLoad'],
      _linkedin_partner_id: '555',
      _linkedin_data_partner_ids: ['555', '556'],
      lintrk,
    });
    expect(found.map((f) => [f.platform, f.tag, f.fields])).toEqual([
      ['google', 'AW-123', []],
      ['google', undefined, ['sha256_email_address', 'address']],
      ['tiktok', undefined, ['email', 'phone_number']],
      ['tiktok', 'CTIKTOK123', []],
      ['criteo', '4242', []],
      ['criteo', undefined, ['email']],
      ['microsoft', undefined, ['em', 'ph']],
      ['linkedin', '555', []],
      ['linkedin', '555', []],
      ['linkedin', '556', []],
      ['linkedin', undefined, ['email']],
    ]);
    expect(JSON.stringify(found)).not.toContain(HASH);
  });
  it('reads calls made to the live functions that replace the queues', () => {
    expect(uetFindings(['set', { pid: { em: HASH } }])).toEqual([{ kind: 'identity-config', platform: 'microsoft', tag: undefined, fields: ['em'] }]);
    expect(uetFindings([['set', { pid: { ph: HASH } }]])[0]?.fields).toEqual(['ph']);
    expect(uetFindings(['event', 'purchase', { revenue_value: 1 }])).toEqual([]);
    expect(criteoFindings([{ event: 'setHashedEmail', email: [HASH] }, { event: 'viewItem', item: 1 }]).map((f) => f.fields)).toEqual([['email']]);
    expect(identityFromCall('ttq.identify', [{ email: HASH, external_id: 'u1' }])).toMatchObject({ platform: 'tiktok', fields: ['email', 'external_id'] });
    expect(identityFromCall('lintrk', ['track', { conversion_id: 9 }])).toBeUndefined();
  });
  it('X: config, init, and the contact fields of events (not their other fields)', () => {
    expect(identityFromCall('twq', ['init', 'o1x2y'])).toMatchObject({ platform: 'x', tag: 'o1x2y', fields: [] });
    expect(identityFromCall('twq', ['event', 'tw-o1x2y-abcd', { email_address: HASH, phone_number: HASH, value: 30, currency: 'EUR' }])).toMatchObject({
      platform: 'x',
      fields: ['email_address', 'phone_number'],
    });
    expect(identityFromCall('twq', ['event', 'tw-o1x2y-abcd', { value: 30 }])).toBeUndefined();
    expect(identityFromCall('snaptr', ['track', 'PURCHASE', { user_email: HASH, price: 3 }])?.fields).toEqual(['user_email']);
  });
  it('Yandex Metrica records sessions only with webvisor: true', () => {
    const call = (...a: unknown[]) => a;
    expect(webvisorEnabled([call(123, 'init', { clickmap: true, webvisor: true })])).toBe(true);
    expect(webvisorEnabled([call(123, 'init', { clickmap: true })], )).toBe(false);
    expect(webvisorEnabled([call(123, 'reachGoal', 'x')])).toBe(false);
    expect(webvisorEnabled(undefined)).toBe(false);
    expect(webvisorEnabled([throwing])).toBe(false);
  });
  it('survives hostile queues', () => {
    expect(identityFromQueues({ dataLayer: [throwing, null, 5], ttq: throwing, criteo_q: [throwing], uetq: 'x', lintrk: throwing, _linkedin_data_partner_ids: throwing })).toEqual([]);
    expect(identityFromCall('fbq', throwing as never)).toBeUndefined();
    expect(uetFindings(throwing as never)).toEqual([]);
    expect(identityFromQueues({ dataLayer: new Array(100_000).fill(['set', 'user_data', { em: 1 }]) })).toHaveLength(500);
  });
});

describe('Prebid.js', () => {
  it('eids: sources and agent types; atype 3 is person-based', () => {
    const f = eidsFinding([
      { source: 'liveramp.com', uids: [{ id: 'XY1', atype: 3 }] },
      { source: 'pubcid.org', uids: [{ id: 'abc', atype: 1 }] },
      { source: 'id5-sync.com', uids: [{ id: 'ID5*', atype: 1, ext: { linkType: 2 } }] },
      { source: '', uids: [] },
      throwing,
    ]);
    expect(f).toEqual({ kind: 'eids', providers: [{ source: 'liveramp.com', atype: 3 }, { source: 'pubcid.org', atype: 1 }, { source: 'id5-sync.com', atype: 1 }] });
    expect(JSON.stringify(f)).not.toContain('XY1');
    expect(eidsFinding('nope')).toBeUndefined();
  });
  it('winning bids: bidder, advertiser domains, DSA transparency', () => {
    const found = bidFindings([
      { adUnitCode: 'div-gpt-ad-top', bidderCode: 'appnexus', cpm: 2.1, meta: { advertiserDomains: ['citizensforx.org'], dsa: { behalf: 'Citizens for X', paid: 'Citizens for X PAC' } } },
      { adUnitCode: 'side', bidder: 'rubicon', meta: {} },
      { meta: { advertiserDomains: ['x.com'] } },
      throwing,
    ]);
    expect(found).toEqual([
      { kind: 'bid', slot: 'div-gpt-ad-top', bidder: 'appnexus', advertiserDomains: ['citizensforx.org'], dsa: { behalf: 'Citizens for X', paid: 'Citizens for X PAC' } },
      { kind: 'bid', slot: 'side', bidder: 'rubicon', advertiserDomains: [], dsa: undefined },
    ]);
    for (const f of found) expect(probeFindingSchema.safeParse(f).success).toBe(true);
  });
  it('DSA: who it was shown for, who paid, the user parameters each domain applied, and adrender (0 or 1)', () => {
    expect(
      dsaOfBid({ behalf: 'Citizens for X', paid: 'Citizens for X PAC', transparency: [{ domain: 'openx.com', dsaparams: [1, 2, 1] }, { domain: 'dsp.example', params: [3] }, { dsaparams: [1] }, throwing], adrender: 1 }),
    ).toEqual({ behalf: 'Citizens for X', paid: 'Citizens for X PAC', transparency: [{ domain: 'openx.com', params: [1, 2] }, { domain: 'dsp.example', params: [3] }], adrender: 1 });
    // adrender is the buyer's flag, 0 or 1; pubrender (2 = the publisher will render) belongs to the request.
    expect(dsaOfBid({ behalf: 'A', adrender: 2 })).toEqual({ behalf: 'A', paid: undefined });
    expect(dsaOfBid({ transparency: [{ domain: 'x.example', dsaparams: [-1, 1.5, '2', 999, 2] }] })!.transparency).toEqual([{ domain: 'x.example', params: [2] }]);
    expect(dsaOfBid('dsa')).toBeUndefined();
    expect(dsaOfBid(throwing)).toMatchObject({});
    const f = bidFindings([{ adUnitCode: 'a', bidderCode: 'openx', meta: { dsa: { behalf: 'B', transparency: [{ domain: 'openx.com', dsaparams: [1] }], adrender: 0 } } }]);
    expect(probeFindingSchema.safeParse(f[0]).success).toBe(true);
    expect(probeFindingSchema.safeParse({ ...f[0], dsa: { adrender: 2 } }).success).toBe(false);
  });
  it('bid responses: the bidders that answered each slot, apart from those asked', () => {
    const found = bidResponseFindings({
      'div-gpt-ad-top': { bids: [{ bidderCode: 'openx', cpm: 2.5 }, { bidder: 'rubicon' }, { bidderCode: 'openx' }] },
      side: { bids: [] },
      bad: throwing,
    });
    expect(found).toEqual([
      // Who was asked is not in the responses: it stays unknown here, not taken from who answered.
      { kind: 'auction', slot: 'div-gpt-ad-top', bidders: [], answered: ['openx', 'rubicon'] },
      { kind: 'auction', slot: 'side', bidders: [], answered: [] },
    ]);
    for (const f of found) expect(probeFindingSchema.safeParse(f).success).toBe(true);
    expect(bidResponseFindings([1, 2])).toEqual([]);
    expect(bidResponseFindings(throwing)).toEqual([]);
  });
});

describe('targeting values', () => {
  it('keeps values that look like segment names, drops header-bidding keys, prices and identifiers', () => {
    const values: Record<string, unknown> = {
      permutive: ['wahl-interessiert', 'umwelt', '1234567', 'a'],
      ressort: 'politik',
      hb_pb: ['2.50'],
      hb_adid: ['3f1b2c9d8e7a'],
      uid: ['c29cb2ae-769d-42f6-891a-f53cadee823d'],
      long: ['x'.repeat(60)],
      obj: [{ toString: () => 'evil' }],
    };
    expect(segmentValues(Object.keys(values), (k) => values[k])).toEqual({ permutive: ['wahl-interessiert', 'umwelt'], ressort: ['politik'] });
    expect(segmentValues(['a'], () => { throw new Error('x'); })).toBeUndefined();
    expect(segmentValues(throwing, () => [])).toBeUndefined();
  });
  it('segment names are letters of any script, the same on every call', () => {
    const values: Record<string, unknown> = { audience: ['Wähler', 'élections', 'кандидат', '選挙候補者', '--x', '12ab'] };
    const expected = { audience: ['Wähler', 'élections', 'кандидат', '選挙候補者'] };
    expect(segmentValues(['audience'], (k) => values[k])).toEqual(expected);
    expect(segmentValues(['audience'], (k) => values[k])).toEqual(expected);
  });
});

describe('Google Publisher Tag', () => {
  it('slot, element, targeting keys and the response information', () => {
    const slot = {
      getAdUnitPath: () => '/1234/news/politics',
      getSlotElementId: () => 'div-gpt-ad-1',
      getTargetingKeys: () => ['pos', 'hb_bidder', 'permutive'],
      getResponseInformation: () => ({ advertiserId: 4001, campaignId: 5002, creativeId: 6003, lineItemId: 7004, isBackfill: false }),
    };
    expect(gptSlotFinding(slot)).toEqual({
      kind: 'gpt-slot', slot: '/1234/news/politics', elementId: 'div-gpt-ad-1', targetingKeys: ['pos', 'hb_bidder', 'permutive'],
      advertiserId: 4001, campaignId: 5002, creativeId: 6003, lineItemId: 7004,
    });
  });
  it('page-level targeting keys go with every slot', () => {
    expect(gptSlotFinding({ getSlotElementId: () => 'a', getTargetingKeys: () => ['pos'] }, ['ressort', { k: 1 }, 'permutive'])).toMatchObject({ targetingKeys: ['pos'], pageKeys: ['ressort', 'permutive'] });
  });
  it('segment-like values of the page and the slot go with the keys', () => {
    const page: Record<string, string[]> = { permutive: ['wahl-interessiert'], ressort: ['politik'] };
    const f = gptSlotFinding(
      { getSlotElementId: () => 'a', getTargetingKeys: () => ['pos', 'hb_pb'], getTargeting: (k: string) => ({ pos: ['top'], hb_pb: ['2.50'] })[k] },
      Object.keys(page),
      (k) => page[k],
    );
    expect(f).toMatchObject({ values: { permutive: ['wahl-interessiert'], ressort: ['politik'], pos: ['top'] } });
    expect(probeFindingSchema.safeParse(f).success).toBe(true);
    expect(probeFindingSchema.safeParse({ ...f, values: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, ['x']])) }).success).toBe(false);
  });
  it('never sends more segment keys than the schema takes, however many the page and the slot set', () => {
    // One finding over the bound would make the background drop the whole batch it came in.
    const many = (prefix: string, n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i}`, ['sport']]));
    for (const [pageN, slotN] of [[20, 20], [50, 50], [0, 50], [50, 0], [19, 2]] as const) {
      const page = many('page', pageN);
      const own = many('slot', slotN);
      const f = gptSlotFinding(
        { getSlotElementId: () => 'a', getTargetingKeys: () => Object.keys(own), getTargeting: (k: string) => own[k] },
        Object.keys(page),
        (k) => page[k],
      );
      expect(probeFindingSchema.safeParse(f).success, `${pageN} page keys, ${slotN} slot keys`).toBe(true);
      const values = (f as { values?: Record<string, string[]> }).values ?? {};
      expect(Object.keys(values)).toHaveLength(Math.min(20, Math.min(20, pageN) + Math.min(20, slotN)));
      // The slot's own keys come first: they are what this ad's request carried beyond the page's.
      expect(Object.keys(values).filter((k) => k.startsWith('slot'))).toHaveLength(Math.min(20, slotN));
    }
  });
  it('an unfilled slot has no response information; a hostile one gives nothing', () => {
    expect(gptSlotFinding({ getSlotElementId: () => 'a', getResponseInformation: () => null })).toMatchObject({ elementId: 'a', advertiserId: undefined });
    expect(gptSlotFinding({ getSlotElementId: () => { throw new Error('x'); } })).toBeUndefined();
    expect(gptSlotFinding(throwing as never)).toBeUndefined();
  });
});

describe('Prebid ad units', () => {
  it('the bidders each slot asks, once each', () => {
    const units = [
      { code: 'div-gpt-ad-top', bids: [{ bidder: 'openx' }, { bidder: 'appnexus' }, { bidder: 'openx' }] },
      { code: 'empty', bids: [] },
      { code: 'side', bids: [{ bidder: { name: 'x' } }, null, { bidder: 'rubicon' }] },
    ];
    const found = auctionFindings(units);
    expect(found).toEqual([
      { kind: 'auction', slot: 'div-gpt-ad-top', bidders: ['openx', 'appnexus'] },
      { kind: 'auction', slot: 'side', bidders: ['rubicon'] },
    ]);
    for (const f of found) expect(probeFindingSchema.safeParse(f).success).toBe(true);
    expect(auctionFindings(throwing)).toEqual([]);
    expect(auctionFindings('pbjs')).toEqual([]);
  });
});

describe('consent APIs', () => {
  it('TCF callback: only the TC string and status, only on success', () => {
    expect(tcfFinding({ tcString: 'CQabc', eventStatus: 'tcloaded', gdprApplies: true, purpose: { consents: { 1: true } } }, true)).toEqual({
      kind: 'tcf', tcString: 'CQabc', eventStatus: 'tcloaded', gdprApplies: true,
    });
    expect(tcfFinding({ tcString: 'CQabc' }, false)).toBeUndefined();
    expect(tcfFinding(throwing, true)).toBeUndefined();
    expect(tcfFinding({ tcString: 'C'.repeat(20_000) }, true)).toMatchObject({ tcString: 'C'.repeat(8192) });
  });
  it('GPP ping: applicable sections, or the parsed ones', () => {
    expect(gppFinding({ applicableSections: [7, 8], gppString: 'DBABLA~' })).toEqual({ kind: 'gpp', sections: ['7', '8'] });
    expect(gppFinding({ applicableSections: [-1] })).toBeUndefined();
    expect(gppFinding({ parsedSections: { usnat: {}, uspv1: {} } })).toEqual({ kind: 'gpp', sections: ['usnat', 'uspv1'] });
    expect(gppFinding(throwing)).toBeUndefined();
  });
});

describe('GPT: the newer APIs and its own events', () => {
  it('setConfig targeting keys, and source-agnostic ids when GPT gives no creative or line item', () => {
    const slot = {
      getAdUnitPath: () => '/1/backfill',
      getSlotElementId: () => 'side',
      getTargetingKeys: () => ['pos'],
      getConfig: (k: string) => (k === 'targeting' ? { targeting: { pos: 'x', kw: ['a'] } } : {}),
      getResponseInformation: () => ({ advertiserId: 1, campaignId: 2, creativeId: null, lineItemId: null, sourceAgnosticCreativeId: 77, sourceAgnosticLineItemId: 78 }),
    };
    expect(gptSlotFinding(slot, ['section'])).toMatchObject({ targetingKeys: ['pos', 'kw'], pageKeys: ['section'], creativeId: 77, lineItemId: 78 });
  });
  it('slots filled after the page was read are read when GPT says so', async () => {
    const { gptReader } = await import('@/utils/probe/gpt');
    const listeners: Record<string, ((e: unknown) => void)[]> = {};
    let info: unknown = null;
    const slot = { getAdUnitPath: () => '/1/more', getSlotElementId: () => 'more', getTargetingKeys: () => [], getResponseInformation: () => info };
    const w = {
      googletag: {
        apiReady: true,
        getConfig: () => ({ targeting: { section: 'x' } }),
        pubads: () => ({ getSlots: () => [slot], getTargetingKeys: () => [], addEventListener: (t: string, fn: (e: unknown) => void) => (listeners[t] ??= []).push(fn) }),
      },
    };
    const found: unknown[] = [];
    const read = gptReader(w, (f) => found.push(f));
    read();
    expect(found).toEqual([expect.objectContaining({ elementId: 'more', advertiserId: undefined, pageKeys: ['section'] })]);
    read(); // listens once
    expect(Object.keys(listeners).sort()).toEqual(['slotOnload', 'slotRenderEnded']);
    expect(listeners.slotRenderEnded).toHaveLength(1);
    info = { advertiserId: 5, campaignId: 6, creativeId: 7, lineItemId: 8 };
    listeners.slotRenderEnded![0]!({ slot, isEmpty: false });
    expect(found[2]).toMatchObject({ elementId: 'more', advertiserId: 5, creativeId: 7 });
    // A hostile event or slot never throws into GPT, and events are bounded.
    expect(() => listeners.slotOnload![0]!(throwing)).not.toThrow();
    for (let i = 0; i < 500; i++) listeners.slotOnload![0]!({ slot });
    expect(found.length).toBeLessThanOrEqual(203);
  });
});
