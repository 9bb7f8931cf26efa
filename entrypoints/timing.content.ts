import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { TimingReport } from '@/utils/messages';
import { MAX_PAGE_URL } from '@/utils/limits';

const SEND_EVERY_MS = 1000;
const MAX_ENTRIES = 500;

// Frames report their own document; the parent's "iframe" entry would count it twice.
const SKIP_INITIATORS = new Set(['iframe', 'frame']);

/**
 * Tells the background what this frame loaded, from the page's own Resource Timing, so
 * that requests made before the service worker woke up are still counted. Counts are
 * cumulative per URL, so the background can apply a report any number of times.
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_start',
  main() {
    const counts = new Map<string, number>();
    const changed = new Set<string>();
    let timer: ReturnType<typeof setTimeout> | undefined;

    const send = () => {
      timer = undefined;
      if (!changed.size) return;
      const entries: TimingReport['entries'] = [];
      for (const url of changed) {
        if (entries.length >= MAX_ENTRIES) break;
        entries.push({ url, count: counts.get(url)! });
        changed.delete(url);
      }
      const report: TimingReport = {
        type: 'timing',
        page: { url: location.href.slice(0, MAX_PAGE_URL), timeOrigin: performance.timeOrigin },
        entries,
      };
      browser.runtime.sendMessage(report).catch(() => undefined);
      if (changed.size) schedule();
    };
    const schedule = () => {
      timer ??= setTimeout(send, SEND_EVERY_MS);
    };
    const add = (entries: PerformanceEntryList) => {
      for (const e of entries) {
        const initiator = (e as PerformanceResourceTiming).initiatorType;
        if (SKIP_INITIATORS.has(initiator) || !/^(https?|wss?):/.test(e.name) || e.name.length > MAX_PAGE_URL) continue;
        counts.set(e.name, (counts.get(e.name) ?? 0) + 1);
        changed.add(e.name);
      }
      if (changed.size) schedule();
    };

    add(performance.getEntriesByType('navigation'));
    try {
      new PerformanceObserver((list) => add(list.getEntries())).observe({ type: 'resource', buffered: true });
    } catch {
      add(performance.getEntriesByType('resource'));
    }
    addEventListener('pagehide', send);
  },
});
