import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HistoryRecorder } from '@/entrypoints/background/history';
import { LearningStore } from '@/entrypoints/background/learning-store';
import { registerMessages } from '@/entrypoints/background/messages';
import { SightingsStore } from '@/entrypoints/background/sightings';
import { TabStore } from '@/entrypoints/background/tab-store';
import type { HistoryDB } from '@/utils/db/database';
import { SETTINGS_KEY } from '@/utils/history/settings';
import { dump, freshDb, pixel, T0, tabState } from './fixtures';

describe('the background history recorder', () => {
  let db: HistoryDB;
  let store: TabStore;
  let learning: LearningStore;
  let history: HistoryRecorder;

  beforeEach(async () => {
    fakeBrowser.reset();
    db = freshDb();
    store = new TabStore();
    learning = new LearningStore();
    history = new HistoryRecorder(store, learning, db, () => T0 + 1000);
    store.onChange((id) => history.changed(id));
    registerMessages(store, learning, new SightingsStore(store), history);
  });
  afterEach(async () => db.delete());

  async function open(url: string, opts: { incognito?: boolean } = {}) {
    const tab = await fakeBrowser.tabs.create({ url });
    if (opts.incognito) {
      // The fake browser has no incognito tabs: this one says it is.
      const get = fakeBrowser.tabs.get.bind(fakeBrowser.tabs);
      vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation(async (id: number) => ({ ...(await get(id)), incognito: id === tab.id }));
    }
    const state = tabState(tab.id!, url, T0, [{ key: 'company:Meta', requests: 2, signals: [pixel()] }]);
    await store.run(() => store.set(state));
    return { tabId: tab.id!, state };
  }

  const send = async (msg: unknown, fromPage = true) =>
    (await fakeBrowser.runtime.onMessage.trigger(msg, { id: fakeBrowser.runtime.id, url: fromPage ? fakeBrowser.runtime.getURL('/dashboard.html') : 'https://evil.example/', tab: fromPage ? undefined : { id: 1 }, frameId: 0 } as never, () => undefined))[0];

  it('writes an open tab\'s page on flush, and again without counting twice', async () => {
    const { tabId, state } = await open('https://www.moreau2026.org/donate?x=1');
    await history.flush();
    await history.flush();
    state.companies['company:Meta']!.requests = 5;
    store.changed(tabId);
    await send({ type: 'history:flush' });
    const rows = await dump(db);
    expect(rows.visits).toEqual([expect.objectContaining({ site: 'moreau2026.org', path: '/donate' })]);
    expect(rows.rollups).toEqual([expect.objectContaining({ entity: 'company:Meta', visits: 1, requests: 5 })]);
  });

  it('writes a closed tab\'s page at once', async () => {
    const { tabId } = await open('https://www.lindenbakery.org/');
    history.closed(tabId);
    await history.flush();
    expect(await db.visits.count()).toBe(1);
  });

  it('never writes incognito tabs, paused sites, or anything while history is off', async () => {
    await open('https://www.private-example.org/', { incognito: true });
    await send({ type: 'history:pause', site: 'lindenbakery.org', paused: true });
    await open('https://www.lindenbakery.org/');
    await history.flush();
    expect(await db.visits.count()).toBe(0);
    await send({ type: 'history:settings', settings: { enabled: false } });
    await open('https://www.chess-corner.org/');
    await history.flush();
    expect(await db.visits.count()).toBe(0);
    expect((await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).toMatchObject({ enabled: false, pausedSites: ['lindenbakery.org'] });
  });

  it('deleting a site clears it from the store and from local learning, and its open tab is not written again', async () => {
    const { tabId } = await open('https://www.gardening-weekly.org/');
    await open('https://www.cycling-club.org/');
    learning.record('pixel-exchange-example.net', 'gardening-weekly.org', 'third-party-cookie');
    learning.record('pixel-exchange-example.net', 'cycling-club.org', 'third-party-cookie');
    learning.record('only-there.net', 'gardening-weekly.org', 'third-party-cookie');
    await history.flush();
    expect(await send({ type: 'history:delete-site', site: 'gardening-weekly.org' })).toBe(1);
    store.changed(tabId);
    await history.flush();
    expect((await db.visits.toArray()).map((v) => v.site)).toEqual(['cycling-club.org']);
    expect(learning.state).toEqual({ 'pixel-exchange-example.net': expect.objectContaining({ sites: ['cycling-club.org'] }) });
    expect((await fakeBrowser.storage.local.get('learning:v1'))['learning:v1']).toEqual(learning.state);
    await send({ type: 'history:delete-all' });
    expect(Object.values(await dump(db)).flat()).toEqual([]);
    expect(learning.state).toEqual({});
  });

  it('only extension pages may change the history', async () => {
    await open('https://www.moreau2026.org/');
    await history.flush();
    await expect(send({ type: 'history:delete-all' }, false)).resolves.toBeUndefined();
    await expect(send({ type: 'history:settings', settings: { retentionDays: 1 } }, false)).resolves.toBeUndefined();
    expect(await db.visits.count()).toBe(1);
    expect(history.settings.retentionDays).toBe(90);
  });

  it('imports through the background and reports the first problem', async () => {
    const result = await send({ type: 'history:import', payload: { kind: 'text', text: '{"format":"other"}' } });
    expect(result).toEqual({ ok: false, problem: 'wrong-format', detail: 'the header: format is "other", expected "targetlens-export"' });
  });
});
