import { onBackgroundMessage, sendToBackground } from '../content-messaging';
import { MAX_PAGE_URL } from '../limits';
import type { TimingReport } from '../messages';

const SEND_EVERY_MS = 1000;
const MAX_ENTRIES = 500;

// Frames report their own document; the parent's "iframe" entry would count it twice.
const SKIP_INITIATORS = new Set(['iframe', 'frame']);

/**
 * Tells the background what this frame loaded, from the page's own Resource Timing, so
 * that requests made before the service worker woke up are still counted. Counts are
 * cumulative per URL, so the background can apply a report any number of times.
 *
 * Reporting stops as soon as the background answers that it had seen everything (its
 * worker was awake): from then on it sees requests itself. When its worker starts again,
 * it asks the frame to report again, from what the page's timeline still holds.
 */
export function watchResourceTiming(): void {
  const counts = new Map<string, number>();
  const changed = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let observer: PerformanceObserver | undefined;
  let reporting = true;

  const send = () => {
    timer = undefined;
    if (!changed.size) return;
    const lines: string[] = [];
    for (const url of changed) {
      if (lines.length >= MAX_ENTRIES) break;
      lines.push(`${counts.get(url)} ${url}`);
      changed.delete(url);
    }
    const entries = lines.join('\n');
    const report: TimingReport = {
      type: 'timing',
      page: { url: location.href.slice(0, MAX_PAGE_URL), timeOrigin: performance.timeOrigin },
      entries,
    };
    void sendToBackground(report).then((answer) => {
      if ((answer as { complete?: unknown } | undefined)?.complete === true && !changed.size) stop();
    });
    if (changed.size) schedule();
  };
  const stop = () => {
    reporting = false;
    observer?.disconnect();
    observer = undefined;
    clearTimeout(timer);
    timer = undefined;
  };
  const schedule = () => {
    timer ??= setTimeout(send, SEND_EVERY_MS);
  };
  const add = (entries: PerformanceEntryList) => {
    // Runs for every resource of every frame: each entry getter is a call into the
    // browser, so read each once.
    for (const e of entries) {
      const name = e.name;
      if (!name.startsWith('http') || name.length > MAX_PAGE_URL) continue;
      if (SKIP_INITIATORS.has((e as PerformanceResourceTiming).initiatorType)) continue;
      counts.set(name, (counts.get(name) ?? 0) + 1);
      changed.add(name);
    }
    if (changed.size && reporting) schedule();
  };

  // Nothing to do at document start: the buffered observer, started once the document is
  // parsed, still receives every entry from the beginning. Entries are read in batches.
  let listening = false;
  const start = () => {
    // The extension API is first touched here, not at document start: setting up its
    // bindings is most of this script's cost.
    if (!listening) {
      listening = true;
      onBackgroundMessage((message) => {
        if ((message as { type?: unknown } | null)?.type !== 'timing:resend' || reporting) return;
        // Start over from the page's timeline: the buffered observer delivers it again.
        counts.clear();
        changed.clear();
        reporting = true;
        start();
      });
    }
    add(performance.getEntriesByType('navigation'));
    try {
      observer = new PerformanceObserver((list) => add(list.getEntries()));
      observer.observe({ type: 'resource', buffered: true });
    } catch {
      add(performance.getEntriesByType('resource'));
    }
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
  addEventListener('pagehide', () => reporting && send());
}
