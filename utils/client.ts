import { browser } from 'wxt/browser';
import type { GetTab } from './messages';
import type { TabView } from './tabs/view';

/** Extension pages ask the background; it answers from its (restored) state. */
export async function fetchTabView(tabId: number): Promise<TabView | null> {
  const msg: GetTab = { type: 'tab:get', tabId };
  return ((await browser.runtime.sendMessage(msg)) as TabView | null | undefined) ?? null;
}
