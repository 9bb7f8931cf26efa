import { describe, expect, it } from 'vitest';
import { classifyRequest, cookieSignal, learn, isLearnedTracker, type LearningState } from '@/utils/engine';
import { newTab, recordRequest, recordTiming, addCookieSignal } from '@/utils/tabs/state';
import { tabView } from '@/utils/tabs/view';

const PAGE = 'https://www.moreau2026.org/donate';
const HASH = 'a'.repeat(64);
const classify = (url: string) => classifyRequest({ url, documentUrl: PAGE });

describe('tab state', () => {
  it('groups requests by company and counts the profiling ones', () => {
    const s = newTab(1, PAGE, 0);
    for (const url of [PAGE, 'https://connect.facebook.net/en_US/fbevents.js', `https://www.facebook.com/tr/?id=1&ev=Donate&ud[em]=${HASH}`, 'https://www.googletagmanager.com/gtag/js', 'https://secure.actblue.com/donate/x', 'https://fonts.gstatic.com/s/a.woff2']) {
      recordRequest(s, 0, url, classify(url));
    }
    const v = tabView(s, {});
    expect(v.requests).toBe(6);
    expect(v.thirdParty).toBe(5);
    const meta = v.companies.find((c) => c.name === 'Meta')!;
    expect(meta.requests).toBe(2);
    expect(meta.signals.map((x) => x.kind)).toEqual(['pixel-event', 'hashed-identity']);
    expect(v.companies.find((c) => c.name === 'ActBlue')?.category).toBe('political');
    // Meta, ActBlue, and Google (tag manager and fonts are Google's) — fonts alone would not profile.
    expect(v.profilingCount).toBe(2);
  });

  it('Resource Timing fills in what webRequest missed, and only that, however often it is reported', () => {
    const s = newTab(1, PAGE, 0);
    const px = 'https://www.facebook.com/tr/?id=1&ev=PageView';
    recordRequest(s, 0, PAGE, classify(PAGE));
    // The worker was asleep for the first pixel: only the page's own record has it, twice.
    expect(recordTiming(s, 0, px, 2, () => classify(px))).toBe(2);
    expect(recordTiming(s, 0, px, 2, () => classify(px))).toBe(0);
    expect(recordTiming(s, 0, PAGE, 1, () => classify(PAGE))).toBe(0);
    // webRequest then sees a third load of the same URL: one more, not three.
    recordRequest(s, 0, px, classify(px));
    recordRequest(s, 0, px, classify(px));
    recordRequest(s, 0, px, classify(px));
    expect(s.requests).toBe(4);
    expect(s.recovered).toBe(2);
    expect(recordTiming(s, 0, px, 3, () => classify(px))).toBe(0);
    expect(s.requests).toBe(4);
  });

  it('the same URL in two frames is two requests', () => {
    const s = newTab(1, PAGE, 0);
    const url = 'https://www.googletagmanager.com/gtag/js';
    recordRequest(s, 0, url, classify(url));
    recordRequest(s, 3, url, classify(url));
    expect(s.hosts['www.googletagmanager.com']?.requests).toBe(2);
  });

  it('a click id on the page URL is shown for the page, not counted as a company', () => {
    const s = newTab(1, PAGE + '?fbclid=IwAR1', 0);
    recordRequest(s, 0, s.url, classifyRequest({ url: s.url, documentUrl: s.url, type: 'main_frame' }));
    const v = tabView(s, {});
    expect(v.profilingCount).toBe(0);
    expect(v.companies.find((c) => c.site === v.site)?.signals[0]?.kind).toBe('click-id');
  });

  it('third-party cookies attach to the company', () => {
    const s = newTab(1, PAGE, 0);
    const url = 'https://googleads.g.doubleclick.net/pagead/viewthroughconversion/1/';
    const c = classify(url);
    recordRequest(s, 0, url, c);
    const { signal } = cookieSignal(['IDE=AHWqTUm3kLx9dQ2v7pZ; Max-Age=34190000; Secure']);
    expect(addCookieSignal(s, c, signal!)).toBe(true);
    expect(tabView(s, {}).companies[0]?.signals.find((x) => x.kind === 'third-party-cookie')).toMatchObject({ evidence: ['IDE'], detail: '396d' });
  });
});

describe('cookies', () => {
  it('keeps names and lifetime, judges identifiers, skips deletions', () => {
    const r = cookieSignal(['uid=7f3k29dk3l0q9x2m; Max-Age=31536000', 'gone=1; Max-Age=0', 'lang=en; Path=/']);
    expect(r.identifying).toBe(true);
    expect(r.signal).toMatchObject({ evidence: ['uid', 'lang'], detail: '365d' });
    expect(JSON.stringify(r)).not.toContain('7f3k29dk3l0q9x2m');
    expect(cookieSignal(['lang=en']).identifying).toBe(false);
    expect(cookieSignal(['garbage']).signal).toBeUndefined();
  });
});

describe('local learning', () => {
  it('an unnamed third party handling identifiers on three sites becomes a tracker; repeats change nothing', () => {
    const state: LearningState = {};
    expect(learn(state, 'tracker.example', 'a.org', 'third-party-cookie', 1)).toBe(true);
    expect(learn(state, 'tracker.example', 'a.org', 'third-party-cookie', 2)).toBe(false);
    learn(state, 'tracker.example', 'b.org', 'identifier-in-url', 3);
    expect(isLearnedTracker(state['tracker.example'])).toBe(false);
    learn(state, 'tracker.example', 'c.org', 'third-party-cookie', 4);
    expect(isLearnedTracker(state['tracker.example'])).toBe(true);
    expect(state['tracker.example']).toMatchObject({ sites: ['a.org', 'b.org', 'c.org'], evidence: ['third-party-cookie', 'identifier-in-url'] });
    expect(learn(state, 'a.org', 'a.org', 'x', 5)).toBe(false);
  });

  it('a learned tracker is shown as an unnamed tracker and counted', () => {
    const s = newTab(1, PAGE, 0);
    const url = 'https://px.unnamed-collector.net/i.gif';
    recordRequest(s, 0, url, classify(url));
    expect(tabView(s, {}).companies[0]).toMatchObject({ status: 'unknown', profiling: false });
    const learned: LearningState = { 'unnamed-collector.net': { sites: ['a.org', 'b.org', 'c.org'], evidence: ['third-party-cookie'], lastSeen: 0 } };
    expect(tabView(s, learned).companies[0]).toMatchObject({ status: 'learned', profiling: true, learnedSites: 3 });
    expect(tabView(s, learned).profilingCount).toBe(1);
  });
});

describe('bounds', () => {
  it('past 3000 distinct URLs, requests are still counted, and stored state stops growing', () => {
    const s = newTab(1, PAGE, 0);
    for (let i = 0; i < 3500; i++) {
      const url = `https://cdn.example-images.org/${i}.jpg`;
      recordRequest(s, 0, url, classify(url));
    }
    expect(s.requests).toBe(3500);
    expect(Object.keys(s.seen)).toHaveLength(3000);
    expect(s.seenKeys).toBe(3000);
    expect(s.companies['site:example-images.org']?.requests).toBe(3500);
  });
});
