import { GVL, TCModel, TCString } from '@iabtechlabtcf/core';
import { describe, expect, it } from 'vitest';
import { classifyRequest } from '@/utils/engine';
import { recordFinding } from '@/utils/tabs/page-findings';
import { newTab, recordRequest, type TabState } from '@/utils/tabs/state';
import { tabView } from '@/utils/tabs/view';
import { testVendorList } from '../fixtures/consent/vendor-list';

const HASH = 'a'.repeat(64);
const PIXEL = `https://www.facebook.com/tr/?id=1&ev=PageView&ud[em]=${HASH}`;

function tcString(purposes: number[], specialFeatures: number[] = []): string {
  const m = new TCModel(new GVL(testVendorList(900)));
  m.cmpId = 7;
  m.cmpVersion = 1;
  m.purposeConsents.set(purposes);
  m.vendorConsents.set([1, 2, 3]);
  m.specialFeatureOptins.set(specialFeatures);
  return TCString.encode(m);
}

/** A page that sent a hashed e-mail to Meta, `startedAt` ms before `now`. */
function page(url: string, ageMs = 60_000): { s: TabState; now: number } {
  const now = 1_000_000;
  const s = newTab(1, url, now - ageMs);
  recordRequest(s, 0, PIXEL, classifyRequest({ url: PIXEL, documentUrl: url }));
  return { s, now };
}
const origin = (url: string) => new URL(url).origin;
const record = (s: TabState, f: Parameters<typeof recordFinding>[1], top = true, from = origin(s.url)) =>
  recordFinding(s.page, f, from, (u) => classifyRequest({ url: u, documentUrl: s.url }), top);

describe('consent against behaviour', () => {
  it('refused ad profiles, yet a hashed e-mail went to Meta: the evidence names the signal', () => {
    const { s, now } = page('https://www.news-example.com/a');
    record(s, { kind: 'tcf', tcString: tcString([1, 2]) });
    const m = tabView(s, {}, now).page.consentMismatch;
    expect(m).toMatchObject({ reason: 'refused', companies: ['Meta'] });
    expect(m?.evidence).toEqual([{ company: 'Meta', kind: 'hashed-identity', fields: ['email'], names: ['ud[em]'] }]);
  });
  it('allowed ad profiles: no mismatch', () => {
    const { s, now } = page('https://www.news-example.de/a');
    record(s, { kind: 'tcf', tcString: tcString([1, 2, 3, 4]) });
    expect(tabView(s, {}, now).page.consentMismatch).toBeUndefined();
  });
  it('no consent on a European page: by its CMP saying the GDPR applies, or by its country domain', () => {
    const com = page('https://www.news-example.com/a');
    record(com.s, { kind: 'tcf', tcString: '', gdprApplies: true });
    expect(tabView(com.s, {}, com.now).page.consentMismatch?.reason).toBe('none');

    const de = page('https://www.news-example.de/a');
    expect(tabView(de.s, {}, de.now).page.consentMismatch?.reason).toBe('none');
    // The CMP says the GDPR does not apply (a visitor outside the EU): declared, so believed.
    record(de.s, { kind: 'tcf', tcString: '', gdprApplies: false });
    expect(tabView(de.s, {}, de.now).page.consentMismatch).toBeUndefined();

    const plainCom = page('https://www.news-example.com/a');
    expect(tabView(plainCom.s, {}, plainCom.now).page.consentMismatch).toBeUndefined();
  });
  it('gives the page time to show its banner before calling a missing consent a mismatch', () => {
    const { s, now } = page('https://www.news-example.de/a', 3000);
    expect(tabView(s, {}, now).page.consentMismatch).toBeUndefined();
  });
  it('only the top frame\'s consent, and only its GDPR flag, count', () => {
    const { s, now } = page('https://www.news-example.com/a');
    record(s, { kind: 'tcf', tcString: tcString([1, 2]), gdprApplies: true }, false, 'https://ads.example');
    const v = tabView(s, {}, now).page;
    expect(v.consent).toBeUndefined();
    expect(v.gdprApplies).toBeUndefined();
    expect(v.frameConsent).toHaveLength(1);
    expect(v.consentMismatch).toBeUndefined();
  });
  it('special feature 2 is read either way', () => {
    const { s } = page('https://www.news-example.com/a');
    record(s, { kind: 'tcf', tcString: tcString([1], [2]) });
    expect(s.page.consent?.deviceScan).toBe(true);
    record(s, { kind: 'tcf', tcString: tcString([1], []) });
    expect(s.page.consent?.deviceScan).toBe(false);
  });
  it('a cookie string never replaces what the CMP API said', () => {
    const { s } = page('https://www.news-example.com/a');
    expect(record(s, { kind: 'tcf', tcString: tcString([1, 2]) })).toBe(true);
    expect(record(s, { kind: 'tcf', tcString: tcString([1, 2, 3, 4]), eventStatus: 'cookie' })).toBe(false);
    expect(s.page.consent?.source).toBe('api');
    expect(record(s, { kind: 'tcf', tcString: 'not a TC string' })).toBe(false);
  });
});

describe('GPP sections as the popup names them', () => {
  it('ids and names, US sections apart from the others; the header is no signal', () => {
    const { s, now } = page('https://www.news-example.com/a');
    record(s, { kind: 'gpp', sections: ['2', '3', '7', '8', 'uscav1', 'tcfcav1', '99'] });
    expect(tabView(s, {}, now).page.gpp).toEqual({ us: ['usnat', 'usca'], other: ['tcfeuv2', 'tcfcav1', '99'] });
  });
  it('keeps at most 32 sections', () => {
    const { s } = page('https://www.news-example.com/a');
    for (let i = 0; i < 10; i++) record(s, { kind: 'gpp', sections: Array.from({ length: 10 }, (_, j) => `x${i}-${j}`) });
    expect(s.page.gpp).toHaveLength(32);
  });
});
