import { browser } from 'wxt/browser';
import { NOTICE_KEY } from '@/utils/history/settings';
import { messageSchema, parseTimingEntries } from '@/utils/messages';
import type { HistoryRecorder } from './history';
import { viewWithHistory } from './lens';
import type { LearningStore } from './learning-store';
import type { TabStore } from './tab-store';
import { admitProbe, handleProbe } from './probe';
import { handleTiming } from './timing';
import { handleAdFrame, handleAdLink, handleAdSlots, handlePageText } from './ads';
import type { SightingsStore } from './sightings';

interface Sender {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number };
  frameId?: number;
}

function originOf(sender: Sender): string | undefined {
  if (sender.origin) return sender.origin;
  try {
    return new URL(sender.url ?? '').origin;
  } catch {
    return undefined;
  }
}

/**
 * The one inbound door. Each message is checked for who sent it, then parsed; anything
 * unknown is dropped without an answer. Content scripts only ever affect their own tab.
 */
export function registerMessages(store: TabStore, learning: LearningStore, sightings: SightingsStore, history: HistoryRecorder): void {
  const ownOrigin = browser.runtime.getURL('');
  browser.runtime.onMessage.addListener((raw: unknown, rawSender: unknown): Promise<unknown> | undefined => {
    const sender = rawSender as Sender;
    if (sender.id !== browser.runtime.id) return undefined;
    // Probe reports are rate-limited per tab before anything is parsed.
    if ((raw as { type?: unknown } | null)?.type === 'probe' && !sender.url?.startsWith(ownOrigin) && !admitProbe(store, sender.tab?.id ?? -1, sender.frameId === 0, raw)) return undefined;
    const parsed = messageSchema.safeParse(raw);
    if (!parsed.success) return undefined;
    const msg = parsed.data;
    const fromExtensionPage = !!sender.url?.startsWith(ownOrigin);
    const tabId = sender.tab?.id ?? -1;
    const fromPage = !fromExtensionPage && tabId >= 0 && !!sender.url;
    const fromTopFrame = fromPage && sender.frameId === 0;
    switch (msg.type) {
      case 'timing': {
        const tabId = sender.tab?.id;
        const entries = parseTimingEntries(msg.entries);
        if (fromExtensionPage || tabId === undefined || tabId < 0 || sender.frameId === undefined || !entries) return undefined;
        return handleTiming(store, tabId, sender.frameId, msg, entries).then((complete) => ({ complete }));
      }
      case 'probe': {
        const tabId = sender.tab?.id;
        // An about:blank or srcdoc frame has the origin of the document that made it, not "null".
        const origin = originOf(sender);
        if (fromExtensionPage || tabId === undefined || tabId < 0 || !sender.url || !origin) return undefined;
        return handleProbe(store, tabId, origin, sender.frameId === 0, msg).then(() => null);
      }
      case 'page-text':
        return fromTopFrame ? handlePageText(store, tabId, sender.url!, msg).then(() => null) : undefined;
      case 'ad-slots':
        return fromTopFrame ? handleAdSlots(store, tabId, sender.url!, msg).then(() => null) : undefined;
      case 'ad-link':
        return fromTopFrame ? handleAdLink(store, tabId, sender.url!, msg).then(() => null) : undefined;
      case 'ad-frame': {
        const origin = originOf(sender);
        return fromPage && origin ? handleAdFrame(store, tabId, origin, msg).then(() => null) : undefined;
      }
      case 'tab:get': {
        if (!fromExtensionPage) return undefined;
        return store.run(async () => {
          await Promise.all([learning.ready, sightings.ready]);
          return store.get(msg.tabId);
        }).then((state) => (state ? viewWithHistory(history.db, state, learning.state, sightings.state) : null));
      }
      default: {
        // Local history: only extension pages may change it.
        if (!fromExtensionPage) return undefined;
        switch (msg.type) {
          case 'history:settings':
            return history.setSettings(msg.settings);
          case 'history:pause':
            return history.pause(msg.site, msg.paused);
          case 'history:delete-site':
            return history.deleteSite(msg.site);
          case 'history:delete-all':
            return history.deleteAll().then(() => null);
          case 'history:import':
            return history.import(msg.payload);
          case 'history:flush':
            return history.flush().then(() => null);
          case 'history:dismiss-notice':
            return browser.storage.local.remove(NOTICE_KEY).then(() => null);
        }
      }
    }
  });
}
