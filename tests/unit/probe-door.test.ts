import { GVL, TCModel, TCString } from '@iabtechlabtcf/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HistoryRecorder } from '@/entrypoints/background/history';
import { LearningStore } from '@/entrypoints/background/learning-store';
import { registerMessages } from '@/entrypoints/background/messages';
import { probeFindings, topFrameFindings } from '@/entrypoints/background/probe';
import { SightingsStore } from '@/entrypoints/background/sightings';
import { TabStore } from '@/entrypoints/background/tab-store';
import { TabBuckets } from '@/utils/tabs/rate-limit';
import { newTab } from '@/utils/tabs/state';
import { testVendorList } from '../fixtures/consent/vendor-list';

const PAGE = 'https://www.stadtanzeiger-example.de/politik/wahl.html';
const ORIGIN = 'https://www.stadtanzeiger-example.de';

function tcString(purposes: number[], vendors: number): string {
  const m = new TCModel(new GVL(testVendorList(900)));
  m.cmpId = 7;
  m.cmpVersion = 1;
  m.purposeConsents.set(purposes);
  m.vendorConsents.set(Array.from({ length: vendors }, (_, i) => i + 1));
  return TCString.encode(m);
}

describe('probe reports at the background door', () => {
  let store: TabStore;
  let tabId: number;

  beforeEach(async () => {
    fakeBrowser.reset();
    tabId = (await fakeBrowser.tabs.create({ url: PAGE })).id!;
    probeFindings.forget(tabId);
    topFrameFindings.forget(tabId);
    store = new TabStore();
    const learning = new LearningStore();
    registerMessages(store, learning, new SightingsStore(store), new HistoryRecorder(store, learning));
    await store.run(() => store.set(newTab(tabId, PAGE, Date.now())));
  });

  const send = async (msg: unknown, sender: object) => (await fakeBrowser.runtime.onMessage.trigger(msg, sender, () => undefined))[0];
  const top = () => ({ id: fakeBrowser.runtime.id, url: PAGE, origin: ORIGIN, tab: { id: tabId }, frameId: 0 });
  const frame = (url: string, origin: string, frameId = 9) => ({ id: fakeBrowser.runtime.id, url, origin, tab: { id: tabId }, frameId });
  const probe = (...findings: unknown[]) => ({ type: 'probe', findings });
  const state = async () => (await store.run(() => store.get(tabId)))!;

  it('an about:blank frame written by a third-party script: the script\'s company, and the frame\'s real origin', async () => {
    const blank = frame('about:blank', ORIGIN);
    await send(probe({ kind: 'fingerprint', technique: 'canvas', script: 'https://h.online-metrix.net/fp/tags.js?org_id=1' }), blank);
    await send(probe({ kind: 'keylogging', script: 'https://static.hotjar.com/c/hotjar-1.js', event: 'input' }), blank);
    await send(probe({ kind: 'eids', providers: [{ source: 'liveramp.com', atype: 3 }] }, { kind: 'gpp', sections: ['7'] }), blank);
    const s = await state();
    expect(s.page.fingerprinting).toEqual([{ technique: 'canvas', script: 'https://h.online-metrix.net/fp/tags.js', company: 'ThreatMetrix', party: 'third', origin: ORIGIN }]);
    expect(s.page.keylogging[0]).toMatchObject({ company: 'Hotjar', origin: ORIGIN });
    expect(s.page.eids).toEqual([{ source: 'liveramp.com', atype: 3, origin: ORIGIN }]);
    expect(s.page.gpp).toEqual([{ section: '7', origin: ORIGIN }]);
    expect(JSON.stringify(s.page)).not.toContain('"null"');
  });

  it('a frame cannot replace the top frame\'s consent: its own is kept apart, by origin', async () => {
    const refused = tcString([1, 2], 812);
    const granted = tcString([1, 2, 3, 4], 1);
    await send(probe({ kind: 'tcf', tcString: refused, eventStatus: 'useractioncomplete', gdprApplies: true }), top());
    await send(probe({ kind: 'tcf', tcString: granted, eventStatus: 'tcloaded', gdprApplies: false }), frame('https://evil.example/x.html', 'https://evil.example'));
    await send(probe({ kind: 'tcf', tcString: granted, eventStatus: 'cookie' }), frame('https://evil.example/x.html', 'https://evil.example'));
    const s = await state();
    expect(s.page.consent).toMatchObject({ vendors: 812, createAdProfile: false, origin: ORIGIN, source: 'api' });
    expect(s.page.gdprApplies).toBe(true);
    expect(s.page.frameConsent).toEqual([expect.objectContaining({ origin: 'https://evil.example', vendors: 1, createAdProfile: true, source: 'api' })]);
  });

  it('a CMP that says the GDPR applies before anyone chose: recorded without a TC string', async () => {
    await send(probe({ kind: 'tcf', tcString: '', eventStatus: 'cmpuishown', gdprApplies: true }), top());
    const s = await state();
    expect(s.page.gdprApplies).toBe(true);
    expect(s.page.consent).toBeUndefined();
  });

  it('per tab, however many frames send: a burst, then a steady rate, counted before parsing', async () => {
    const report = (n: number, i: number) => probe(...Array.from({ length: n }, (_, j) => ({ kind: 'replay', vendor: `v${i}-${j}` })));
    let admitted = 0;
    // 50 about:blank frames, each sending a full report at once.
    for (let i = 0; i < 50; i++) if ((await send(report(100, i), frame('about:blank', ORIGIN, 100 + i))) === null) admitted++;
    expect(admitted).toBe(4);
    // What was dropped is counted on the tab, so the popup can say its findings may be incomplete.
    expect((await state()).page.dropped).toBe(46 * 100);
    // The frames cannot crowd out the top frame, which has a bucket of its own.
    await expect(send(report(1, 98), top())).resolves.toBe(null);
    await expect(send(report(1, 97), frame('about:blank', ORIGIN, 300))).resolves.toBeUndefined();
    // Malformed reports spend tokens too: they are counted before they are parsed.
    topFrameFindings.forget(tabId);
    for (let i = 0; i < 4; i++) await send({ type: 'probe', findings: Array.from({ length: 100 }, () => ({ kind: 'eval' })) }, top());
    await expect(send(report(1, 99), top())).resolves.toBeUndefined();
    // Another tab is not affected.
    const other = (await fakeBrowser.tabs.create({ url: 'https://www.lindenbakery.org/' })).id!;
    topFrameFindings.forget(other);
    await store.run(() => store.set(newTab(other, 'https://www.lindenbakery.org/', Date.now())));
    await expect(send(report(1, 0), { ...top(), url: 'https://www.lindenbakery.org/', origin: 'https://www.lindenbakery.org', tab: { id: other } })).resolves.toBe(null);
  });
});

describe('token buckets per tab', () => {
  it('a burst, then tokens back at the rate, never above the burst', () => {
    let t = 0;
    const b = new TabBuckets(10, 2, () => t);
    expect(b.take(1, 10)).toBe(true);
    expect(b.take(1, 1)).toBe(false);
    t += 500; // one token back
    expect(b.take(1, 1)).toBe(true);
    expect(b.take(1, 1)).toBe(false);
    t += 60_000;
    expect(b.take(1, 11)).toBe(false);
    expect(b.take(1, 10)).toBe(true);
    expect(b.take(2, 10)).toBe(true); // tabs apart
  });
  it('keeps at most maxTabs buckets, and a clock going back gives nothing', () => {
    let t = 1000;
    const b = new TabBuckets(1, 1, () => t, 3);
    for (const tab of [1, 2, 3, 4]) b.take(tab);
    expect(b.take(4)).toBe(false);
    expect(b.take(1)).toBe(true); // tab 1 was forgotten: a fresh bucket
    const c = new TabBuckets(1, 1, () => t, 3);
    expect(c.take(7)).toBe(true);
    t = -5000; // a clock set back refills nothing
    expect(c.take(7)).toBe(false);
  });
});
