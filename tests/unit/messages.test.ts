import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HistoryRecorder } from '@/entrypoints/background/history';
import { LearningStore } from '@/entrypoints/background/learning-store';
import { registerMessages } from '@/entrypoints/background/messages';
import { SightingsStore } from '@/entrypoints/background/sightings';
import { TabStore } from '@/entrypoints/background/tab-store';
import { newTab } from '@/utils/tabs/state';

const PAGE = 'https://www.moreau2026.org/donate';
// One document: every report in a test comes from the same page load.
const T0 = Date.now();

describe('the background message door', () => {
  let store: TabStore;
  let own: string;
  let tabId: number;

  beforeEach(async () => {
    fakeBrowser.reset();
    const tab = await fakeBrowser.tabs.create({ url: PAGE });
    tabId = tab.id!;
    store = new TabStore();
    const learning = new LearningStore();
    registerMessages(store, learning, new SightingsStore(store), new HistoryRecorder(store, learning));
    await store.run(() => store.set(newTab(tabId, PAGE, Date.now())));
    own = fakeBrowser.runtime.getURL('/popup.html');
  });

  const send = async (msg: unknown, sender: object) => (await fakeBrowser.runtime.onMessage.trigger(msg, sender, () => undefined))[0];
  const page = (id = tabId) => ({ id: fakeBrowser.runtime.id, url: PAGE, tab: { id }, frameId: 0 });
  const timing = (entries: { url: string; count: number }[]) => ({ type: 'timing', page: { url: PAGE, timeOrigin: T0 }, entries: entries.map((e) => `${e.count} ${e.url}`).join('\n') });

  it('answers an extension page asking for a tab', async () => {
    const view = await send({ type: 'tab:get', tabId }, { id: fakeBrowser.runtime.id, url: own });
    expect(view).toMatchObject({ tabId, site: 'moreau2026.org' });
  });

  it('does not answer a content script asking for a tab, nor another extension', async () => {
    await expect(send({ type: 'tab:get', tabId }, page())).resolves.toBeUndefined();
    await expect(send({ type: 'tab:get', tabId }, { id: 'someone-else', url: own })).resolves.toBeUndefined();
  });

  it('a page reports only about its own tab', async () => {
    await send(timing([{ url: 'https://www.facebook.com/tr/?id=1&ev=PageView', count: 1 }]), page());
    await store.run(() => undefined);
    expect(store.get(tabId)?.hosts['www.facebook.com']?.requests).toBe(1);
  });

  it('tells a frame it may stop reporting once webRequest had seen everything it reports', async () => {
    const pixel = 'https://www.facebook.com/tr/?id=1&ev=PageView';
    const first = await send(timing([{ url: pixel, count: 1 }]), page());
    expect(first).toEqual({ complete: false }); // recovered from Resource Timing: keep reporting
    const again = await send(timing([{ url: pixel, count: 1 }]), page());
    expect(again).toEqual({ complete: true });
  });

  it('drops unknown, malformed and oversized messages', async () => {
    const before = JSON.stringify(store.get(tabId));
    for (const msg of [
      { type: 'tab:delete', tabId },
      { type: 'timing', page: { url: PAGE, timeOrigin: 'yesterday' }, entries: '' },
      { type: 'timing', page: { url: PAGE, timeOrigin: 1 }, entries: [{ url: PAGE, count: 1 }] },
      { type: 'timing', page: { url: PAGE, timeOrigin: 1 }, entries: 'no-count-here' },
      { type: 'timing', page: { url: PAGE, timeOrigin: 1 }, entries: '0 https://a.example/' },
      timing([{ url: 'x'.repeat(5000), count: 1 }]),
      timing(Array.from({ length: 501 }, (_, i) => ({ url: `https://t.example.com/${i}`, count: 1 }))),
      timing([{ url: 'https://t.example.com/', count: 1e9 }]),
      '<img src=x onerror=alert(1)>',
      null,
    ]) {
      await expect(send(msg, page())).resolves.toBeUndefined();
    }
    await store.run(() => undefined);
    expect(JSON.stringify(store.get(tabId))).toBe(before);
  });

  it('an extension page cannot pose as a content script', async () => {
    await expect(send(timing([{ url: 'https://www.facebook.com/tr/', count: 1 }]), { id: fakeBrowser.runtime.id, url: own, tab: { id: tabId }, frameId: 0 })).resolves.toBeUndefined();
  });

  describe('ads and page text', () => {
    const TOKEN = '0b7f5a52-3c1e-4f2a-9d3b-6c8e1f2a3b4c';
    const slot = { key: 'div-gpt-ad-top', kind: 'gpt', elementId: 'div-gpt-ad-top', size: [300, 250], frameHosts: ['tpc.googlesyndication.com'], text: '', links: [] };
    const adFrame = { type: 'ad-frame', token: TOKEN, text: 'Politische Anzeige. Paid for by Citizens for X.', links: [{ href: 'https://citizensforx.org/t', text: 'Transparenzbekanntmachung' }] };
    // A function: tabId is only known once beforeEach has run.
    const subFrame = () => ({ id: fakeBrowser.runtime.id, url: 'https://s0.2mdn.net/creatives/a.html', origin: 'https://s0.2mdn.net', tab: { id: tabId }, frameId: 7 });

    it('takes slots, links and page text from the top frame only, and ad text from any frame', async () => {
      const sub = subFrame();
      await expect(send({ type: 'ad-slots', slots: [slot] }, sub)).resolves.toBeUndefined();
      await expect(send({ type: 'ad-link', token: TOKEN, slot: slot.key }, sub)).resolves.toBeUndefined();
      await expect(send({ type: 'page-text', page: { url: PAGE, title: 'x', headings: [], meta: {}, schemaTypes: [], text: '' } }, sub)).resolves.toBeUndefined();
      await send({ type: 'ad-slots', slots: [slot] }, page());
      await send({ type: 'ad-link', token: TOKEN, slot: slot.key }, page());
      await send(adFrame, sub);
      await send({ type: 'page-text', page: { url: PAGE, title: 'Spenden', headings: [], meta: {}, schemaTypes: [], text: '' } }, page());
      await store.run(() => undefined);
      const s = store.get(tabId)!;
      expect(s.ads?.slots.map((x) => x.key)).toEqual(['div-gpt-ad-top']);
      expect(s.ads?.links).toEqual({ [TOKEN]: 'div-gpt-ad-top' });
      expect(s.ads?.frames[TOKEN]).toMatchObject({ origin: 'https://s0.2mdn.net', text: adFrame.text });
      expect(s.pageText?.title).toBe('Spenden');
    });

    it('a frame cannot rewrite another origin\'s ad text, and a link is set once', async () => {
      await send(adFrame, subFrame());
      await send({ ...adFrame, text: 'Paid for by Someone Else' }, { ...subFrame(), url: 'https://evil.example/', origin: 'https://evil.example' });
      await send({ type: 'ad-link', token: TOKEN, slot: 'a' }, page());
      await send({ type: 'ad-link', token: TOKEN, slot: 'b' }, page());
      await store.run(() => undefined);
      expect(store.get(tabId)?.ads?.frames[TOKEN]?.text).toBe(adFrame.text);
      expect(store.get(tabId)?.ads?.links[TOKEN]).toBe('a');
    });

    it('drops malformed and oversized ad reports', async () => {
      for (const msg of [
        { type: 'ad-slots', slots: Array.from({ length: 31 }, (_, i) => ({ ...slot, key: `s${i}` })) },
        { type: 'ad-slots', slots: [{ ...slot, kind: 'popup' }] },
        { type: 'ad-slots', slots: [{ ...slot, text: 'x'.repeat(2001) }] },
        { type: 'ad-slots', slots: [{ ...slot, links: [{ href: 'javascript:alert(1)', text: 'x' }] }] },
        { ...adFrame, token: 'not-a-token' },
        { ...adFrame, text: 'x'.repeat(2001) },
        { type: 'ad-link', token: TOKEN, slot: '' },
      ]) {
        await expect(send(msg, page())).resolves.toBeUndefined();
      }
      await store.run(() => undefined);
      expect(store.get(tabId)?.ads).toBeUndefined();
    });

    it('ignores page text from a frame of another site than the tab\'s', async () => {
      await send({ type: 'page-text', page: { url: 'https://other.example/', title: 'x', headings: [], meta: {}, schemaTypes: [], text: '' } }, { ...page(), url: 'https://other.example/' });
      await store.run(() => undefined);
      expect(store.get(tabId)?.pageText).toBeUndefined();
    });
  });
});
