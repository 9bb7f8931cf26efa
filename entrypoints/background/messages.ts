import { browser } from 'wxt/browser';
import { NOTICE_KEY } from '@/utils/history/settings';
import { messageSchema, parseTimingEntries } from '@/utils/messages';
import { tabView } from '@/utils/tabs/view';
import type { HistoryRecorder } from './history';
import type { LearningStore } from './learning-store';
import type { TabStore } from './tab-store';
import { handleProbe } from './probe';
import { handleTiming } from './timing';

interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

/**
 * The one inbound door. Each message is checked for who sent it, then parsed; anything
 * unknown is dropped without an answer. Content scripts only ever affect their own tab.
 */
export function registerMessages(store: TabStore, learning: LearningStore, history: HistoryRecorder): void {
  const ownOrigin = browser.runtime.getURL('');
  browser.runtime.onMessage.addListener((raw: unknown, rawSender: unknown): Promise<unknown> | undefined => {
    const sender = rawSender as Sender;
    if (sender.id !== browser.runtime.id) return undefined;
    const parsed = messageSchema.safeParse(raw);
    if (!parsed.success) return undefined;
    const msg = parsed.data;
    const fromExtensionPage = !!sender.url?.startsWith(ownOrigin);
    switch (msg.type) {
      case 'timing': {
        const tabId = sender.tab?.id;
        const entries = parseTimingEntries(msg.entries);
        if (fromExtensionPage || tabId === undefined || tabId < 0 || sender.frameId === undefined || !entries) return undefined;
        return handleTiming(store, tabId, sender.frameId, msg, entries).then((complete) => ({ complete }));
      }
      case 'probe': {
        const tabId = sender.tab?.id;
        if (fromExtensionPage || tabId === undefined || tabId < 0 || !sender.url) return undefined;
        return handleProbe(store, tabId, sender.url, msg).then(() => null);
      }
      case 'tab:get': {
        if (!fromExtensionPage) return undefined;
        return store.run(async () => {
          await learning.ready;
          const state = store.get(msg.tabId);
          return state ? tabView(state, learning.state) : null;
        });
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
