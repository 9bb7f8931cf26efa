import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HistoryRecorder } from '@/entrypoints/background/history';
import { LearningStore } from '@/entrypoints/background/learning-store';
import { registerMessages } from '@/entrypoints/background/messages';
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
    registerMessages(store, learning, new HistoryRecorder(store, learning));
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
});
