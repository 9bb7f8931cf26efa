import { siteOf, parseUrl } from '@/utils/engine/url';
import type { AdFrameReport, AdLink, AdSlotsReport, PageTextReport } from '@/utils/messages';
import { emptyAds, recordAdFrame, recordAdLink, recordSlots } from '@/utils/ads/state';
import type { TabStore } from './tab-store';

function sameSite(frameUrl: string, pageSite: string): boolean {
  return siteOf(parseUrl(frameUrl).host) === pageSite;
}

/** The top document's text, kept for the political-page classifier. Only from the top frame of the tab's current site. */
export function handlePageText(store: TabStore, tabId: number, frameUrl: string, msg: PageTextReport): Promise<void> {
  return store.run(() => {
    const state = store.get(tabId);
    if (!state || !sameSite(frameUrl, state.site)) return;
    if (JSON.stringify(state.pageText) === JSON.stringify(msg.page)) return;
    state.pageText = msg.page;
    store.changed(tabId);
  });
}

export function handleAdSlots(store: TabStore, tabId: number, frameUrl: string, msg: AdSlotsReport): Promise<void> {
  return store.run(() => {
    const state = store.get(tabId);
    if (!state || !sameSite(frameUrl, state.site)) return;
    state.ads ??= emptyAds();
    if (recordSlots(state.ads, msg.slots)) store.changed(tabId);
  });
}

export function handleAdFrame(store: TabStore, tabId: number, origin: string, msg: AdFrameReport): Promise<void> {
  return store.run(() => {
    const state = store.get(tabId);
    if (!state) return;
    state.ads ??= emptyAds();
    if (recordAdFrame(state.ads, msg.token, origin, msg.text, msg.links)) store.changed(tabId);
  });
}

export function handleAdLink(store: TabStore, tabId: number, frameUrl: string, msg: AdLink): Promise<void> {
  return store.run(() => {
    const state = store.get(tabId);
    if (!state || !sameSite(frameUrl, state.site)) return;
    state.ads ??= emptyAds();
    if (recordAdLink(state.ads, msg.token, msg.slot)) store.changed(tabId);
  });
}
