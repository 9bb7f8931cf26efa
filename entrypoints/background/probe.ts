import { classifyRequest } from '@/utils/engine';
import type { ProbeReport } from '@/utils/messages';
import { recordFinding } from '@/utils/tabs/page-findings';
import type { TabStore } from './tab-store';

/** Merges what a frame's probe found into its tab, attributed to the frame's origin. */
export function handleProbe(store: TabStore, tabId: number, frameUrl: string, report: ProbeReport): Promise<void> {
  return store.run(() => {
    const state = store.get(tabId);
    if (!state) return;
    let origin = '';
    try {
      origin = new URL(frameUrl).origin;
    } catch {
      return;
    }
    let changed = false;
    for (const f of report.findings) {
      changed = recordFinding(state.page, f, origin, (url) => classifyRequest({ url, documentUrl: state.url })) || changed;
    }
    if (changed) store.changed(tabId);
  });
}
