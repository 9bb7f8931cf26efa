import { browser } from 'wxt/browser';
import type { GetTab } from './messages';
import type { PopupView } from './tabs/popup-view';

/** Extension pages ask the background; it answers from its (restored) state. */
export async function fetchTabView(tabId: number): Promise<PopupView | null> {
  const msg: GetTab = { type: 'tab:get', tabId };
  return ((await browser.runtime.sendMessage(msg)) as PopupView | null | undefined) ?? null;
}
