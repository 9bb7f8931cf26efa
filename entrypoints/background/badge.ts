import { browser } from 'wxt/browser';
import { tabView } from '@/utils/tabs/view';
import type { LearningStore } from './learning-store';
import type { TabStore } from './tab-store';

const DELAY_MS = 150;

/** The badge shows how many companies could profile the person on that tab. */
export function registerBadge(store: TabStore, learning: LearningStore): void {
  const action = browser.action ?? browser.browserAction;
  const pending = new Map<number, ReturnType<typeof setTimeout>>();
  void action.setBadgeBackgroundColor({ color: '#5b2a86' });
  store.onChange((tabId) => {
    if (pending.has(tabId)) return;
    pending.set(
      tabId,
      setTimeout(() => {
        pending.delete(tabId);
        const state = store.get(tabId);
        if (!state) return;
        const n = tabView(state, learning.state).profilingCount;
        // Set every time: Chrome clears a tab's badge when the tab navigates.
        action.setBadgeText({ tabId, text: n > 0 ? String(n) : '' }).catch(() => undefined);
      }, DELAY_MS),
    );
  });
}
