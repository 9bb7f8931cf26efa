import { browser } from 'wxt/browser';
import { classifyRequest, cookieSignal } from '@/utils/engine';
import type { RequestBody, Signal } from '@/utils/engine/types';
import { addCookieSignal, newTab, recordRequest, type TabState } from '@/utils/tabs/state';
import type { LearningStore } from './learning-store';
import type { TabStore } from './tab-store';

const MAX_BODY_BYTES = 64 * 1024;
const LEARN_FROM = new Set<Signal['kind']>(['identifier-in-url', 'id-sync', 'hashed-identity', 'plain-identity']);
const decoder = new TextDecoder();

interface RequestDetails {
  requestId: string;
  tabId: number;
  frameId: number;
  url: string;
  type: string;
  timeStamp: number;
  method?: string;
  requestBody?: { formData?: Record<string, string[]>; raw?: { bytes?: ArrayBuffer }[] } | null;
}

interface ResponseDetails {
  tabId: number;
  url: string;
  type: string;
  responseHeaders?: { name: string; value?: string }[];
}

function bodyOf(details: RequestDetails): RequestBody | undefined {
  const b = details.requestBody;
  if (!b) return undefined;
  if (b.formData) return { formData: b.formData };
  const bytes = b.raw?.[0]?.bytes;
  if (bytes && bytes.byteLength <= MAX_BODY_BYTES) return { text: decoder.decode(bytes) };
  return undefined;
}

/** The state for a tab, created from the tab's URL when the worker knew nothing of it. */
async function stateFor(store: TabStore, tabId: number, now: number): Promise<TabState | undefined> {
  const existing = store.get(tabId);
  if (existing) return existing;
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  if (!tab?.url) return undefined;
  const state = newTab(tabId, tab.url, now);
  store.set(state);
  return state;
}

/** Remembers recent request ids (with their URL: a redirect keeps the id) so that an event delivered twice counts once. */
class RecentRequests {
  private current = new Set<string>();
  private previous = new Set<string>();

  firstTime(requestId: string, url: string): boolean {
    const key = `${requestId}|${url.length > 256 ? url.slice(0, 256) + url.length : url}`;
    if (this.current.has(key) || this.previous.has(key)) return false;
    if (this.current.size >= 5000) {
      this.previous = this.current;
      this.current = new Set();
    }
    this.current.add(key);
    return true;
  }
}

export function registerRequests(store: TabStore, learning: LearningStore): void {
  const ownOrigin = browser.runtime.getURL('');
  const recent = new RecentRequests();
  // Tabs whose frames were asked, since this worker started, to report what they loaded.
  const resynced = new Set<number>();

  browser.webRequest.onBeforeRequest.addListener(
    (raw) => {
      const details = raw as unknown as RequestDetails;
      if (details.tabId < 0 || details.url.startsWith(ownOrigin) || !recent.firstTime(details.requestId, details.url)) return undefined;
      const body = details.method === 'POST' ? bodyOf(details) : undefined;
      void store.run(async () => {
        if (details.type === 'main_frame') store.set(newTab(details.tabId, details.url, details.timeStamp));
        else if (!resynced.has(details.tabId)) {
          // The first event for a page this worker did not see begin: events may have
          // been missed while it slept, so the page's frames report again.
          browser.tabs.sendMessage(details.tabId, { type: 'timing:resend' }).catch(() => undefined);
        }
        resynced.add(details.tabId);
        const state = await stateFor(store, details.tabId, details.timeStamp);
        if (!state) return;
        await learning.ready;
        const c = classifyRequest({ url: details.url, documentUrl: state.url, type: details.type, body });
        recordRequest(state, details.frameId, details.url, c);
        if (c.party === 'third' && !c.entity) {
          for (const s of c.signals) if (LEARN_FROM.has(s.kind)) learning.record(c.site, state.site, s.kind);
        }
        store.changed(state.tabId);
      });
      return undefined;
    },
    { urls: ['<all_urls>'] },
    ['requestBody'],
  );

  // Chrome hides Set-Cookie from listeners that do not ask for extraHeaders; Firefox
  // rejects the option.
  const extra = (browser.webRequest as unknown as { OnHeadersReceivedOptions?: Record<string, string> })
    .OnHeadersReceivedOptions?.EXTRA_HEADERS;
  browser.webRequest.onHeadersReceived.addListener(
    (raw) => {
      const details = raw as unknown as ResponseDetails;
      if (details.tabId < 0 || details.type === 'main_frame') return undefined;
      const cookies = (details.responseHeaders ?? [])
        .filter((h) => h.name.toLowerCase() === 'set-cookie' && h.value)
        .map((h) => h.value!);
      if (!cookies.length) return undefined;
      void store.run(() => {
        const state = store.get(details.tabId);
        if (!state) return;
        const c = classifyRequest({ url: details.url, documentUrl: state.url, type: details.type });
        if (c.party !== 'third') return;
        const { signal, identifying } = cookieSignal(cookies);
        if (!signal) return;
        if (addCookieSignal(state, c, signal)) store.changed(state.tabId);
        if (identifying && !c.entity) learning.record(c.site, state.site, 'third-party-cookie');
      });
      return undefined;
    },
    { urls: ['<all_urls>'] },
    extra ? ['responseHeaders', extra as 'responseHeaders'] : ['responseHeaders'],
  );
}
