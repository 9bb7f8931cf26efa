import { browser } from 'wxt/browser';
import { recordSightings, type Sightings } from '@/utils/ads/sightings';
import type { TabStore } from './tab-store';

const KEY = 'sightings';
const SAVE_AFTER_MS = 1000;

/**
 * Which companies received data on which sites during this browsing session, so that an
 * ad's explanation can say what its ad network could already know. Kept in
 * storage.session: it ends with the browser session, and survives the worker.
 */
export class SightingsStore {
  state: Sightings = {};
  readonly ready: Promise<void>;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(tabs: TabStore) {
    this.ready = browser.storage.session.get(KEY).then((v) => {
      this.state = { ...((v[KEY] as Sightings | undefined) ?? {}), ...this.state };
    });
    tabs.onChange((tabId) => {
      const s = tabs.get(tabId);
      if (s && recordSightings(this.state, s)) this.save();
    });
  }

  private save(): void {
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      void this.ready.then(() => browser.storage.session.set({ [KEY]: this.state }));
    }, SAVE_AFTER_MS);
  }
}
