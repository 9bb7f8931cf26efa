import { browser } from 'wxt/browser';
import type { TabStore } from './tab-store';

/** Keeps per-tab state in step with the browser's tabs. */
export function registerTabs(store: TabStore): void {
  browser.tabs.onRemoved.addListener((tabId) => {
    void store.run(() => store.delete(tabId));
  });
  // A prerendered page takes over a tab under a new id: its state moves with it.
  browser.tabs.onReplaced.addListener((addedTabId, removedTabId) => {
    void store.run(() => {
      const state = store.get(removedTabId);
      store.delete(removedTabId);
      if (state) store.set({ ...state, tabId: addedTabId });
    });
  });
}
