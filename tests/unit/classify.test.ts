import { describe, expect, it } from 'vitest';
import { attribute, classifyRequest } from '@/utils/engine';

const CAMPAIGN = 'https://www.moreau2026.org/donate';
const HASH = 'a'.repeat(64);

describe('attribution', () => {
  it.each([
    ['https://connect.facebook.net/en_US/fbevents.js', 'Meta'],
    ['https://www.facebook.com/tr/?id=1', 'Meta'],
    ['https://googleads.g.doubleclick.net/pagead/viewthroughconversion/1/', 'Google'],
    ['https://www.youtube.com/embed/x', 'Google'],
    ['https://bat.bing.com/bat.js', 'Microsoft'],
    ['https://static.ads-twitter.com/uwt.js', 'X'],
    ['https://analytics.tiktok.com/i18n/pixel/events.js', 'ByteDance Ltd'],
  ])('%s belongs to %s', (url, company) => {
    expect(attribute(url)?.company).toBe(company);
  });

  it.each([
    ['https://secure.actblue.com/donate/x', 'ActBlue', 'donations'],
    ['https://assets.nationbuilder.com/assets/liquid/x.js', 'NationBuilder', 'campaign-crm'],
    ['https://d3n8a8pro7vhmx.cloudfront.net/moreau/pages/1/attachments/a.pdf', 'NationBuilder', 'campaign-crm'],
    ['https://static.everyaction.com/ea-actiontag/at.js', 'EveryAction', 'campaign-crm'],
    ['https://secure.winred.com/committee/donate', 'WinRed', 'donations'],
    ['https://ds.reson8.com/v1/p', 'Resonate', 'political-ad-tech'],
  ])('%s is political technology: %s', (url, name, role) => {
    const e = attribute(url);
    expect(e?.name).toBe(name);
    expect(e?.category).toBe('political');
    expect(e?.political?.role).toBe(role);
  });

  it('does not attribute a user site on a shared-hosting suffix to the host', () => {
    expect(attribute('https://someone.github.io/app.js')).toBeUndefined();
    expect(attribute('https://d1234abcd.cloudfront.net/x.js')).toBeUndefined();
  });

  it('flags an unnamed domain from the AdGuard lists', () => {
    const c = classifyRequest({ url: 'https://ib.adnxs.com/ut/v3', documentUrl: CAMPAIGN });
    expect(c.party).toBe('third');
    expect(c.entity || c.listed).toBeTruthy();
  });

  it('leaves an ordinary unknown domain unflagged', () => {
    const c = classifyRequest({ url: 'https://cdn.lindenbakery-images.org/loaf.jpg', documentUrl: CAMPAIGN });
    expect(c).toMatchObject({ party: 'third', entity: undefined, listed: undefined, signals: [] });
  });
});

describe('party', () => {
  it('same site is first party', () => {
    expect(classifyRequest({ url: 'https://static.moreau2026.org/a.js', documentUrl: CAMPAIGN }).party).toBe('first');
  });
  it('the same owner is first party: fbcdn.net on facebook.com, youtube.com on google.com', () => {
    expect(classifyRequest({ url: 'https://static.xx.fbcdn.net/rsrc.php/a.js', documentUrl: 'https://www.facebook.com/' }).party).toBe('first');
    expect(classifyRequest({ url: 'https://www.youtube.com/embed/a', documentUrl: 'https://www.google.com/search' }).party).toBe('first');
  });
  it('a different owner is third party, even for big companies', () => {
    expect(classifyRequest({ url: 'https://connect.facebook.net/x.js', documentUrl: 'https://www.google.com/' }).party).toBe('third');
  });
  it('the main frame is first party to itself', () => {
    expect(classifyRequest({ url: 'https://www.facebook.com/', documentUrl: CAMPAIGN, type: 'main_frame' }).party).toBe('first');
  });
  it('two blogs on github.io are two sites', () => {
    expect(classifyRequest({ url: 'https://bob.github.io/x.js', documentUrl: 'https://alice.github.io/' }).party).toBe('third');
  });
});

describe('signals', () => {
  const signals = (url: string, extra: object = {}) => classifyRequest({ url, documentUrl: CAMPAIGN, ...extra }).signals;
  const kinds = (url: string, extra: object = {}) => signals(url, extra).map((s) => s.kind);

  it('Meta advanced matching: hashed fields by name, never the values', () => {
    const s = signals(`https://www.facebook.com/tr/?id=99&ev=Lead&ud[em]=${HASH}&ud[ph]=${'b'.repeat(64)}&ud[zp]=${'c'.repeat(64)}`);
    const id = s.find((x) => x.kind === 'hashed-identity')!;
    expect(id.fields).toEqual(['email', 'phone', 'postcode']);
    expect(id.evidence).toEqual(['ud[em]', 'ud[ph]', 'ud[zp]']);
    expect(JSON.stringify(s)).not.toContain(HASH);
    expect(s.find((x) => x.kind === 'pixel-event')?.detail).toBe('Lead #99');
  });

  it('Meta automatic advanced matching (udff) in a POST form body', () => {
    const s = signals('https://www.facebook.com/tr/', { body: { formData: { id: ['1'], ev: ['PageView'], 'udff[em]': [HASH], 'udff[fn]': [HASH] } } });
    expect(s.find((x) => x.kind === 'hashed-identity')?.fields).toEqual(['email', 'first-name']);
  });

  it('Google enhanced conversions on the wire: em=tv.1~em.…~pn.…', () => {
    const s = signals(`https://www.google.com/pagead/1p-conversion/123/?em=${encodeURIComponent(`tv.1~em.${HASH}~pn.${HASH}~fn0.${HASH}`)}`);
    expect(s.find((x) => x.kind === 'hashed-identity')?.fields).toEqual(['email', 'phone', 'first-name']);
    expect(s.find((x) => x.kind === 'pixel-event')?.detail).toBe('conversion #123');
  });

  it('X email_address, Snap user_email, TikTok JSON body', () => {
    expect(kinds(`https://analytics.twitter.com/i/adsct?txn_id=o1&email_address=${HASH}`)).toContain('hashed-identity');
    expect(kinds(`https://tr.snapchat.com/p?pid=1&u_hem=${HASH}`)).toContain('hashed-identity');
    const body = { text: JSON.stringify({ event: 'CompletePayment', context: { pixel: { code: 'C1' }, user: { email: HASH, phone_number: HASH } } }) };
    const s = signals('https://analytics.tiktok.com/api/v2/pixel', { body });
    expect(s.find((x) => x.kind === 'hashed-identity')?.fields).toEqual(['email', 'phone']);
    expect(s.find((x) => x.kind === 'pixel-event')?.detail).toBe('CompletePayment #C1');
  });

  it('an e-mail address in clear text is reported as such', () => {
    const s = signals('https://px.example-ads.com/c?email=alex.voter%40example.org');
    expect(s.find((x) => x.kind === 'plain-identity')?.fields).toEqual(['email']);
  });

  it('short names like em or fn mean nothing on an unknown endpoint unless hashed', () => {
    expect(kinds('https://api.example-maps.com/tile?fn=render&em=12')).toEqual([]);
  });

  it('click ids, also on the first-party page URL', () => {
    expect(signals('https://www.moreau2026.org/?gclid=abc123', { type: 'main_frame' })).toEqual([
      { kind: 'click-id', provenance: 'observed', evidence: ['gclid'], detail: 'Google' },
    ]);
    expect(kinds('https://bat.bing.com/action/0?ti=1&msclkid=xyz')).toContain('click-id');
  });

  it('cookie syncing with a partner named in the redirect', () => {
    const s = signals('https://sync.example-dsp.com/usersync?partner=7&redir=' + encodeURIComponent('https://ib.adnxs.com/setuid?uid=$UID'));
    expect(s.find((x) => x.kind === 'id-sync')?.detail).toBe('adnxs.com');
  });

  it('identifiers in URLs: known formats and high-entropy values, not cache busters', () => {
    const s = signals('https://t.example-ads.com/p?fbp=fb.1.1700000000000.1234567890&cb=8f3a9c2e71b44d0aa&v=2');
    expect(s.find((x) => x.kind === 'identifier-in-url')?.evidence).toEqual(['fbp']);
  });

  it('beacons', () => {
    expect(kinds('https://collector.example-analytics.com/b', { type: 'ping' })).toContain('beacon');
  });

  it('first-party requests carry no third-party signals', () => {
    expect(signals(`https://www.moreau2026.org/api?email=${HASH}`)).toEqual([]);
  });
});
