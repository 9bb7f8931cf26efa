import { classifyRequest } from '@/utils/engine';
import type { TimingEntries, TimingReport } from '@/utils/messages';
import { newTab, recordTiming } from '@/utils/tabs/state';
import type { TabStore } from './tab-store';

/**
 * Reconciles what a frame says it loaded (Resource Timing) with what webRequest saw, so
 * requests made before the service worker woke up are counted, and only once. Resolves
 * to whether webRequest had already seen everything reported: the frame may then stop.
 */
export function handleTiming(store: TabStore, tabId: number, frameId: number, report: TimingReport, entries: TimingEntries): Promise<boolean> {
  return store.run(() => {
    let state = store.get(tabId);
    let complete = true;
    if (frameId === 0) {
      const known = state?.timeOrigin;
      if (known !== undefined && report.page.timeOrigin < known) return true; // from the previous document
      // A report older than the navigation we saw start belongs to the page before it.
      if (state && known === undefined && report.page.timeOrigin < state.startedAt - 5_000) return true;
      if (!state || (known !== undefined && report.page.timeOrigin > known)) {
        // A newer document than the one we hold: its navigation happened while we slept.
        state = newTab(tabId, report.page.url, report.page.timeOrigin);
        complete = false;
      }
      state.timeOrigin = report.page.timeOrigin;
      store.set(state);
    }
    if (!state) return false;
    const page = state;
    let added = 0;
    for (const { url, count } of entries) {
      added += recordTiming(page, frameId, url, count, () => classifyRequest({ url, documentUrl: page.url }));
    }
    if (added) store.changed(tabId);
    return complete && added === 0;
  });
}
